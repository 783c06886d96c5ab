/**
 * What a reader did with a file: rows read, kept and filtered; whole rows skipped by reason (with
 * a few examples naming file, line and column); and per target, rows used and skipped by reason.
 * Readers either throw on the first bad cell (`onInvalid: "throw"`, the default) or skip and count.
 * An empty target cell is never an error: the row trains the targets it has.
 */
import type { Issue } from "../errors.js";
import type { TargetField, TraceRecord } from "./trace-record.js";

export type OnInvalidRow = "throw" | "skip";

export interface TargetSummary {
  readonly used: number;
  /** Rows skipped for this target, by reason ("empty cell", "not a number", "negative", "counted once per run", …). */
  readonly skipped: Readonly<Record<string, number>>;
  /** The first few bad cells, each naming file, line and column. */
  readonly examples: readonly Issue[];
}

export interface ReadReport {
  /** The file (or label) the rows came from. */
  readonly file: string;
  /** Data rows seen (header and blank lines excluded). */
  readonly rowsRead: number;
  /** Rows that reached the table (they have a function and an input size). */
  readonly rowsKept: number;
  /** Rows the where filter left out. */
  readonly rowsFiltered: number;
  /** Whole rows skipped, by reason. */
  readonly rowsSkipped: Readonly<Record<string, number>>;
  /** The first skipped rows (up to 100), each with its path `[file, "line N", column]`. */
  readonly skipped: readonly Issue[];
  /** Bad optional cells (cold, memory setting) dropped from kept rows, by field and reason. */
  readonly fieldsSkipped: Readonly<Record<string, number>>;
  /** Per target: rows used and skipped, over everything read into the same table. */
  readonly targets: Readonly<Record<TargetField, TargetSummary>>;
  /** Where each field came from, e.g. `inputBytes←blob.download, runtimeMs←(end - start) * 1000`. */
  readonly columns: string;
  /** What the file could give that the mapping left out, in the caller's words (a start/end pair of offsets, a run-id column). */
  readonly hints?: readonly string[];
}

export interface TraceReadResult {
  readonly records: TraceRecord[];
  readonly report: ReadReport;
}
