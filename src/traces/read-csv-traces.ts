/**
 * Reads one trace file from disk into records (the I/O edge; streamed, see readTraceTable). Named
 * for CSV, it reads what readTraceTable reads: CSV, JSON Lines or one JSON array of objects.
 */
import { mappingOf, type CsvTraceOptions } from "./parse-csv-traces.js";
import { readTraceTable } from "./read-trace-table.js";
import type { TraceReadResult } from "./read-report.js";

export async function readCsvTraces(path: string, options: Omit<CsvTraceOptions, "file"> = {}): Promise<TraceReadResult> {
  const { table, reports } = await readTraceTable([path], { mapping: mappingOf(options), origin: options.origin ?? "api", ...(options.maxRows === undefined ? {} : { maxRows: options.maxRows }) });
  return { records: table.toRecords(), report: reports[0]! };
}
