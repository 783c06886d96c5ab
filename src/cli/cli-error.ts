/** A bad command line: printed as one line, exit code 2. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}

export function parseNumberFlag(flag: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n <= 0) throw new CliUsageError(`${flag} must be a positive number, got "${raw}"`);
  return n;
}
