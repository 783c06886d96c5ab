/** Command-line value checks: each bad value is a catalogued usage error naming the flag (exit 64). */
import { show, sluiceError } from "../../errors.js";

export function parseNumberFlag(flag: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n <= 0) throw sluiceError("cli.badFlagValue", { path: [flag], expected: "a positive number", actual: show(raw) });
  return n;
}

export function parseWholeFlag(flag: string, raw: string): number {
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(n) || n <= 0) throw sluiceError("cli.badFlagValue", { path: [flag], expected: "a whole number > 0", actual: show(raw) });
  return n;
}

/** A flag whose value must be one of a list. */
export function checkChoice<T extends string>(flag: string, raw: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(raw)) throw sluiceError("cli.badFlagValue", { path: [flag], expected: `one of ${choices.join(", ")}`, actual: show(raw) });
  return raw as T;
}

export function missingFlag(flag: string, example: string): never {
  throw sluiceError("cli.missingFlag", { path: [flag], expected: example });
}
