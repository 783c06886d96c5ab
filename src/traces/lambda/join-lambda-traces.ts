/**
 * Joins Lambda REPORT lines (runtime, peak memory, memory setting, cold start) with a second file
 * holding each request's sizes (request id, function, input/output bytes, fanout…) into trace
 * records. The sizes file is a CSV, or JSON Lines / a JSON array of objects (an app's own structured
 * log lines carrying the request id), told apart by its first character as `--traces` files are.
 * Lambda's platform events (`"type": "platform.…"`) in the sizes file are passed over, so with the JSON
 * log format one log export can serve as both: its platform.report events give the reports, the
 * app's own lines the sizes (`--report-log app.log --sizes app.log`).
 * Pure: file names only label errors.
 *
 * The id column: the mapping's `idColumn` (CLI `--id-column`) when given; otherwise the column whose
 * values match the most REPORT request ids (a sizes file often has several id-like columns — a
 * workflow run id beside the Lambda request id — and the first one by name is not the right one).
 * A sizes row with no REPORT line, or a bad REPORT line, is an error naming file and line — or,
 * with `onInvalid: "skip"`, is skipped and counted. A row whose invocation failed (REPORT status
 * timeout, error, …) is valid input that must not train — its duration is the timeout or the point
 * it died at — and is skipped and counted in either mode, by status. A cold start is a REPORT with an
 * Init Duration, or a Restore Duration (SnapStart). Where the log names each report's environment,
 * a warm report whose memory is only that environment's running maximum from a larger input trains
 * runtime but not memory (environment-memory.ts), counted as such.
 */
import { InputError, issue, sluiceError, show, suggestionParams, type Issue } from "../../errors.js";
import { compileMapping } from "../mapping/compile-mapping.js";
import { parseCsvRows, type CsvRow } from "../formats/csv-rows.js";
import { parseJsonRows } from "../formats/jsonl-rows.js";
import { SkippedRecords } from "../formats/skipped-records.js";
import { formatOfStart } from "../formats/trace-format.js";
import { RowIngest } from "../ingest-rows.js";
import { mappingRef, type MappingOrigin } from "../mapping/mapping-labels.js";
import type { ColumnMap, TraceMapping } from "../mapping/mapping-schema.js";
import { maskedByRunningMax } from "./environment-memory.js";
import { mapRow } from "../mapping/map-row.js";
import { normaliseName } from "../mapping/names.js";
import { parseLambdaReports, type LambdaReportParse, type LambdaReportSet } from "./parse-lambda-report.js";
import { ReportStore } from "./report-store.js";
import type { OnInvalidRow, ReadReport } from "../read-report.js";
import { finishTable } from "../read-trace-table.js";
import type { TraceRecord } from "../trace-record.js";
import { TraceTable } from "../trace-table.js";

export interface LambdaJoinOptions extends Omit<TraceMapping, "columns" | "onInvalid"> {
  readonly reportFile?: string;
  readonly sizesFile?: string;
  /** Column map for the sizes file (runtime, memory, memory setting and cold start come from the REPORT lines). */
  readonly columns?: ColumnMap | TraceMapping["columns"];
  /** @deprecated use idColumn. */
  readonly requestIdColumn?: string;
  readonly onInvalid?: OnInvalidRow;
  readonly origin?: MappingOrigin;
}

export interface LambdaJoinResult {
  readonly records: TraceRecord[];
  readonly table: TraceTable;
  readonly report: ReadReport & { readonly reportLines: number; readonly unmatchedReports: number; readonly idColumn: string };
}

const ID_LIKE = /(^|_)(request_id|requestid|invocation_id|id)$/;

/** The column whose values match the most REPORT request ids (`matches` per column; ties: an id-like name, then the first). */
function bestIdColumn(header: readonly string[], matches: readonly number[]): { index: number; matches: number } {
  let best = { index: -1, matches: 0, idLike: false };
  header.forEach((h, index) => {
    const m = matches[index] ?? 0;
    const idLike = ID_LIKE.test(normaliseName(h));
    if (m > best.matches || (m === best.matches && m > 0 && idLike && !best.idLike)) best = { index, matches: m, idLike };
  });
  return best;
}

/**
 * The sizes rows, header first, read as often as the join needs (twice: once to choose the id column
 * and find each request's input, once to ingest). `skipped` counts records the reader drops (a JSON
 * line that is not an object); the join passes a throwaway one on the first pass.
 */
export interface SizesSource {
  readonly file: string;
  readonly rows: (skipped: SkippedRecords) => AsyncIterable<readonly CsvRow[]> | Iterable<readonly CsvRow[]>;
}

