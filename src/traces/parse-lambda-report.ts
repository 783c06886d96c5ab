/**
 * Parses AWS Lambda `REPORT` log lines, as CloudWatch exports them (plain text, a CSV of
 * timestamp,message, or JSON events: the line is found wherever it sits), into per-request
 * duration and memory. Other log lines are ignored; a REPORT line missing a field is an issue.
 */
import { issue, type Issue } from "../errors.js";

export interface LambdaReport {
  readonly requestId: string;
  readonly line: number;
  readonly durationMs: number;
  readonly billedDurationMs: number | undefined;
  readonly memorySizeMb: number | undefined;
  readonly maxMemoryUsedMb: number;
  /** Present only on a cold start. */
  readonly initDurationMs: number | undefined;
}

export interface LambdaReportParse {
  readonly reports: LambdaReport[];
  readonly issues: Issue[];
}

const REPORT = /REPORT\s+RequestId:\s*([0-9A-Za-z-]+)(.*)$/;
const NUM = "([0-9]+(?:\\.[0-9]+)?)";
const DURATION = new RegExp(`(?<!Billed |Init |Restore )Duration:\\s*${NUM}\\s*ms`);
const BILLED = new RegExp(`Billed Duration:\\s*${NUM}\\s*ms`);
const INIT = new RegExp(`Init Duration:\\s*${NUM}\\s*ms`);
const MEMORY_SIZE = new RegExp(`Memory Size:\\s*${NUM}\\s*MB`);
const MAX_MEMORY = new RegExp(`Max Memory Used:\\s*${NUM}\\s*MB`);

function grab(re: RegExp, text: string): number | undefined {
  const m = re.exec(text);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

export function parseLambdaReports(text: string, file: string): LambdaReportParse {
  const reports: LambdaReport[] = [];
  const issues: Issue[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((content, i) => {
    const m = REPORT.exec(content);
    if (m === null) return;
    const rest = m[2] ?? "";
    const durationMs = grab(DURATION, rest);
    const maxMemoryUsedMb = grab(MAX_MEMORY, rest);
    const missing = [durationMs === undefined ? "Duration" : undefined, maxMemoryUsedMb === undefined ? "Max Memory Used" : undefined].filter((x) => x !== undefined);
    if (durationMs === undefined || maxMemoryUsedMb === undefined) {
      issues.push(issue("traces.reportLine", { path: [file, `line ${i + 1}`, missing.join(", ")], actual: content.trim().slice(0, 120) }));
      return;
    }
    reports.push({
      requestId: m[1]!,
      line: i + 1,
      durationMs,
      billedDurationMs: grab(BILLED, rest),
      memorySizeMb: grab(MEMORY_SIZE, rest),
      maxMemoryUsedMb,
      initDurationMs: grab(INIT, rest),
    });
  });
  return { reports, issues };
}
