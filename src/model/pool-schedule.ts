/**
 * The schedule under the VM pool: stages in time order, each taking its own VMs from a pool of
 * `poolSize` shared by every stage running at once, first come first served (a stage waits until
 * all of its VMs are free — the simulator leases them the same way). A stage beside its producer's
 * output (vm-local) takes none and keeps its host's VMs leased until it finishes.
 *
 *   ready(v)  = max over edges e = (u, v) of [finish(u) + first write(e)] (its first receivers can run; roots: 0)
 *   lease(v)  = the first time ≥ ready(v) when its VMs are free, in arrival order
 *   start(v)  = max( max over e of [finish(u) + transfer(e)],
 *                    max over e1 ≠ e2 of [finish(u1) + write(e1) + read(e2)] ) + (lease(v) − ready(v))
 *   finish(v) = start(v) + baseMs(v)
 * An instance reads its inputs once it runs, after the last one is written (as the simulator's
 * instances do): one edge's write then another edge's read. Within one edge each share's write and
 * read go together (its transfer, which also carries a split's shared sender NIC), since a receiver
 * served by one mode waits only for that mode's write. With one input and a pool no stage set
 * exhausts this is the plain recursion start(v) = finish(u) + transfer(e); a stage queued for VMs
 * starts that much later. A stage keeps its VMs until its instances have written their outputs
 * (finish + its slowest outgoing write), so a consumer whose first share is written early (a split
 * edge's direct receivers) holds its own VMs beside them. Also reports the peak of VMs leased at
 * once — the pool the app holds (vm-billing.ts).
 * When nothing is left to happen but stages still wait — a hold-and-wait: a host keeps its VMs for
 * a vm-local consumer whose other input cannot get VMs — the first waiting stage is lent its VMs
 * beyond the pool and named in `overdrawn`, as the simulator does (simulation.ts, "pool-overdrawn").
 */
import type { Dag } from "../dag/types.js";
import { OrderedHeap } from "../util/ordered-heap.js";
import { largestOtherThan } from "../util/largest-other.js";

export interface PoolScheduleInput {
  readonly dag: Dag;
  readonly poolSize: number;
  readonly baseMs: (stageId: string) => number;
  /** Per edge: the whole transfer, its slowest share's write (producer side) and read (consumer side), its fastest share's write. */
  readonly transferMs: readonly number[];
  readonly writeMs: readonly number[];
  readonly firstWriteMs?: readonly number[];
  readonly readMs: readonly number[];
  /** VMs the stage leases (0 when it runs on its host's). */
  readonly demand: (stageId: string) => number;
  /** The producer whose VMs the stage runs on, if any. */
  readonly hostOf: (stageId: string) => string | undefined;
}

export interface PoolSchedule {
  readonly startMs: ReadonlyMap<string, number>;
  readonly finishMs: ReadonlyMap<string, number>;
  /** Time each stage waited for VMs beyond its inputs being ready. */
  readonly queuedMs: ReadonlyMap<string, number>;
  readonly peakVms: number;
  readonly makespanMs: number;
  /** Stages lent VMs beyond the pool to break a hold-and-wait, in the order they were lent. */
  readonly overdrawn: readonly string[];
}

interface Event {
  readonly timeMs: number;
  readonly seq: number;
  readonly kind: "ready" | "finish" | "release";
  readonly stageId: string;
}

