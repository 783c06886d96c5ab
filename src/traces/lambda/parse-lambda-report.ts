/**
 * Parses AWS Lambda invocation reports, as CloudWatch exports them, into per-request duration and
 * memory. Two shapes, found wherever they sit in a line (plain text, a CSV of timestamp,message, or
 * JSON events wrapping the message):
 * - the text format's `REPORT RequestId: … Duration: … ms … Max Memory Used: … MB` line;
 * - the JSON log format's `platform.report` event, `{"type": "platform.report", "record":
 *   {"requestId", "metrics": {"durationMs", "maxMemoryUsedMB", …}, "status"}}` (Lambda's JSON log
 *   format and Telemetry API), one event a line or a whole JSON document such as
 *   `aws logs filter-log-events` output (events whose `message` holds either shape).
 * - the fields CloudWatch Logs Insights discovers in REPORT lines (`@requestId`, `@duration`,
 *   `@maxMemoryUsed`, …), as a CSV export or as `aws logs get-query-results` JSON
 *   (insights-fields.ts).
 * Other log lines are ignored; a report missing a field is an issue naming file and line.
 *
 * Environment: where the export names each event's log stream — one stream per execution
 * environment — (`logStreamName` in `aws logs filter-log-events` output, `logStream` in a
 * subscription batch, a `@logStream` or `logStreamName` column in a CSV export), each report keeps it,
 * so the join can tell a warm invocation's own peak memory from the environment's running maximum
 * (environment-memory.ts).
 *
 * Status: the text format writes `Status: timeout` (or `error`) only on a failed invocation, the JSON
 * format always (`success`, `failure`, `error`, `timeout`). A failed invocation's duration is the
 * timeout or the point it died at, not the function's runtime on its input; the join skips it.
 */
import { isJsonObject } from "../formats/json-record.js";
import { issue, show, type Issue } from "../../errors.js";
import { parseCsvRows } from "../formats/csv-rows.js";
import { insightsCell, insightsColumnsOf, insightsField, insightsRecord, reportOfInsights, type InsightsColumns, type InsightsRow } from "./insights-fields.js";
import { normaliseName } from "../mapping/names.js";
import type { LambdaReport } from "./lambda-report.js";
import { ReportStore } from "./report-store.js";

export type { LambdaReport } from "./lambda-report.js";

export interface LambdaReportParse {
  readonly reports: LambdaReport[];
  readonly issues: Issue[];
}

/** The same, held by column (what readLambdaTraces streams a log into). */
export interface LambdaReportSet {
  readonly store: ReportStore;
  readonly issues: Issue[];
}

const REPORT = /REPORT\s+RequestId:\s*([0-9A-Za-z-]+)(.*)$/;
const NUM = "([0-9]+(?:\\.[0-9]+)?)";
const DURATION = new RegExp(`(?<!Billed |Init |Restore )Duration:\\s*${NUM}\\s*ms`);
const BILLED = new RegExp(`Billed Duration:\\s*${NUM}\\s*ms`);
const INIT = new RegExp(`Init Duration:\\s*${NUM}\\s*ms`);
const RESTORE = new RegExp(`(?<!Billed )Restore Duration:\\s*${NUM}\\s*ms`);
const MEMORY_SIZE = new RegExp(`Memory Size:\\s*${NUM}\\s*MB`);
const MAX_MEMORY = new RegExp(`Max Memory Used:\\s*${NUM}\\s*MB`);
const STATUS = /Status:\s*([A-Za-z]+)/;
const PLATFORM_REPORT = "platform.report";
/** JSON nesting followed at most (an export's event holding a message holding an event is 3). */
const MAX_DEPTH = 8;
/** Keys and CSV columns naming an event's log stream, normalised (names.ts). */
const STREAM_KEYS: ReadonlySet<string> = new Set(["log_stream_name", "log_stream"]);

