/**
 * Parses JSON trace text — JSON Lines (one object a line), or one top-level array of objects when
 * the text opens with `[` — into trace records: the small-input form of readTraceTable for JSON,
 * as parseCsvTraces is for CSV, with the same options. Keys are headers, nested ones dotted
 * (`blob.download`). The file name only labels errors.
 */
import type { CsvTraceOptions } from "./parse-csv-traces.js";
import { mappingOf } from "./parse-csv-traces.js";
import { parseJsonRows } from "./formats/jsonl-rows.js";
import type { TraceReadResult } from "./read-report.js";
import { finishTable, ingestRows } from "./read-trace-table.js";
import { SkippedRecords } from "./formats/skipped-records.js";
import { formatOfStart } from "./formats/trace-format.js";
import { TraceTable } from "./trace-table.js";

export async function parseJsonlTraces(text: string, options: CsvTraceOptions = {}): Promise<TraceReadResult> {
  const file = options.file ?? "traces.jsonl";
  const origin = options.origin ?? "api";
  const table = new TraceTable();
  const mapping = mappingOf(options);
  const skipped = new SkippedRecords();
  const format = formatOfStart(text) === "json-array" ? "json-array" : "jsonl";
  const ingest = await ingestRows(parseJsonRows(text, file, { format, onInvalid: options.onInvalid ?? "throw", skipped }), file, table, mapping, origin, options.maxRows);
  finishTable(table, mapping, origin);
  return { records: table.toRecords(), report: skipped.applyTo(ingest.report()) };
}
