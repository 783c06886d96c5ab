/**
 * The JSON `aws stepfunctions get-execution-history` prints (`{ "events": [...] }`, or the bare
 * list), checked and indexed: each event by id, and the events that follow each one. Timestamps
 * come as ISO strings (the CLI) or epoch seconds (the API); both become epoch milliseconds.
 */
import { z } from "zod";
import { InputError, issue, show, type Issue } from "../../errors.js";

const eventSchema = z.looseObject({
  id: z.number().int().nonnegative(),
  previousEventId: z.number().int().nonnegative().optional(),
  type: z.string().min(1),
  timestamp: z.union([z.string(), z.number().finite()]),
});

export type HistoryEvent = z.infer<typeof eventSchema> & { readonly timeMs: number };

export interface IndexedHistory {
  readonly events: readonly HistoryEvent[];
  readonly byId: ReadonlyMap<number, HistoryEvent>;
  /** Events whose previousEventId is this id, in id order. */
  readonly followers: ReadonlyMap<number, readonly HistoryEvent[]>;
}

function toMs(t: string | number): number {
  return typeof t === "number" ? t * 1000 : Date.parse(t);
}

export function indexHistory(doc: unknown, source: string): IndexedHistory {
  const list = Array.isArray(doc) ? doc : (doc as { events?: unknown } | null)?.events;
  if (!Array.isArray(list)) throw new InputError(`Cannot read ${source}`, [issue("interop.badHistoryEvent", { path: [source, "events"], params: { what: "an execution history is { events: [...] }" }, expected: "an array of events", actual: show(list) })]);
  const issues: Issue[] = [];
  const events: HistoryEvent[] = [];
  list.forEach((raw, i) => {
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) {
      for (const iss of parsed.error.issues) issues.push(issue("interop.badHistoryEvent", { path: [source, "events", i, ...iss.path.map(String)], params: { what: iss.message } }));
      return;
    }
    const timeMs = toMs(parsed.data.timestamp);
    if (!Number.isFinite(timeMs)) issues.push(issue("interop.badHistoryEvent", { path: [source, "events", i, "timestamp"], params: { what: "unreadable timestamp" }, expected: "an ISO date or epoch seconds", actual: show(parsed.data.timestamp) }));
    else events.push({ ...parsed.data, timeMs });
  });
  if (issues.length > 0) throw new InputError(`Cannot read ${source}`, issues);
  events.sort((a, b) => a.id - b.id);
  const byId = new Map(events.map((e) => [e.id, e]));
  const followers = new Map<number, HistoryEvent[]>();
  for (const e of events) if (e.previousEventId !== undefined) (followers.get(e.previousEventId) ?? followers.set(e.previousEventId, []).get(e.previousEventId)!).push(e);
  return { events, byId, followers };
}

/** A details object of an event (e.g. `stateEnteredEventDetails`), if present. */
export function details(e: HistoryEvent | undefined, key: string): Record<string, unknown> | undefined {
  const d = e?.[key];
  return d !== null && typeof d === "object" && !Array.isArray(d) ? (d as Record<string, unknown>) : undefined;
}

/** Events that end a task run without success. */
export const FAILED = ["TaskFailed", "LambdaFunctionFailed", "ActivityFailed", "TaskTimedOut", "LambdaFunctionTimedOut", "ActivityTimedOut", "TaskStateAborted"];

/** The events from a TaskStateEntered to the event before the next state entry, following previousEventId. */
export function chainFrom(h: IndexedHistory, entered: HistoryEvent): HistoryEvent[] {
  const chain: HistoryEvent[] = [];
  for (let e: HistoryEvent | undefined = entered; e !== undefined && chain.length < 64; ) {
    chain.push(e);
    if (e.type === "TaskStateExited" || FAILED.includes(e.type)) break;
    e = (h.followers.get(e.id) ?? []).find((f) => !f.type.endsWith("StateEntered"));
  }
  return chain;
}

/**
 * The Map iteration an event belongs to: the nearest MapIterationStarted up its previousEventId
 * chain that opens a Map still open here (a Map that already exited on the way up is skipped whole).
 */
export function iterationOf(h: IndexedHistory, e: HistoryEvent): number | undefined {
  let closedMaps = 0;
  for (let p = h.byId.get(e.previousEventId ?? -1), n = 0; p !== undefined && n < 100_000; p = h.byId.get(p.previousEventId ?? -1), n++) {
    if (p.type === "MapStateExited") closedMaps++;
    else if (p.type === "MapStateEntered" && closedMaps > 0) closedMaps--;
    else if (p.type === "MapIterationStarted" && closedMaps === 0) return details(p, "mapIterationStartedEventDetails")?.index as number | undefined;
    else if (p.type === "ExecutionStarted") return undefined;
  }
  return undefined;
}

/** Items of the Map a state leads to (through pass-through states), else 1. */
export function fanoutAfter(h: IndexedHistory, exited: HistoryEvent): number {
  let e: HistoryEvent | undefined = exited;
  for (let hops = 0; e !== undefined && hops < 16; hops++) {
    const next: HistoryEvent | undefined = (h.followers.get(e.id) ?? []).find((f) => f.type.endsWith("StateEntered") || f.type.endsWith("StateExited") || f.type === "MapStateStarted");
    if (next === undefined) return 1;
    if (next.type === "MapStateStarted") return Number(details(next, "mapStateStartedEventDetails")?.length ?? 1);
    if (next.type === "TaskStateEntered" || next.type === "ParallelStateEntered") return 1;
    e = next;
  }
  return 1;
}
