/**
 * Parses trace CSV text (one invocation a row, a header first) into trace records: the small-file
 * form of readTraceTable, for the API and tests. The file name only labels errors.
 */
import type { MappingOrigin } from "./mapping/mapping-labels.js";
import type { ColumnMap, TraceMapping } from "./mapping/mapping-schema.js";
import { parseCsvRows } from "./formats/csv-rows.js";
import type { OnInvalidRow, TraceReadResult } from "./read-report.js";
import { finishTable, ingestRows } from "./read-trace-table.js";
import { TraceTable } from "./trace-table.js";

export interface CsvTraceOptions extends Omit<TraceMapping, "columns" | "onInvalid"> {
  /** Label used in errors, usually the path. */
  readonly file?: string;
  readonly columns?: ColumnMap | TraceMapping["columns"];
  readonly onInvalid?: OnInvalidRow;
  readonly origin?: MappingOrigin;
  /** At most this many data rows (default DEFAULT_MAX_TRACE_ROWS); more is an error. */
  readonly maxRows?: number;
}

export function mappingOf(options: CsvTraceOptions): TraceMapping {
  const { file: _f, origin: _o, maxRows: _m, ...mapping } = options;
  return mapping as TraceMapping;
}

export async function parseCsvTraces(text: string, options: CsvTraceOptions = {}): Promise<TraceReadResult> {
  const file = options.file ?? "traces.csv";
  const origin = options.origin ?? "api";
  const table = new TraceTable();
  const mapping = mappingOf(options);
  const ingest = await ingestRows([parseCsvRows(text, file)], file, table, mapping, origin, options.maxRows);
  finishTable(table, mapping, origin);
  return { records: table.toRecords(), report: ingest.report() };
}
