/**
 * Joins Lambda REPORT lines (runtime, peak memory, memory setting, cold start) with a second CSV
 * holding each request's sizes (request id, app, function, input/output bytes, fanout) into trace
 * records. Pure: file names only label errors. A sizes row with no REPORT line, or a bad REPORT
 * line, is an error naming file and line — or, with `onInvalid: "skip"`, is skipped and reported.
 */
import { InputError, type Issue } from "../errors.js";
import { resolveColumns, type ColumnMap } from "./column-map.js";
import { parseCsvRows } from "./csv-rows.js";
import { parseLambdaReports, type LambdaReport } from "./parse-lambda-report.js";
import { convertRow } from "./parse-csv-traces.js";
import type { OnInvalidRow, ReadReport } from "./read-report.js";
import type { TraceRecord } from "./trace-record.js";

export interface LambdaJoinOptions {
  readonly reportFile?: string;
  readonly sizesFile?: string;
  /** Column map for the sizes file (runtime and memory come from the REPORT lines). */
  readonly columns?: ColumnMap;
  /** The sizes file's request-id column; by default request_id, requestId or aws_request_id. */
  readonly requestIdColumn?: string;
  readonly onInvalid?: OnInvalidRow;
}

export interface LambdaJoinResult {
  readonly records: TraceRecord[];
  readonly report: ReadReport & { readonly reportLines: number; readonly unmatchedReports: number };
}

const REQUEST_ID_NAMES = new Set(["request_id", "requestid", "aws_request_id", "awsrequestid", "invocation_id"]);

export function joinLambdaTraces(reportText: string, sizesText: string, options: LambdaJoinOptions = {}): LambdaJoinResult {
  const reportFile = options.reportFile ?? "report.log";
  const sizesFile = options.sizesFile ?? "sizes.csv";
  const skip = options.onInvalid === "skip";
  const parsed = parseLambdaReports(reportText, reportFile);
  if (parsed.issues.length > 0 && !skip) throw new InputError(`Invalid REPORT line in ${reportFile}`, parsed.issues.slice(0, 1));
  const byId = new Map<string, LambdaReport>(parsed.reports.map((r) => [r.requestId, r]));

  const rows = parseCsvRows(sizesText, sizesFile);
  const header = rows[0]?.record ?? [];
  const idIndex = options.requestIdColumn !== undefined
    ? header.findIndex((h) => h === options.requestIdColumn)
    : header.findIndex((h) => REQUEST_ID_NAMES.has(h.toLowerCase().replace(/[^a-z0-9]+/g, "_")));
  if (idIndex < 0) {
    throw new InputError(`Cannot join ${sizesFile} with ${reportFile}`, [{ code: "invalid_value", path: [sizesFile, "header"], message: "no request-id column", expected: options.requestIdColumn ?? "request_id", actual: header.join(",") }]);
  }
  const columns = resolveColumns(header, sizesFile, { runtimeMs: { value: 0 }, memoryMb: { value: 0 }, ...options.columns });
  const records: TraceRecord[] = [];
  const skipped: Issue[] = [...parsed.issues];
  const used = new Set<string>();
  for (const row of rows.slice(1)) {
    const line = row.info.lines;
    const base = convertRow(row.record, columns, sizesFile, line, header.length);
    const id = row.record[idIndex] ?? "";
    const rep = byId.get(id);
    const issue: Issue | undefined = "code" in base
      ? base
      : rep === undefined
        ? { code: "unknown_reference", path: [sizesFile, `line ${line}`, header[idIndex]!], message: `no REPORT line in ${reportFile} for this request`, expected: "a request id seen in the log", actual: JSON.stringify(id) }
        : undefined;
    if (issue !== undefined) {
      if (!skip) throw new InputError(`Cannot join ${sizesFile} with ${reportFile}`, [issue]);
      skipped.push(issue);
      continue;
    }
    if ("code" in base || rep === undefined) continue;
    used.add(id);
    records.push({
      ...base,
      runtimeMs: rep.durationMs,
      memoryMb: rep.maxMemoryUsedMb,
      ...(rep.memorySizeMb === undefined ? {} : { memorySettingMb: rep.memorySizeMb }),
      cold: rep.initDurationMs !== undefined,
    });
  }
  return {
    records,
    report: { file: sizesFile, rowsRead: rows.length - 1, rowsKept: records.length, skipped, reportLines: parsed.reports.length + parsed.issues.length, unmatchedReports: parsed.reports.filter((r) => !used.has(r.requestId)).length },
  };
}
