/**
 * Joins Lambda REPORT lines (runtime, peak memory, memory setting, cold start) with a second file
 * holding each request's sizes (request id, function, input/output bytes, fanout…) into trace
 * records. The sizes file is a CSV, or JSON Lines / a JSON array of objects (an app's own structured
 * log lines carrying the request id), told apart by its first character as `--traces` files are.
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
import { InputError, issue, show, suggestionParams, type Issue } from "../errors.js";
import { compileMapping } from "./compile-mapping.js";
import { parseCsvRows, type CsvRow } from "./csv-rows.js";
import { parseJsonRows } from "./jsonl-rows.js";
import { SkippedRecords } from "./skipped-records.js";
import { formatOfStart } from "./trace-format.js";
import { RowIngest } from "./ingest-rows.js";
import { mappingRef, type MappingOrigin } from "./mapping-labels.js";
import type { ColumnMap, TraceMapping } from "./mapping-schema.js";
import { maskedByRunningMax } from "./environment-memory.js";
import { mapRow } from "./map-row.js";
import { normaliseName } from "./names.js";
import { parseLambdaReports, type LambdaReport } from "./parse-lambda-report.js";
import type { OnInvalidRow, ReadReport } from "./read-report.js";
import { finishTable } from "./read-trace-table.js";
import type { TraceRecord } from "./trace-record.js";
import { TraceTable } from "./trace-table.js";

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

/** The column whose values match the most REPORT request ids (ties: an id-like name, then the first). */
export function chooseIdColumn(header: readonly string[], rows: readonly CsvRow[], ids: ReadonlySet<string>): { index: number; matches: number } {
  let best = { index: -1, matches: 0, idLike: false };
  header.forEach((h, index) => {
    let matches = 0;
    for (const r of rows) if (ids.has(r.record[index] ?? "")) matches++;
    const idLike = ID_LIKE.test(normaliseName(h));
    if (matches > best.matches || (matches === best.matches && matches > 0 && idLike && !best.idLike)) best = { index, matches, idLike };
  });
  return best;
}

/** The sizes file's rows, header first: CSV, or JSON records as the same rows (jsonl-rows.ts). */
async function sizesRows(text: string, file: string, onInvalid: OnInvalidRow, skipped: SkippedRecords): Promise<CsvRow[]> {
  const format = formatOfStart(text);
  if (format === "csv") return parseCsvRows(text, file);
  const rows: CsvRow[] = [];
  for await (const batch of parseJsonRows(text, file, { format, onInvalid, skipped })) for (const row of batch) rows.push(row);
  return rows;
}

export async function joinLambdaTraces(reportText: string, sizesText: string, options: LambdaJoinOptions = {}): Promise<LambdaJoinResult> {
  const reportFile = options.reportFile ?? "report.log";
  const sizesFile = options.sizesFile ?? "sizes.csv";
  const origin = options.origin ?? "api";
  const skip = options.onInvalid === "skip";
  const parsed = parseLambdaReports(reportText, reportFile);
  if (parsed.issues.length > 0 && !skip) throw new InputError(`Invalid REPORT line in ${reportFile}`, parsed.issues.slice(0, 1));
  const byId = new Map<string, LambdaReport>(parsed.reports.map((r) => [r.requestId, r]));

  const skippedJson = new SkippedRecords();
  const rows = await sizesRows(sizesText, sizesFile, options.onInvalid ?? "throw", skippedJson);
  const header = rows[0]?.record ?? [];
  const data = rows.slice(1);
  const wanted = options.idColumn ?? options.requestIdColumn;
  const ref = mappingRef(origin, { kind: "idColumn" });
  let idIndex: number;
  if (wanted !== undefined) {
    idIndex = header.findIndex((h) => h.trim() === wanted.trim());
    if (idIndex < 0) idIndex = header.findIndex((h) => normaliseName(h) === normaliseName(wanted));
    if (idIndex < 0) throw new InputError(`Cannot join ${sizesFile} with ${reportFile}`, [issue("columns.notInHeader", { path: [sizesFile, ref], actual: show(wanted), params: { what: "the id column", ...suggestionParams(wanted, [...header]) } })]);
  } else {
    const chosen = chooseIdColumn(header, data, new Set(byId.keys()));
    if (chosen.index < 0) {
      throw new InputError(`Cannot join ${sizesFile} with ${reportFile}`, [issue("traces.noRequestIdColumn", { path: [sizesFile, "header", ref], actual: header.join(",") })]);
    }
    idIndex = chosen.index;
  }
  const idHeader = header[idIndex]!;

  const { reportFile: _r, sizesFile: _s, requestIdColumn: _q, origin: _o, idColumn: _i, ...mapping } = options;
  const mapper = await compileMapping(header, mapping as TraceMapping, { file: sizesFile, origin, providedFields: ["runtimeMs", "memoryMb", "memorySettingMb", "cold"] });
  // Which reports carry an environment's running maximum instead of their own peak: needs each
  // request's function and input size, so the sizes rows are mapped once before the ingest.
  const inputs = new Map<string, { function: string; inputBytes: number }>();
  if (parsed.reports.some((r) => r.environment !== undefined)) {
    for (const row of data) {
      const m = mapRow(mapper, row.record, row.info.lines);
      if (m.kind === "row" && m.record.function !== undefined && m.record.inputBytes !== undefined) inputs.set(row.record[idIndex]?.trim() ?? "", { function: m.record.function, inputBytes: m.record.inputBytes });
    }
  }
  const masked = maskedByRunningMax(parsed.reports, (id) => inputs.get(id));
  const table = new TraceTable();
  const used = new Set<string>();
  const ingest = new RowIngest(mapper, table, options.onInvalid ?? "throw", (record, row, line) => {
    const id = row[idIndex]?.trim() ?? "";
    const rep = byId.get(id);
    if (rep === undefined) {
      const missing: Issue = issue("traces.unknownRequest", { path: [sizesFile, `line ${line}`, idHeader], actual: show(id), params: { reportFile } });
      return { reason: "no REPORT line", issue: missing };
    }
    used.add(id);
    if (rep.status !== "success") {
      const failed: Issue = issue("traces.failedInvocation", { path: [sizesFile, `line ${line}`, idHeader], actual: show(rep.status), params: { status: rep.status, reportFile, reportLine: rep.line } });
      return { reason: `invocation ${rep.status}`, issue: failed, dropped: true };
    }
    const joined = { ...record, runtimeMs: rep.durationMs, memoryMb: rep.maxMemoryUsedMb, ...(rep.memorySizeMb === undefined ? {} : { memorySettingMb: rep.memorySizeMb }), cold: rep.initDurationMs !== undefined || rep.restoreDurationMs !== undefined };
    if (!masked.has(id)) return joined;
    const { memoryMb: _carried, ...rest } = joined;
    return { record: rest, targetSkips: [{ target: "memoryMb", reason: "environment's running max" }] };
  });
  for (const row of data) ingest.push(row.record, row.info.lines);
  finishTable(table, mapping as TraceMapping, origin);
  const base = skippedJson.applyTo(ingest.report());
  return {
    records: table.toRecords(),
    table,
    report: {
      ...base,
      rowsSkipped: { ...base.rowsSkipped, ...(parsed.issues.length > 0 ? { "bad REPORT line": parsed.issues.length } : {}) },
      skipped: [...parsed.issues, ...base.skipped],
      reportLines: parsed.reports.length + parsed.issues.length,
      unmatchedReports: parsed.reports.filter((r) => !used.has(r.requestId)).length,
      idColumn: idHeader,
    },
  };
}
