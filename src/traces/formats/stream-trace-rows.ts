/** The rows of a trace file in the format detectTraceFormat found: one reader per format, one kind of row batch out. */
import { streamCsvRows, type CsvRow } from "./csv-rows.js";
import { streamJsonRows } from "./jsonl-rows.js";
import { streamParquetRows } from "./parquet-rows.js";
import type { OnInvalidRow } from "../read-report.js";
import type { SkippedRecords } from "./skipped-records.js";
import type { TraceFormat } from "./trace-format.js";

export interface StreamRowsOptions {
  /** JSON records that are not objects: an error, or counted into `skipped`. */
  readonly onInvalid: OnInvalidRow;
  readonly skipped: SkippedRecords;
  readonly onBytes?: (readBytes: number, totalBytes: number) => void;
}

export function streamTraceRows(file: string, format: TraceFormat, options: StreamRowsOptions): AsyncGenerator<readonly CsvRow[]> {
  const { onBytes } = options;
  if (format === "csv") return streamCsvRows(file, onBytes);
  if (format === "parquet") return streamParquetRows(file, onBytes);
  return streamJsonRows(file, { format, onInvalid: options.onInvalid, skipped: options.skipped, ...(onBytes === undefined ? {} : { onBytes }) });
}
