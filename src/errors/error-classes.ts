/**
 * The typed errors. `InputError`: the caller's input is wrong (usage, data, no input) — it lists
 * every issue found. `IoError`: an output cannot be written (I/O) or an optional backend is
 * missing. `InvariantError`: a broken internal invariant, a bug in Sluice. All are `SluiceError`s
 * carrying the first issue's catalogue code, its category and the CLI exit code that follows.
 */
import { CATALOGUE, keyOfCode, type ErrorKey } from "./catalogue/index.js";
import { EXIT_CODES, type ErrorCategory, type ErrorCode } from "./entry.js";
import { formatIssue, issue, type Issue, type IssueFields } from "./issue.js";

function categoryOf(i: Issue | undefined, fallback: ErrorCategory): ErrorCategory {
  const key = i === undefined ? undefined : keyOfCode(i.code);
  return key === undefined ? fallback : CATALOGUE[key].category;
}

function render(what: string, issues: readonly Issue[]): string {
  const lines = [`${what}: ${issues.length} issue${issues.length === 1 ? "" : "s"}`];
  const hinted = new Set<string>();
  for (const i of issues) {
    lines.push(`  - ${formatIssue(i)}`);
    if (i.hint !== undefined && !hinted.has(i.code)) {
      hinted.add(i.code);
      lines.push(`    hint: ${i.hint}`);
    }
  }
  return lines.join("\n");
}

export class SluiceError extends Error {
  override name = "SluiceError";
  readonly issues: readonly Issue[];
  /** The first issue's catalogue code ("SLU0000" if it has none). */
  readonly code: ErrorCode;
  readonly category: ErrorCategory;

  constructor(what: string, issues: readonly Issue[], fallback: ErrorCategory, options?: { cause?: unknown }) {
    super(render(what, issues), options);
    this.issues = issues;
    const first = issues[0];
    this.code = first !== undefined && first.code.startsWith("SLU") ? (first.code as ErrorCode) : "SLU0000";
    this.category = categoryOf(first, fallback);
  }

  /** The sysexits code the CLI exits with. */
  get exitCode(): number {
    return EXIT_CODES[this.category];
  }

  toJSON(): { name: string; code: ErrorCode; category: ErrorCategory; issues: readonly Issue[] } {
    return { name: this.name, code: this.code, category: this.category, issues: this.issues };
  }
}

/** The caller's input is wrong. Lists every issue found, not just the first. */
export class InputError extends SluiceError {
  override name = "InputError";
  constructor(what: string, issues: readonly Issue[], options?: { cause?: unknown }) {
    super(what, issues, "data", options);
  }
}

/** An output cannot be written, or an optional backend is unavailable: the environment, not the input. */
export class IoError extends SluiceError {
  override name = "IoError";
  constructor(what: string, issues: readonly Issue[], options?: { cause?: unknown }) {
    super(what, issues, "io", options);
  }
}

/** A broken internal invariant: a bug in Sluice. `new InvariantError("detail")` or through `sluiceError("internal.…", …)`. */
export class InvariantError extends SluiceError {
  override name = "InvariantError";
  constructor(detail: string | Issue, options?: { cause?: unknown }) {
    const i = typeof detail === "string" ? issue("internal.invariant", { params: { detail } }) : detail;
    super("Internal error", [i], "internal", options);
  }
}

const AREA_TITLES: Readonly<Record<string, string>> = {
  option: "Invalid option",
  cli: "Bad command line",
  dag: "Invalid DAG",
  platform: "Invalid platform",
  profiles: "Cannot use the profiles",
  traces: "Cannot read the traces",
  columns: "Cannot map the trace columns",
  size: "Invalid size",
  plan: "Cannot plan",
  decisions: "Invalid decisions",
  solve: "Cannot solve",
  lp: "Invalid MILP model",
  simulate: "Cannot simulate",
  execute: "Cannot run",
  calibrate: "Cannot calibrate",
  workloads: "Cannot run the workload",
  io: "Input/output error",
  interop: "Cannot import or export",
  internal: "Internal error",
};

/** The title an error of this key gets ("Invalid DAG", …). */
export function areaTitle(key: ErrorKey): string {
  return AREA_TITLES[key.slice(0, key.indexOf("."))] ?? "Error";
}

/**
 * The error for one catalogued issue, of the class its category calls for:
 * `throw sluiceError("dag.duplicateStageId", { path: ["stages", 2, "id"], actual: show(id) })`.
 */
export function sluiceError<K extends ErrorKey>(key: K, fields: IssueFields<K>, options?: { what?: string; cause?: unknown }): SluiceError {
  const i = issue(key, fields);
  const what = options?.what ?? areaTitle(key);
  const cause = options?.cause === undefined ? undefined : { cause: options.cause };
  switch (CATALOGUE[key].category) {
    case "internal":
      return new InvariantError(i, cause);
    case "io":
    case "unavailable":
      return new IoError(what, [i], cause);
    default:
      return new InputError(what, [i], cause);
  }
}

/** An InputError for issues collected from several places, titled by the first issue's area. */
export function inputErrorOf(issues: readonly Issue[], what?: string): InputError {
  const key = issues[0] === undefined ? undefined : keyOfCode(issues[0].code);
  return new InputError(what ?? (key === undefined ? "Invalid input" : areaTitle(key)), issues);
}
