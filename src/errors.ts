/**
 * Typed errors. `InputError` is the caller's misuse (bad DAG, bad option, bad file): it carries
 * every issue found, each with the path of the offending field, what was expected and what was
 * given. `InvariantError` is a broken internal invariant: a bug in Sluice, never the caller's fault.
 */

export type IssueCode =
  | "invalid_value"
  | "invalid_type"
  | "unknown_reference"
  | "duplicate"
  | "cycle"
  | "contradiction"
  | "infeasible"
  | "parse_error"
  | "unsupported";

export interface Issue {
  readonly code: IssueCode;
  /** Where the offending value sits, e.g. `["stages", 2, "instances"]` or `["file.csv", "line 14", "runtime_ms"]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
}

export function formatIssue(issue: Issue): string {
  const where = issue.path.length > 0 ? issue.path.join(".") : "(root)";
  const parts = [`${where}: ${issue.message}`];
  if (issue.expected !== undefined) parts.push(`expected ${issue.expected}`);
  if (issue.actual !== undefined) parts.push(`got ${issue.actual}`);
  return parts.join("; ");
}

export class SluiceError extends Error {
  override name = "SluiceError";
}

/** The caller's input is wrong. Lists every issue found, not just the first. */
export class InputError extends SluiceError {
  override name = "InputError";
  readonly issues: readonly Issue[];
  constructor(what: string, issues: readonly Issue[]) {
    super(`${what}: ${issues.length} issue${issues.length === 1 ? "" : "s"}\n` + issues.map((i) => `  - ${formatIssue(i)}`).join("\n"));
    this.issues = issues;
  }
}

/** A broken internal invariant: a bug in Sluice. */
export class InvariantError extends SluiceError {
  override name = "InvariantError";
}

/** Shorthand for a one-issue InputError. */
export function inputError(what: string, issue: Issue): InputError {
  return new InputError(what, [issue]);
}

/** Renders any value compactly for an `actual` field. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return String(value);
  try {
    const s = JSON.stringify(value);
    return s.length > 80 ? s.slice(0, 77) + "..." : s;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