export function schedulePool(input: PoolScheduleInput): PoolSchedule {
  const { dag } = input;
  const startMs = new Map<string, number>();
  const finishMs = new Map<string, number>();
  const queuedMs = new Map<string, number>();
  const leaseMs = new Map<string, number>();
  const readyAt = new Map<string, number>();
  const inputsLeft = new Map<string, number>();
  /** Per stage, when its inputs written so far are all written. */
  const writtenBy = new Map<string, number>();
  const hostedLeft = new Map<string, number>();
  for (const id of dag.order) {
    inputsLeft.set(id, dag.incoming.get(id)!.length);
    const host = input.hostOf(id);
    if (host !== undefined) hostedLeft.set(host, (hostedLeft.get(host) ?? 0) + 1);
  }
  const events = new OrderedHeap<Event>(before);
  let seq = 0;
  const push = (e: Omit<Event, "seq">) => events.push({ ...e, seq: seq++ });
  for (const id of dag.order) if (inputsLeft.get(id) === 0) push({ timeMs: 0, kind: "ready", stageId: id });

  const waiting: string[] = [];
  let free = input.poolSize;
  let inUse = 0;
  let peakVms = 0;
  /** Stages whose instances have written their outputs: their VMs go back once no stage runs beside them. */
  const released = new Set<string>();

  const grant = (id: string, now: number) => {
    const d = input.demand(id);
    free -= d;
    inUse += d;
    peakVms = Math.max(peakVms, inUse);
    leaseMs.set(id, now);
    queuedMs.set(id, now - readyAt.get(id)!);
    const inputs = dag.incoming.get(id)!;
    let start = 0;
    // each edge's write pairs with the slowest read on another input edge
    const slowestOtherRead = largestOtherThan(inputs, (i) => input.readMs[i]!);
    for (const i of inputs) {
      const written = finishMs.get(dag.edges[i]!.from)! + input.writeMs[i]!;
      start = Math.max(start, written - input.writeMs[i]! + input.transferMs[i]!);
      const otherRead = slowestOtherRead(i);
      if (Number.isFinite(otherRead)) start = Math.max(start, written + otherRead);
    }
    start += now - readyAt.get(id)!;
    startMs.set(id, start);
    const finish = start + input.baseMs(id);
    finishMs.set(id, finish);
    push({ timeMs: finish, kind: "finish", stageId: id });
    let written = 0;
    for (const i of dag.outgoing.get(id)!) written = Math.max(written, input.writeMs[i]!);
    push({ timeMs: finish + written, kind: "release", stageId: id });
  };
  const tryGrant = (now: number) => {
    while (waiting.length > 0 && input.demand(waiting[0]!) <= free) grant(waiting.shift()!, now);
  };
  const release = (id: string) => {
    const d = input.demand(id);
    free += d;
    inUse -= d;
  };
  const maybeRelease = (id: string) => {
    if (released.has(id) && (hostedLeft.get(id) ?? 0) === 0) release(id);
  };

  const overdrawn: string[] = [];
  let now = 0;
  while (events.size > 0 || waiting.length > 0) {
    if (events.size === 0) {
      const id = waiting.shift()!;
      overdrawn.push(id);
      grant(id, now);
      continue;
    }
    const e = events.pop()!;
    now = e.timeMs;
    if (e.kind === "ready") {
      readyAt.set(e.stageId, now);
      waiting.push(e.stageId);
    } else if (e.kind === "release") {
      released.add(e.stageId);
      const host = input.hostOf(e.stageId);
      maybeRelease(e.stageId);
      if (host !== undefined) {
        hostedLeft.set(host, hostedLeft.get(host)! - 1);
        maybeRelease(host);
      }
    } else {
      for (const i of dag.outgoing.get(e.stageId)!) {
        const v = dag.edges[i]!.to;
        writtenBy.set(v, Math.max(writtenBy.get(v) ?? 0, now + (input.firstWriteMs ?? input.writeMs)[i]!));
        const left = inputsLeft.get(v)! - 1;
        inputsLeft.set(v, left);
        if (left === 0) push({ timeMs: writtenBy.get(v)!, kind: "ready", stageId: v });
      }
    }
    // grant only once every event at this instant is in: frees first, then arrivals in order
    if (events.size === 0 || events.peek()!.timeMs > now) tryGrant(now);
  }
  let makespanMs = 0;
  for (const f of finishMs.values()) makespanMs = Math.max(makespanMs, f);
  return { startMs, finishMs, queuedMs, peakVms, makespanMs, overdrawn };
}

const ORDER = { finish: 0, release: 1, ready: 2 } as const;

function before(a: Event, b: Event): boolean {
  if (a.timeMs !== b.timeMs) return a.timeMs < b.timeMs;
  // at one instant, finishes, then releases (which free VMs), then arrivals
  if (a.kind !== b.kind) return ORDER[a.kind] < ORDER[b.kind];
  return a.seq < b.seq;
}
