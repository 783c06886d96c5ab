/**
 * Lambda reports as CloudWatch Logs Insights returns them: the fields it discovers in each REPORT
 * line (`filter @type = "REPORT" | fields @requestId, @duration, @maxMemoryUsed, …`), exported
 * from the console as CSV or from `aws logs get-query-results` as JSON (rows of `{field, value}`).
 * The export has no REPORT text left to parse, only columns:
 *
 * - `@requestId`, `@duration` and `@maxMemoryUsed` are required; `@billedDuration`,
 *   `@memorySize`, `@initDuration` (present on a cold start) and `@logStream` (the execution
 *   environment) are read when there.
 * - Durations are milliseconds. `@maxMemoryUsed` and `@memorySize` are bytes, counted at 1,000,000
 *   per REPORT "MB" (the AWS Lambda Operator Guide's Insights queries divide by 1000/1000 to get MB;
 *   `@maxMemoryUsed = @memorySize` marks a full function). A value that is a whole number of MiB but
 *   not of 10^6 bytes is read as MiB.
 * - A row whose required fields are missing or not numbers is an issue naming the file, line and
 *   fields, like a broken REPORT line.
 */
import { normaliseName } from "../mapping/names.js";
import type { ReportFields } from "./report-store.js";

/** Column indexes of an Insights export's header (normalised names, names.ts). */
export interface InsightsColumns {
  readonly requestId: number;
  readonly duration: number;
  readonly maxMemoryUsed: number;
  readonly billedDuration: number;
  readonly memorySize: number;
  readonly initDuration: number;
  readonly logStream: number;
}

const NAMES = { requestId: "request_id", duration: "duration", maxMemoryUsed: "max_memory_used", billedDuration: "billed_duration", memorySize: "memory_size", initDuration: "init_duration", logStream: "log_stream" } as const;

/** The Insights columns of a header, or undefined when it lacks @requestId, @duration or @maxMemoryUsed. */
export function insightsColumnsOf(header: readonly string[]): InsightsColumns | undefined {
  const names = header.map((h) => normaliseName(h.replace(/^"|"$/g, "")));
  const at = Object.fromEntries(Object.entries(NAMES).map(([k, n]) => [k, names.indexOf(n)])) as unknown as InsightsColumns;
  return at.requestId >= 0 && at.duration >= 0 && at.maxMemoryUsed >= 0 ? at : undefined;
}

const MIB = 1024 * 1024;

function numberIn(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const n = Number(text.trim());
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Bytes as Insights gives them, in the MB a REPORT line would show. */
export function insightsMegabytes(bytes: number): number {
  return bytes % 1e6 !== 0 && bytes % MIB === 0 ? bytes / MIB : bytes / 1e6;
}

export type InsightsRow = { readonly ok: true; readonly report: ReportFields } | { readonly ok: false; readonly missing: string };

/** One report from an Insights row, read through `get` (a field's text by its key in NAMES). */
export function reportOfInsights(get: (field: keyof typeof NAMES) => string | undefined, line: number): InsightsRow {
  const requestId = get("requestId")?.trim() || undefined;
  const durationMs = numberIn(get("duration"));
  const maxBytes = numberIn(get("maxMemoryUsed"));
  if (requestId === undefined || durationMs === undefined || maxBytes === undefined) {
    const missing = [requestId === undefined ? "@requestId" : undefined, durationMs === undefined ? "@duration" : undefined, maxBytes === undefined ? "@maxMemoryUsed" : undefined].filter((x) => x !== undefined).join(", ");
    return { ok: false, missing };
  }
  const size = numberIn(get("memorySize"));
  return {
    ok: true,
    report: {
      requestId,
      line,
      durationMs,
      billedDurationMs: numberIn(get("billedDuration")),
      memorySizeMb: size === undefined ? undefined : insightsMegabytes(size),
      maxMemoryUsedMb: insightsMegabytes(maxBytes),
      initDurationMs: numberIn(get("initDuration")),
      restoreDurationMs: undefined,
      status: "success",
      environment: get("logStream")?.trim() || undefined,
      file: undefined,
    },
  };
}

/** The same from a row of `aws logs get-query-results` (an array of `{field, value}`), or undefined when it is no such row. */
export function insightsRecord(value: unknown): Map<string, string> | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const fields = new Map<string, string>();
  for (const cell of value) {
    if (typeof cell !== "object" || cell === null || typeof (cell as { field?: unknown }).field !== "string") return undefined;
    const v = (cell as { value?: unknown }).value;
    fields.set(normaliseName((cell as { field: string }).field), typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
  }
  return fields.has(NAMES.requestId) && fields.has(NAMES.duration) ? fields : undefined;
}

/** A field of such a row by its key in NAMES. */
export function insightsField(fields: ReadonlyMap<string, string>, field: keyof typeof NAMES): string | undefined {
  return fields.get(NAMES[field]);
}

/** A field of a CSV row by its key in NAMES. */
export function insightsCell(cells: readonly string[], columns: InsightsColumns, field: keyof typeof NAMES): string | undefined {
  const i = columns[field];
  return i < 0 ? undefined : cells[i];
}
