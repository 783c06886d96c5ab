/**
 * What a reader did with a file: rows read and kept, and every skipped row with its reason.
 * Readers either throw on the first bad row (`onInvalid: "throw"`, the default) or skip and count.
 */
import type { Issue } from "../errors.js";
import type { TraceRecord } from "./trace-record.js";

export type OnInvalidRow = "throw" | "skip";

export interface ReadReport {
  /** The file (or label) the rows came from. */
  readonly file: string;
  /** Data rows seen (header and blank lines excluded). */
  readonly rowsRead: number;
  readonly rowsKept: number;
  /** One issue per skipped row; its path is `[file, "line N", column]`. */
  readonly skipped: readonly Issue[];
}

export interface TraceReadResult {
  readonly records: TraceRecord[];
  readonly report: ReadReport;
}
