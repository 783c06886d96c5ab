/**
 * The streaming reader: trace files — CSV (csv-parse, in batches of rows), JSON Lines or one JSON
 * array of objects (`jsonl-rows.ts`, the same rows with dotted keys as headers), told apart by
 * `trace-format.ts` — through one mapping into one TraceTable, then the per-run fanout count. Memory
 * grows with the rows kept (a few numbers each), never with the file. Returns a report per file;
 * the table's per-target accounts cover them all.
 */
import { stat } from "node:fs/promises";
import { InputError, sluiceError } from "../errors.js";
import { compileMapping } from "./mapping/compile-mapping.js";
import { countFanoutPerRun } from "./mapping/count-fanout.js";
import { SAMPLE_ROWS } from "./mapping/sample-units.js";
import { RowIngest } from "./ingest-rows.js";
import type { MappingOrigin } from "./mapping/mapping-labels.js";
import type { TraceMapping } from "./mapping/mapping-schema.js";
import type { ReadReport } from "./read-report.js";
import type { CsvRow } from "./formats/csv-rows.js";
import { SkippedRecords } from "./formats/skipped-records.js";
import { streamTraceRows } from "./formats/stream-trace-rows.js";
import { expandTraceFolders } from "./formats/trace-folder.js";
import { detectTraceFormat } from "./formats/trace-format.js";
import { TraceTable } from "./trace-table.js";

/** Rows a read keeps at most (about 0.6 GB of columns): more is a named error, not an out-of-memory crash. Raise with `maxRows`. */
export const DEFAULT_MAX_TRACE_ROWS = 10_000_000;

export interface ReadTableOptions {
  readonly mapping?: TraceMapping;
  /** At most this many data rows over all files (default DEFAULT_MAX_TRACE_ROWS). */
  readonly maxRows?: number;
  readonly origin?: MappingOrigin;
  /** Progress while reading: bytes read so far over the total of all files. */
  readonly onProgress?: (readBytes: number, totalBytes: number, file: string) => void;
}

export interface TableReadResult {
  readonly table: TraceTable;
  readonly reports: readonly ReadReport[];
}

/** Reads batches of rows from any source into `table`: the header first, then every row (at most `maxRows`). The mapping is compiled once the first SAMPLE_ROWS rows are in, so units can be settled from values. */
export async function ingestRows(batches: AsyncIterable<readonly CsvRow[]> | Iterable<readonly CsvRow[]>, file: string, table: TraceTable, mapping: TraceMapping | undefined, origin: MappingOrigin, maxRows = DEFAULT_MAX_TRACE_ROWS): Promise<RowIngest> {
  let header: readonly string[] | undefined;
  let ingest: RowIngest | undefined;
  const held: CsvRow[] = [];
  let count = 0;
  const start = async () => {
    const mapper = await compileMapping(header!, mapping, { file, origin, sample: held.map((r) => r.record) });
    ingest = new RowIngest(mapper, table, mapping?.onInvalid ?? "throw");
    for (const r of held.splice(0)) ingest.push(r.record, r.info.lines);
    return ingest;
  };
  for await (const batch of batches) {
    for (const row of batch) {
      if (header === undefined) {
        header = row.record;
        continue;
      }
      if (++count > maxRows) throw sluiceError("traces.tooManyRows", { path: [file, `line ${row.info.lines}`], actual: `more than ${maxRows} rows`, params: { limit: maxRows } }, { what: `Cannot read ${file}` });
      if (ingest !== undefined) ingest.push(row.record, row.info.lines);
      else if (held.push(row) >= Math.min(SAMPLE_ROWS, maxRows)) await start(); // a mapping error before a row limit's
    }
  }
  if (header === undefined) throw sluiceError("traces.emptyFile", { path: [file, "line 1"], actual: "an empty file" }, { what: `Cannot read ${file}` });
  return ingest ?? (await start());
}

/** Counts fanout per run when the mapping asks for it; a bad `next` is an InputError. */
export function finishTable(table: TraceTable, mapping: TraceMapping | undefined, origin: MappingOrigin): void {
  const runs = mapping?.fanoutFromRuns;
  if (runs === undefined) return;
  const next = new Map(Object.entries(runs.next).map(([f, g]) => [f, typeof g === "string" ? [g] : g]));
  const issues = countFanoutPerRun(table, next, origin);
  if (issues.length > 0) throw new InputError("Cannot count fanout per run", issues);
}

/** Reads trace files, or folders of them (every trace file under a folder, in name order: trace-folder.ts), into one table. */
export async function readTraceTable(paths: readonly string[], options: ReadTableOptions = {}): Promise<TableReadResult> {
  const files = await expandTraceFolders(paths);
  const table = new TraceTable();
  const origin = options.origin ?? "api";
  const sizes = await Promise.all(files.map((f) => stat(f).then((s) => s.size, () => 0)));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const ingests: { readonly ingest: RowIngest; readonly skipped: SkippedRecords }[] = [];
  let done = 0;
  let rowsRead = 0; // over the files read so far, against maxRows (a folder may hold thousands: no report per file per file)
  for (const [k, file] of files.entries()) {
    const progress = options.onProgress;
    const onBytes = progress === undefined ? undefined : (read: number) => progress(done + read, totalBytes, file);
    const left = (options.maxRows ?? DEFAULT_MAX_TRACE_ROWS) - rowsRead;
    const format = await detectTraceFormat(file);
    const skipped = new SkippedRecords();
    const rows = streamTraceRows(file, format, { onInvalid: options.mapping?.onInvalid ?? "throw", skipped, ...(onBytes === undefined ? {} : { onBytes }) });
    const ingest = await ingestRows(rows, file, table, options.mapping, origin, left);
    ingests.push({ ingest, skipped });
    rowsRead += ingest.rowsReadSoFar;
    done += sizes[k]!;
  }
  finishTable(table, options.mapping, origin);
  return { table, reports: ingests.map((i) => i.skipped.applyTo(i.ingest.report())) };
}
