/**
 * The shape of one catalogue entry, the error categories and their sysexits exit codes.
 * A category says whose fault an error is and what a script should do about it; the CLI exits with
 * its code (sysexits.h): usage 64, data 65, no input 66, unavailable 69, internal 70, I/O 74.
 */

export const ERROR_CATEGORIES = ["usage", "data", "no-input", "unavailable", "io", "internal"] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export const EXIT_CODES: Readonly<Record<ErrorCategory, number>> = {
  usage: 64, // EX_USAGE: a bad option or flag
  data: 65, // EX_DATAERR: a DAG, platform, trace or model file that is wrong
  "no-input": 66, // EX_NOINPUT: an input file or folder that does not exist or cannot be read
  unavailable: 69, // EX_UNAVAILABLE: an optional engine or backend that is not installed
  internal: 70, // EX_SOFTWARE: a broken invariant, a bug in Sluice
  io: 74, // EX_IOERR: an output that cannot be written
};

export const CATEGORY_TITLES: Readonly<Record<ErrorCategory, string>> = {
  usage: "Usage: options and command-line flags",
  data: "Data: DAGs, platforms, traces, profiles",
  "no-input": "No input: files and folders that cannot be read",
  unavailable: "Unavailable: optional engines and backends",
  io: "I/O: outputs that cannot be written",
  internal: "Internal: broken invariants (bugs in Sluice)",
};

/** `SLU` and four digits. Ranges by area are listed in catalogue/index.ts. */
export type ErrorCode = `SLU${number}`;

export interface CatalogueEntry {
  readonly code: ErrorCode;
  readonly category: ErrorCategory;
  /** What is wrong, short, lower case; `{name}` placeholders are filled from the raise site's params. */
  readonly message: string;
  /** What was expected, when the same for every raise (a raise site may give its own). */
  readonly expected?: string;
  /** What to do about it. */
  readonly hint: string;
}

/** Where an offending value sits: `["stages", 2, "instances"]`, `["file.csv", "line 14", "runtime_ms"]`. */
export type IssuePath = readonly (string | number)[];
