/**
 * Step Functions execution history → trace rows. One row per Task state run (a Map iteration's
 * tasks each give their own): the function (named as the ASL importer names the stage), the
 * bytes of the payload it was invoked with and returned, its runtime (service start to success;
 * state entry to exit when the history has no start event), and its fanout (the length of a Map
 * it leads to, else 1). Sizes are the orchestrator's payloads: data a task moves through S3
 * itself is not in the history. A row whose payload the history truncated, or whose task
 * failed, is skipped and counted with its reason.
 */
import { issue, show, type Issue } from "../../errors.js";
import type { ReadReport, TargetSummary } from "../../traces/read-report.js";
import type { TraceRecord } from "../../traces/trace-record.js";
import { classifyTask, lambdaFunctionName } from "../asl/task-resource.js";
import { chainFrom, details, fanoutAfter, FAILED, indexHistory, iterationOf, type HistoryEvent } from "./history-events.js";

export interface StateRun {
  readonly state: string;
  readonly function: string;
  /** Index of the Map iteration the run belongs to, when inside a Map. */
  readonly iteration?: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly inputBytes: number;
  readonly outputBytes: number;
  readonly fanout: number;
}

export interface HistoryReadOptions {
  /** The app name of every row. Default "app". */
  readonly app?: string;
  /** Function name per state name, overriding what the history's task parameters say. */
  readonly functions?: Readonly<Record<string, string>>;
  /** Configured memory per function name, copied into `memorySettingMb`. */
  readonly memorySettingMb?: Readonly<Record<string, number>>;
}

/** A trace row from a history: no peak memory (a history does not have it). */
export type HistoryRecord = TraceRecord;

export interface HistoryReadResult {
  readonly runs: readonly StateRun[];
  readonly records: readonly HistoryRecord[];
  readonly report: ReadReport;
}

const bytes = (s: unknown): number => (typeof s === "string" ? Buffer.byteLength(s, "utf8") : 0);
const SCHEDULED = ["TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled"];
const STARTED = ["TaskStarted", "LambdaFunctionStarted", "ActivityStarted"];
const SUCCEEDED = ["TaskSucceeded", "LambdaFunctionSucceeded", "ActivitySucceeded"];
const detailKey = (type: string) => type.charAt(0).toLowerCase() + type.slice(1) + "EventDetails";


/** Payload of a lambda:invoke request or response, when the event carries one; else the whole text. */
function payloadText(text: unknown): unknown {
  if (typeof text !== "string") return text;
  try {
    const o = JSON.parse(text) as { Payload?: unknown };
    return o !== null && typeof o === "object" && "Payload" in o ? JSON.stringify(o.Payload) : text;
  } catch {
    return text;
  }
}

function functionOf(state: string, scheduled: HistoryEvent | undefined): string {
  const d = details(scheduled, detailKey(scheduled?.type ?? ""));
  if (scheduled?.type === "TaskScheduled" && typeof d?.resourceType === "string" && typeof d.resource === "string") {
    let params: unknown;
    try {
      params = typeof d.parameters === "string" ? JSON.parse(d.parameters) : undefined;
    } catch {
      params = undefined;
    }
    return classifyTask(state, `arn:aws:states:::${d.resourceType}:${d.resource}`, params).function;
  }
  if (typeof d?.resource === "string") return scheduled!.type === "ActivityScheduled" ? d.resource.split(":activity:")[1] ?? d.resource : lambdaFunctionName(d.resource);
  return state;
}


export function readExecutionHistory(doc: unknown, source: string, options: HistoryReadOptions = {}): HistoryReadResult {
  const h = indexHistory(doc, source);
  const runs: StateRun[] = [];
  const skipped: Issue[] = [];
  const entries = h.events.filter((e) => e.type === "TaskStateEntered");
  for (const entered of entries) {
    const state = String(details(entered, "stateEnteredEventDetails")?.name ?? "?");
    const chain = chainFrom(h, entered);
    const find = (types: readonly string[]) => chain.find((e) => types.includes(e.type));
    const failed = find(FAILED);
    const exited = find(["TaskStateExited"]);
    const where = [source, `event ${entered.id}`, state];
    if (failed !== undefined || exited === undefined) {
      skipped.push(issue("interop.skippedTaskRun", { path: where, params: { reason: failed !== undefined ? `the task ${failed.type.replace(/^(Task|LambdaFunction|Activity)/, "").toLowerCase()}` : "the task never exited" }, actual: show(failed?.type ?? "no TaskStateExited") }));
      continue;
    }
    const scheduled = find(SCHEDULED);
    const started = find(STARTED);
    const succeeded = find(SUCCEEDED);
    const sd = details(scheduled, detailKey(scheduled?.type ?? ""));
    const ok = details(succeeded, detailKey(succeeded?.type ?? ""));
    const inText = sd?.parameters ?? sd?.input ?? details(entered, "stateEnteredEventDetails")?.input;
    const outText = ok?.output ?? details(exited, "stateExitedEventDetails")?.output;
    const truncated = [sd?.parametersDetails, sd?.inputDetails, ok?.outputDetails, details(entered, "stateEnteredEventDetails")?.inputDetails].some((d) => (d as { truncated?: unknown } | undefined)?.truncated === true);
    if (truncated) {
      skipped.push(issue("interop.skippedTaskRun", { path: where, params: { reason: "the history truncated this payload, so its size is unknown" }, actual: "truncated" }));
      continue;
    }
    const fn = options.functions?.[state] ?? functionOf(state, scheduled);
    const iteration = iterationOf(h, entered);
    runs.push({
      state,
      function: fn,
      ...(iteration !== undefined ? { iteration } : {}),
      startMs: (started ?? entered).timeMs,
      endMs: (succeeded ?? exited).timeMs,
      inputBytes: bytes(payloadText(inText)),
      outputBytes: bytes(payloadText(outText)),
      fanout: fanoutAfter(h, exited),
    });
  }
  const app = options.app ?? "app";
  const records: HistoryRecord[] = runs.map((r) => ({
    app,
    function: r.function,
    inputBytes: r.inputBytes,
    runtimeMs: Math.max(0, r.endMs - r.startMs),
    outputBytes: r.outputBytes,
    fanout: r.fanout,
    ...(options.memorySettingMb?.[r.function] !== undefined ? { memorySettingMb: options.memorySettingMb[r.function]! } : {}),
  }));
  const rowsSkipped: Record<string, number> = {};
  for (const issue of skipped) rowsSkipped[issue.message] = (rowsSkipped[issue.message] ?? 0) + 1;
  const used: TargetSummary = { used: records.length, skipped: {}, examples: [] };
  const targets: ReadReport["targets"] = {
    runtimeMs: used,
    outputBytes: used,
    fanout: used,
    memoryMb: { used: 0, skipped: records.length > 0 ? { "not in an execution history": records.length } : {}, examples: [] },
  };
  const report: ReadReport = {
    file: source,
    rowsRead: entries.length,
    rowsKept: records.length,
    rowsFiltered: 0,
    rowsSkipped,
    skipped,
    fieldsSkipped: {},
    targets,
    columns: "function←task resource, inputBytes←invocation payload, runtimeMs←task start→success, outputBytes←result payload, fanout←length of the Map that follows",
  };
  return { runs, records, report };
}