/** The rows, header first, without Lambda platform events (a `type` column whose value starts with `platform.`). */
async function* withoutPlatformEvents(batches: AsyncIterable<readonly CsvRow[]> | Iterable<readonly CsvRow[]>): AsyncGenerator<readonly CsvRow[]> {
  let typeColumn: number | undefined;
  for await (const batch of batches) {
    if (typeColumn === -1) {
      yield batch;
      continue;
    }
    const kept: CsvRow[] = [];
    for (const row of batch) {
      if (typeColumn === undefined) {
        typeColumn = row.record.findIndex((h) => h.trim() === "type");
        kept.push(row);
      } else if (!(row.record[typeColumn]?.trim().startsWith("platform.") ?? false)) kept.push(row);
    }
    if (kept.length > 0) yield kept;
  }
}

/** A sizes file held as text: CSV, or JSON records as the same rows (jsonl-rows.ts). */
export function sizesFromText(text: string, file: string, onInvalid: OnInvalidRow): SizesSource {
  const format = formatOfStart(text);
  if (format === "csv" || format === "parquet") { // Parquet is a file format: as text it is CSV, and its errors say so
    let rows: CsvRow[] | undefined;
    return { file, rows: () => [(rows ??= parseCsvRows(text, file))] };
  }
  return { file, rows: (skipped) => parseJsonRows(text, file, { format, onInvalid, skipped }) };
}

export async function joinLambdaTraces(reportText: string, sizesText: string, options: LambdaJoinOptions = {}): Promise<LambdaJoinResult> {
  const reportFile = options.reportFile ?? "report.log";
  const sizesFile = options.sizesFile ?? "sizes.csv";
  return joinLambdaReports(parseLambdaReports(reportText, reportFile), sizesFromText(sizesText, sizesFile, options.onInvalid ?? "throw"), options);
}