function grab(re: RegExp, text: string): number | undefined {
  const m = re.exec(text);
  const n = m?.[1] === undefined ? NaN : Number(m[1]);
  return Number.isFinite(n) ? n : undefined; // 400 digits read as Infinity: not a figure
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A metric of a platform.report event: a finite number ≥ 0 (numeric strings accepted), else undefined. */
function metric(metrics: Record<string, unknown>, key: string): number | undefined {
  const v = metrics[key];
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

const SUCCESS = "success";


/** Collects reports from a log pushed to it line by line, CSV row by row, or as parsed JSON. */
export class LambdaReportScanner {
  readonly store = new ReportStore();
  readonly issues: Issue[] = [];
  constructor(private readonly file: string) {}

  /** One text-format REPORT line (after the match), at `line`. */
  text(content: string, line: number, environment?: string): boolean {
    const m = REPORT.exec(content);
    if (m === null) return false;
    const rest = m[2] ?? "";
    const durationMs = grab(DURATION, rest);
    const maxMemoryUsedMb = grab(MAX_MEMORY, rest);
    if (durationMs === undefined || maxMemoryUsedMb === undefined) {
      const missing = [durationMs === undefined ? "Duration" : undefined, maxMemoryUsedMb === undefined ? "Max Memory Used" : undefined].filter((x) => x !== undefined);
      this.issues.push(issue("traces.reportLine", { path: [this.file, `line ${line}`, missing.join(", ")], actual: content.trim().slice(0, 120) }));
      return true;
    }
    this.store.push({
      // A regex capture is a slice that would keep the whole line alive: copied (the id is ASCII by the pattern).
      requestId: Buffer.from(m[1]!, "latin1").toString("latin1"),
      line,
      durationMs,
      billedDurationMs: grab(BILLED, rest),
      memorySizeMb: grab(MEMORY_SIZE, rest),
      maxMemoryUsedMb,
      initDurationMs: grab(INIT, rest),
      restoreDurationMs: grab(RESTORE, rest),
      status: (STATUS.exec(rest)?.[1] ?? SUCCESS).toLowerCase(),
      environment,
    });
    return true;
  }

  /** A platform.report event's record (an object, or the JSON text of one). */
  event(recordValue: unknown, line: number, environment?: string): void {
    const record = typeof recordValue === "string" ? tryJson(recordValue) : recordValue;
    const metrics = isJsonObject(record) && isJsonObject(record.metrics) ? record.metrics : {};
    const requestId = isJsonObject(record) && typeof record.requestId === "string" && record.requestId.trim() !== "" ? record.requestId.trim() : undefined;
    const durationMs = metric(metrics, "durationMs");
    const maxMemoryUsedMb = metric(metrics, "maxMemoryUsedMB");
    if (requestId === undefined || durationMs === undefined || maxMemoryUsedMb === undefined) {
      const missing = [requestId === undefined ? "record.requestId" : undefined, durationMs === undefined ? "record.metrics.durationMs" : undefined, maxMemoryUsedMb === undefined ? "record.metrics.maxMemoryUsedMB" : undefined].filter((x) => x !== undefined);
      this.issues.push(issue("traces.reportLine", { path: [this.file, `line ${line}`, missing.join(", ")], actual: show(JSON.stringify(recordValue ?? null).slice(0, 120)) }));
      return;
    }
    const status = isJsonObject(record) && typeof record.status === "string" && record.status.trim() !== "" ? record.status.trim().toLowerCase() : SUCCESS;
    this.store.push({
      requestId,
      line,
      durationMs,
      billedDurationMs: metric(metrics, "billedDurationMs"),
      memorySizeMb: metric(metrics, "memorySizeMB"),
      maxMemoryUsedMb,
      initDurationMs: metric(metrics, "initDurationMs"),
      restoreDurationMs: metric(metrics, "restoreDurationMs"),
      status,
      environment,
    });
  }

  /**
   * Every report inside a parsed JSON value: platform.report events, and strings holding a REPORT
   * line or the JSON of an event (an export's `message`). `lineOf` gives the line of a report by its
   * anchor text.
   */
  walk(value: unknown, lineOf: (anchor: string) => number, depth = 0, environment?: string): void {
    if (depth > MAX_DEPTH) return;
    if (typeof value === "string") {
      for (const part of value.split(/\r?\n/)) {
        if (REPORT.test(part)) this.text(part, lineOf("REPORT"), environment);
        else if (part.includes(PLATFORM_REPORT) && part.trimStart().startsWith("{")) this.walk(tryJson(part), lineOf, depth + 1, environment);
      }
    } else if (Array.isArray(value)) {
      const fields = insightsRecord(value);
      if (fields !== undefined) {
        const line = lineOf(insightsField(fields, "requestId") || '"field"'); // the row's own id places it
        this.insights(reportOfInsights((f) => insightsField(fields, f), line), line);
        return;
      }
      for (const v of value) this.walk(v, lineOf, depth + 1, environment);
    } else if (isJsonObject(value)) {
      const env = streamOf(value) ?? environment;
      if (value.type === PLATFORM_REPORT) {
        this.event(value.record, lineOf(PLATFORM_REPORT), env);
        return;
      }
      for (const v of Object.values(value)) this.walk(v, lineOf, depth + 1, env);
    }
  }

  /** One row of a CSV export with a log-stream column: its cells scanned for reports, in that row's environment. */
  csvRow(cells: readonly string[], line: number, streamColumn: number): void {
    const environment = cells[streamColumn]?.trim() || undefined;
    cells.forEach((cell, i) => {
      if (i === streamColumn) return;
      if (REPORT.test(cell)) this.text(cell, line, environment);
      else if (cell.includes(PLATFORM_REPORT)) {
        const json = tryJson(cell);
        if (json === undefined) this.issues.push(issue("traces.reportLine", { path: [this.file, `line ${line}`, "a platform.report event that is JSON"], actual: show(cell.trim().slice(0, 120)) }));
        else this.walk(json, () => line, 0, environment);
      }
    });
  }

  /** One row of a Logs Insights export of REPORT fields (insights-fields.ts). */
  insightsRow(cells: readonly string[], line: number, columns: InsightsColumns): void {
    this.insights(reportOfInsights((f) => insightsCell(cells, columns, f), line), line);
  }

  private insights(row: InsightsRow, line: number): void {
    if (row.ok) this.store.push(row.report);
    else this.issues.push(issue("traces.reportLine", { path: [this.file, `line ${line}`, row.missing], actual: "a Logs Insights row without them" }));
  }

  /** One line of a plain, CSV (timestamp,message) or JSON Lines export. */
  logLine(content: string, line: number): void {
    const hasText = REPORT.test(content);
    const hasEvent = content.includes(PLATFORM_REPORT);
    if (!hasText && !hasEvent) return;
    const json = content.includes("{") ? jsonInLine(content) : undefined;
    if (json !== undefined) {
      const before = this.store.size + this.issues.length;
      this.walk(json, () => line);
      if (this.store.size + this.issues.length > before) return;
    }
    if (hasText) this.text(content, line);
    else if (json === undefined && content.includes("{")) {
      this.issues.push(issue("traces.reportLine", { path: [this.file, `line ${line}`, "a platform.report event that is JSON"], actual: show(content.trim().slice(0, 120)) }));
    }
  }

  result(): LambdaReportParse {
    return { reports: [...this.store], issues: this.issues };
  }

  /** The reports by column (report-store.ts): what a join of a large log holds. */
  reportSet(): LambdaReportSet {
    return { store: this.store, issues: this.issues };
  }
}

/**
 * How a log export is laid out, from its first non-blank line: a whole JSON document (it opens with
 * `[`, or with `{` on a line that is not a JSON value by itself), a Logs Insights CSV of REPORT
 * fields (its header names @requestId, @duration and @maxMemoryUsed), a CSV with a log-stream
 * column (its header names one), or lines.
 */
export type LogLayout = { readonly kind: "document" } | { readonly kind: "csv"; readonly streamColumn: number } | { readonly kind: "insights"; readonly columns: InsightsColumns } | { readonly kind: "lines" };

export function logLayoutOf(firstLine: string): LogLayout {
  const line = firstLine.trim();
  // JSON Lines never open with `[`; an object line that does not parse alone opens a pretty-printed document.
  if (line.startsWith("[") || (line.startsWith("{") && tryJson(line) === undefined)) return { kind: "document" };
  const columns = line.startsWith("{") || REPORT.test(line) ? undefined : insightsColumnsOf(line.split(","));
  if (columns !== undefined) return { kind: "insights", columns };
  const streamColumn = streamColumnOf(line);
  return streamColumn >= 0 ? { kind: "csv", streamColumn } : { kind: "lines" };
}

/** The first non-blank line of a text. */
export function firstLineOf(text: string): string {
  return (/^\s*([^\r\n]*)/.exec(text)?.[1] ?? "").trim();
}

/** The log stream an object names (`logStreamName`, `logStream`, `@logStream`), if any. */
function streamOf(value: Record<string, unknown>): string | undefined {
  for (const [key, v] of Object.entries(value)) if (typeof v === "string" && v.trim() !== "" && STREAM_KEYS.has(normaliseName(key))) return v.trim();
  return undefined;
}

/** The log-stream column of a CSV export's header line (`@timestamp,@logStream,@message`), or −1. */
function streamColumnOf(firstLine: string): number {
  if (firstLine === "" || REPORT.test(firstLine) || firstLine.includes(PLATFORM_REPORT) || firstLine.startsWith("{")) return -1;
  const cells = firstLine.split(",").map((c) => normaliseName(c.replace(/^"|"$/g, "")));
  return cells.findIndex((c) => STREAM_KEYS.has(c));
}

/** The JSON a line carries: the line itself, or from its first `{` to its last `}` (CSV-quoted `""` undone). */
function jsonInLine(content: string): unknown {
  const start = content.indexOf("{");
  const end = content.lastIndexOf("}");
  if (start < 0 || end <= start) return undefined;
  const candidate = content.slice(start, end + 1);
  return tryJson(candidate) ?? (candidate.includes('""') ? tryJson(candidate.replace(/""/g, '"')) : undefined);
}

/**
 * Places reports found in a whole JSON document: the line of the next occurrence of the report's
 * anchor (`REPORT RequestId` or `platform.report`) after the previous report's, so reports are
 * found in document order, as the walk visits them.
 */
function anchorLocator(text: string): (anchor: string) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  let cursor = 0;
  return (anchor) => {
    const at = text.indexOf(anchor, cursor);
    const offset = at >= 0 ? at : cursor;
    if (at >= 0) cursor = at + anchor.length;
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The reports of a whole log export held as text (readLambdaReports streams a file instead). */
export function parseLambdaReports(text: string, file: string): LambdaReportParse {
  const out = new LambdaReportScanner(file);
  const layout = logLayoutOf(firstLineOf(text));
  // A whole JSON document (an export of events, pretty-printed or an array); one object on one line reads as a line.
  if (layout.kind === "document") {
    const whole = tryJson(text);
    if (whole !== undefined) {
      out.walk(whole, anchorLocator(text));
      return out.result();
    }
  }
  if (layout.kind === "csv" || layout.kind === "insights") {
    for (const row of parseCsvRows(text, file).slice(1)) {
      if (layout.kind === "csv") out.csvRow(row.record, row.info.lines, layout.streamColumn);
      else out.insightsRow(row.record, row.info.lines, layout.columns);
    }
    return out.result();
  }
  text.split(/\r?\n/).forEach((content, i) => out.logLine(content, i + 1));
  return out.result();
}
