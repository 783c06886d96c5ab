/**
 * Reads a Lambda log export and its sizes file from disk and joins them (see joinLambdaReports),
 * streamed: the log line by line (or CSV row by row), the sizes file in batches, twice. Memory holds
 * the reports (a few numbers each) and the rows kept, never either file — except a log that is one
 * JSON document (pretty-printed `aws logs filter-log-events` output), which is parsed whole. Either
 * file may be gzip-compressed (trace-file.ts).
 */
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import type { Issue } from "../../errors.js";
import { streamCsvRows } from "../formats/csv-rows.js";
import { joinLambdaReports, type LambdaJoinOptions, type LambdaJoinResult, type SizesSource } from "./join-lambda-traces.js";
import { firstLineOf, LambdaReportScanner, logLayoutOf, parseLambdaReports, type LambdaReportParse, type LambdaReportSet } from "./parse-lambda-report.js";
import { ReportStore } from "./report-store.js";
import type { OnInvalidRow } from "../read-report.js";
import { cannotRead, openTraceBytes, peekTraceFile, readTraceText } from "../formats/trace-file.js";
import { streamTraceRows } from "../formats/stream-trace-rows.js";
import { detectTraceFormat } from "../formats/trace-format.js";
import { expandTraceFolders, isFolder } from "../formats/trace-folder.js";


/** Every report in a log export file: plain or CSV lines, JSON Lines events, a CSV with a log-stream column, or one JSON document. */
export async function readLambdaReports(path: string): Promise<LambdaReportParse> {
  const { store, issues } = await scanLambdaLog(path);
  return { reports: [...store], issues };
}

/** The same, held by column (report-store.ts): what a join of a large log needs. A folder is an export's parts (scanLambdaFolder). */
export async function scanLambdaLog(path: string): Promise<LambdaReportSet> {
  return (await isFolder(path)) ? scanLambdaFolder(path) : scanLambdaFile(path);
}

/**
 * A log export split in parts, as CloudWatch's export to S3 writes it (`<task>/<log stream>/000000.gz`,
 * a stream's parts in order): every file under the folder, in name order, its reports in one store.
 * A report that does not name its log stream takes its file's folder as one, so that the
 * environment's running maximum (environment-memory.ts) is followed across a stream's parts; each
 * report keeps its file and line for messages.
 */
async function scanLambdaFolder(folder: string): Promise<LambdaReportSet> {
  const files = await expandTraceFolders([folder], { extensions: "any", expected: "a CloudWatch log export or a folder of its parts" });
  const store = new ReportStore();
  const issues: Issue[] = [];
  for (const file of files) {
    const part = await scanLambdaFile(file);
    const stream = path.dirname(path.relative(folder, file));
    for (const r of part.store) store.push({ ...r, environment: r.environment ?? (stream === "." ? undefined : stream), file });
    issues.push(...part.issues);
  }
  return { store, issues };
}

async function scanLambdaFile(path: string): Promise<LambdaReportSet> {
  const expected = "a CloudWatch log export";
  const head = await peekTraceFile(path, expected);
  const layout = logLayoutOf(firstLineOf(head.text));
  if (layout.kind === "document") {
    const { reports, issues } = parseLambdaReports(await readTraceText(path, expected), path);
    return { store: ReportStore.of(reports), issues };
  }
  const scanner = new LambdaReportScanner(path);
  if (layout.kind === "csv" || layout.kind === "insights") {
    let header = true;
    for await (const batch of streamCsvRows(path)) {
      for (const row of batch) {
        if (header) header = false;
        else if (layout.kind === "csv") scanner.csvRow(row.record, row.info.lines, layout.streamColumn);
        else scanner.insightsRow(row.record, row.info.lines, layout.columns);
      }
    }
    return scanner.reportSet();
  }
  // Chunk by chunk, each chunk's lines scanned at once: nothing queues (readline's async iterator
  // buffers lines ahead of a slower consumer, and a million queued lines outlive the young generation).
  let rest = "";
  let n = 0;
  const { bytes, raw } = openTraceBytes(path, head.compression);
  const decoder = new StringDecoder("utf8");
  try {
    for await (const chunk of bytes) {
      const text = rest + decoder.write(chunk as Buffer);
      let start = 0;
      for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
        scanner.logLine(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end), ++n);
        start = end + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.end();
  } catch (e) {
    throw cannotRead(path, expected, e);
  } finally {
    raw.destroy();
    bytes.destroy();
  }
  if (rest !== "") scanner.logLine(rest, ++n);
  return scanner.reportSet();
}

/** A sizes file on disk, streamed on each pass: CSV, or JSON Lines / a JSON array (detectTraceFormat). */
export async function sizesFromFile(path: string, onInvalid: OnInvalidRow): Promise<SizesSource> {
  const format = await detectTraceFormat(path);
  return { file: path, rows: (skipped) => streamTraceRows(path, format, { onInvalid, skipped }) };
}

export async function readLambdaTraces(reportPath: string, sizesPath: string, options: Omit<LambdaJoinOptions, "reportFile" | "sizesFile"> = {}): Promise<LambdaJoinResult> {
  const [reports, sizes] = await Promise.all([scanLambdaLog(reportPath), sizesFromFile(sizesPath, options.onInvalid ?? "throw")]);
  return joinLambdaReports(reports, sizes, { ...options, reportFile: reportPath, sizesFile: sizesPath });
}