/** The join itself, from reports already read and a sizes source (readLambdaTraces streams both from files). */
export async function joinLambdaReports(reports: LambdaReportParse | LambdaReportSet, sizes: SizesSource, options: LambdaJoinOptions = {}): Promise<LambdaJoinResult> {
  const parsed: LambdaReportSet = "store" in reports ? reports : { store: ReportStore.of(reports.reports), issues: reports.issues };
  const store = parsed.store;
  const reportFile = options.reportFile ?? "report.log";
  const sizesFile = sizes.file;
  const origin = options.origin ?? "api";
  const onInvalid = options.onInvalid ?? "throw";
  if (parsed.issues.length > 0 && onInvalid !== "skip") throw new InputError(`Invalid REPORT line in ${reportFile}`, parsed.issues.slice(0, 1));
  // A log without one report would otherwise fail later as an id column that matches nothing.
  if (store.size === 0) throw sluiceError("traces.noReports", { path: [reportFile], actual: parsed.issues.length === 0 ? "no report" : `${parsed.issues.length} invalid reports, skipped` });
  // Report index by request id (the last report of an id wins: a retried request's final outcome).
  const byId = new Map<string, number>();
  for (let i = 0; i < store.size; i++) byId.set(store.requestId(i), i);
  const { reportFile: _r, sizesFile: _s, requestIdColumn: _q, origin: _o, idColumn: _i, ...mapping } = options;
  const withEnvironments = store.hasEnvironments();

  // Pass 1: the header, how many of each column's values are report ids, and — where the log names
  // environments — each request's function and input size (environment-memory.ts), under every id
  // it could be joined by, since the id column is known only at the end of the pass.
  let header: string[] | undefined;
  let mapper: Awaited<ReturnType<typeof compileMapping>> | undefined;
  let matches: number[] = [];
  const inputsByColumn = new Map<number, Map<string, { function: string; inputBytes: number }>>();
  for await (const batch of withoutPlatformEvents(sizes.rows(new SkippedRecords()))) {
    for (const row of batch) {
      if (header === undefined) {
        header = row.record;
        matches = new Array<number>(header.length).fill(0);
        mapper = await compileMapping(header, mapping as TraceMapping, { file: sizesFile, origin, providedFields: ["runtimeMs", "memoryMb", "memorySettingMb", "cold"] });
        continue;
      }
      let mapped: { function: string; inputBytes: number } | null | undefined;
      for (let index = 0; index < header.length; index++) {
        const cell = row.record[index]?.trim() ?? "";
        if (!byId.has(cell)) continue;
        matches[index]!++;
        if (!withEnvironments) continue;
        if (mapped === undefined) {
          const m = mapRow(mapper!, row.record, row.info.lines);
          mapped = m.kind === "row" && m.record.function !== undefined ? { function: m.record.function, inputBytes: m.record.inputBytes } : null;
        }
        if (mapped === null) continue;
        const inputs = inputsByColumn.get(index) ?? new Map<string, { function: string; inputBytes: number }>();
        inputs.set(cell, mapped);
        inputsByColumn.set(index, inputs);
      }
    }
  }
  header ??= [];
  mapper ??= await compileMapping(header, mapping as TraceMapping, { file: sizesFile, origin, providedFields: ["runtimeMs", "memoryMb", "memorySettingMb", "cold"] });

  const wanted = options.idColumn ?? options.requestIdColumn;
  const ref = mappingRef(origin, { kind: "idColumn" });
  let idIndex: number;
  if (wanted !== undefined) {
    idIndex = header.findIndex((h) => h.trim() === wanted.trim());
    if (idIndex < 0) idIndex = header.findIndex((h) => normaliseName(h) === normaliseName(wanted));
    if (idIndex < 0) throw new InputError(`Cannot join ${sizesFile} with ${reportFile}`, [issue("columns.notInHeader", { path: [sizesFile, ref], actual: show(wanted), params: { what: "the id column", ...suggestionParams(wanted, [...header]) } })]);
  } else {
    const chosen = bestIdColumn(header, matches);
    if (chosen.index < 0) {
      throw new InputError(`Cannot join ${sizesFile} with ${reportFile}`, [issue("traces.noRequestIdColumn", { path: [sizesFile, "header", ref], actual: header.join(",") })]);
    }
    idIndex = chosen.index;
  }
  const idHeader = header[idIndex]!;
  const inputs = inputsByColumn.get(idIndex);
  const masked = withEnvironments ? maskedByRunningMax([...store].filter((r) => r.environment !== undefined), (id) => inputs?.get(id)) : new Set<string>();

  // Pass 2: every sizes row through the mapping, completed from its report.
  const table = new TraceTable();
  const used = new Uint8Array(store.size);
  const ingest = new RowIngest(mapper, table, onInvalid, (record, row, line) => {
    const id = row[idIndex]?.trim() ?? "";
    const index = byId.get(id);
    const rep = index === undefined ? undefined : store.get(index);
    if (index === undefined || rep === undefined) {
      const missing: Issue = issue("traces.unknownRequest", { path: [sizesFile, `line ${line}`, idHeader], actual: show(id), params: { reportFile } });
      return { reason: "no REPORT line", issue: missing };
    }
    used[index] = 1;
    if (rep.status !== "success") {
      const failed: Issue = issue("traces.failedInvocation", { path: [sizesFile, `line ${line}`, idHeader], actual: show(rep.status), params: { status: rep.status, reportFile: rep.file ?? reportFile, reportLine: rep.line } });
      return { reason: `invocation ${rep.status}`, issue: failed, dropped: true };
    }
    const joined = { ...record, runtimeMs: rep.durationMs, memoryMb: rep.maxMemoryUsedMb, ...(rep.memorySizeMb === undefined ? {} : { memorySettingMb: rep.memorySizeMb }), cold: rep.initDurationMs !== undefined || rep.restoreDurationMs !== undefined };
    if (!masked.has(id)) return joined;
    const { memoryMb: _carried, ...rest } = joined;
    return { record: rest, targetSkips: [{ target: "memoryMb", reason: "environment's running max" }] };
  });
  const skippedRecords = new SkippedRecords();
  let first = true;
  for await (const batch of withoutPlatformEvents(sizes.rows(skippedRecords))) {
    for (const row of batch) {
      if (first) {
        first = false;
        continue;
      }
      ingest.push(row.record, row.info.lines);
    }
  }
  finishTable(table, mapping as TraceMapping, origin);
  const base = skippedRecords.applyTo(ingest.report());
  let unmatchedReports = 0;
  for (const [, index] of byId) if (used[index] === 0) unmatchedReports++;
  // Records are built on first use: a caller that trains from `table` (the CLI) never pays for a
  // million record objects.
  let records: TraceRecord[] | undefined;
  return {
    get records() {
      return (records ??= table.toRecords());
    },
    table,
    report: {
      ...base,
      rowsSkipped: { ...base.rowsSkipped, ...(parsed.issues.length > 0 ? { "bad REPORT line": parsed.issues.length } : {}) },
      skipped: [...parsed.issues, ...base.skipped],
      reportLines: store.size + parsed.issues.length,
      unmatchedReports,
      idColumn: idHeader,
    },
  };
}
