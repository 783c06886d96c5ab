/**
 * What a file could give that the mapping left out, said as the caller would write it: a start and
 * an end time that are no epoch (offsets from a run's start) could give the runtime by an
 * expression; a run-id column could give fanout counted per run; a column read in its field's
 * default unit for want of one in its name (Azure's 2021 trace has `duration` in seconds) could be
 * in another, given after a colon; a column that could give a missing target (a request log's
 * latency or response size, field-candidates.ts); a success flag (App Insights' `success`, OpenWhisk's
 * `response.success`) or, without one, an HTTP status column (Cloud Logging's `httpRequest.status`)
 * that could keep failed invocations out by a row filter. Printed beside the file's columns, never applied: which unit the
 * offsets or the duration are in, and which column names a workflow run, only the user knows.
 */
import { CellError, cellValue } from "./cell-value.js";
import { truthOf } from "./expression.js";
import { candidateText } from "./field-candidates.js";
import type { FieldSource } from "./field-source.js";
import { withUnit, type MappingOrigin } from "./mapping-labels.js";
import { endsWithWords, normaliseName } from "./names.js";
import { findTimePair } from "./time-pair.js";
import type { TraceField } from "../trace-record.js";
import { unitsFor, type ValueUnit } from "./units.js";

/** Column names that identify a workflow run (normalised). */
const RUN_ID_NAMES: readonly string[] = ["run_id", "workflow_run_id", "workflow_id", "execution_id", "execution_arn", "request_id", "job_id", "trace_id"];

/**
 * The unit a hint offers in place of an assumed one: the likeliest other (seconds for Azure's
 * durations, KB for a Linux max_rss). The runtime and the peak memory only, where traces in the wild
 * differ (s, ms, µs; B, KB, MB). A size without a unit is bytes nearly everywhere (Cloud Logging's
 * requestSize, SeBS's blob.download), and a memory setting MB on every platform read here (Lambda's
 * MemorySize, OpenWhisk's limits.memory), so their assumption is only said in the columns line.
 */
const ASSUMED_ALTERNATIVE: Partial<Record<TraceField, ValueUnit>> = { runtimeMs: "s", memoryMb: "KB" };

/** Names of a column saying whether an invocation succeeded (normalised; also as the last word: `response.success`). */
const SUCCESS_NAMES: readonly string[] = ["success", "succeeded", "is_success"];

/** A column saying whether each invocation succeeded, read as a flag over the sample: its index, else undefined. */
function successColumn(header: readonly string[], sample: readonly (readonly string[])[]): number | undefined {
  const names = header.map(normaliseName);
  const index = names.findIndex((n) => SUCCESS_NAMES.some((s) => endsWithWords(n, s)));
  if (index < 0) return undefined;
  const cells = sample.map((row) => cellValue(row[index])).filter((v) => v !== undefined);
  try {
    return cells.length > 0 && cells.every((v) => truthOf(v, header[index]!) !== undefined) ? index : undefined;
  } catch (e) {
    if (e instanceof CellError) return undefined;
    throw e;
  }
}

/** Names of a column holding an HTTP status (normalised; also as the last words: `httpRequest.status`, App Insights' `resultCode`). */
const STATUS_NAMES: readonly string[] = ["status", "status_code", "http_status", "result_code", "response_code"];

/** A column whose sampled values are all HTTP statuses (whole numbers 100–599): its index, else undefined. OpenWhisk's statusCode (0 for success) is none. */
function httpStatusColumn(header: readonly string[], sample: readonly (readonly string[])[]): number | undefined {
  const index = header.map(normaliseName).findIndex((n, i) => {
    if (!STATUS_NAMES.some((s) => endsWithWords(n, s))) return false;
    const cells = sample.map((row) => cellValue(row[i])).filter((v) => v !== undefined);
    return cells.length > 0 && cells.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 100 && v <= 599);
  });
  return index >= 0 ? index : undefined;
}

export interface HintContext {
  /** Header indexes a field already reads. */
  readonly used?: ReadonlySet<number>;
  /** Whether the mapping has a row filter (then failures are the caller's to keep or not). */
  readonly filtered?: boolean;
  /** The first rows, to tell a flag column. */
  readonly sample?: readonly (readonly string[])[];
}

/** `provided`: fields another source fills (a REPORT join gives runtime and memory), of which nothing is hinted. */
export function mappingHints(header: readonly string[], fields: ReadonlyMap<TraceField, FieldSource>, provided: ReadonlySet<TraceField>, origin: MappingOrigin, context: HintContext = {}): string[] {
  const hints: string[] = [];
  const used = context.used ?? new Set<number>();
  for (const field of ["runtimeMs", "outputBytes"] as const) {
    const could = fields.has(field) || provided.has(field) ? undefined : candidateText(origin, field, header, used);
    if (could !== undefined) hints.push(`${field}: no column gives it; ${could}`);
  }
  for (const [field, source] of fields) {
    const other = ASSUMED_ALTERNATIVE[field];
    if (source.assumedUnit === undefined || other === undefined) continue;
    const units = unitsFor(field);
    hints.push(`${field}: ${source.label} has no unit in its name and was read in ${source.assumedUnit}; if it is in another (${units.join(", ")}), give it: ${withUnit(origin, field, source, other)}`);
  }
  // A REPORT join skips failed invocations itself; elsewhere they train as any other unless filtered out.
  const success = context.filtered === true || provided.has("runtimeMs") ? undefined : successColumn(header, context.sample ?? []);
  const whereRef = (expr: string) => (origin === "cli" ? `--where '${expr}'` : `where: ${JSON.stringify(expr)}`);
  if (success !== undefined) {
    const expr = header[success]!;
    hints.push(`rows: failed invocations train as any other; if ${expr} says whether one succeeded, keep those that did: ${whereRef(expr)}`);
  } else if (context.filtered !== true && !provided.has("runtimeMs")) {
    const status = httpStatusColumn(header, context.sample ?? []);
    if (status !== undefined) hints.push(`rows: failed invocations train as any other; if ${header[status]} is the HTTP status, keep the successes: ${whereRef(`${header[status]} < 400`)}`);
  }
  const pair = findTimePair(header);
  if (!fields.has("runtimeMs") && !provided.has("runtimeMs") && pair !== undefined) {
    const expr = `(${header[pair.end]} - ${header[pair.start]}) * 1000`;
    const how = origin === "cli" ? `--derive 'runtimeMs=${expr}'` : `columns.runtimeMs: { expr: ${JSON.stringify(expr)} }`;
    hints.push(`runtimeMs: no column gives it, and ${header[pair.start]} and ${header[pair.end]} were not read as times; if they are seconds, ${how}`);
  }
  if (!fields.has("fanout") && !provided.has("fanout")) {
    const names = header.map(normaliseName);
    // In a REPORT join (runtime provided) request ids are Lambda's, one per invocation: no run.
    const candidates = provided.has("runtimeMs") ? RUN_ID_NAMES.filter((n) => n !== "request_id") : RUN_ID_NAMES;
    const run = candidates.map((n) => names.indexOf(n)).find((i) => i >= 0);
    if (run !== undefined) {
      const how = origin === "cli" ? `--fanout-run ${header[run]} with --next F=G or --dag FILE` : `fanoutFromRuns: { runColumn: ${JSON.stringify(header[run])}, next }`;
      hints.push(`fanout: if ${header[run]} names a workflow run, count each function's next-stage invocations per run: ${how}`);
    }
  }
  return hints;
}
