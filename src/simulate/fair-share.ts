/**
 * Fair-share bandwidth: every flow crosses a set of resources (a VM NIC each way, a VM's local
 * storage, the cache tier's aggregate bandwidth) and may carry its own cap (a per-connection
 * limit). Rates are the max-min fair allocation, recomputed whenever the set of flows changes —
 * processor sharing on every resource at once.
 *
 * A flow may use a resource with a weight w ≤ 1: at rate x it loads that resource with w · x.
 * That is how one receiver pulling its pieces from several VMs at once is one flow (weight = the
 * share of its bytes each sender VM holds; its pieces progress together, the busiest sender sets
 * the pace), which keeps an all-to-all exchange at n flows instead of n².
 *
 * Pre: time only moves forward (`advanceTo`). Post: a flow's bytes are delivered exactly; no
 * resource carries more than its capacity; per-resource statistics (bytes, busy time, peak
 * utilisation) integrate the loads over time.
 */

export interface ResourceStats {
  readonly id: string;
  readonly capacityBytesPerSecond: number;
  /** Bytes carried. */
  readonly bytes: number;
  /** Time during which at least one flow crossed the resource. */
  readonly busyMs: number;
  /** Highest instantaneous load / capacity. */
  readonly peakUtilisation: number;
}

interface Resource {
  readonly id: string;
  readonly capacity: number;
  bytes: number;
  busyMs: number;
  peak: number;
  load: number;
  /** Scratch for water-filling: bandwidth left, total weight of unfrozen flows, entry version. */
  remaining: number;
  weight: number;
  version: number;
  inUse: boolean;
  members: Flow[];
}

interface Flow {
  readonly id: number;
  readonly bytes: number;
  readonly cap: number;
  readonly resources: readonly Resource[];
  readonly weights: readonly number[];
  readonly onDone: () => void;
  remaining: number;
  rate: number;
  finishAtMs: number;
  frozen: boolean;
}

export interface FlowRequest {
  readonly bytes: number;
  /** Bytes/s this flow may not exceed on its own (Infinity: none). */
  readonly capBytesPerSecond: number;
  readonly resourceIds: readonly string[];
  /** Per resource, the share of the flow's rate it carries (default 1 each). */
  readonly weights?: readonly number[];
  readonly onDone: () => void;
}

export class FairShareNetwork {
  private readonly resources = new Map<string, Resource>();
  private flows: Flow[] = [];
  private nextId = 0;
  private dirty = false;
  private nowMs = 0;
  /** Resources carrying flows since the last recompute. */
  private active: Resource[] = [];
  recomputes = 0;

  /** Declares a resource; re-declaring keeps the first capacity. */
  addResource(id: string, capacityBytesPerSecond: number): void {
    if (!this.resources.has(id)) {
      this.resources.set(id, { id, capacity: capacityBytesPerSecond, bytes: 0, busyMs: 0, peak: 0, load: 0, remaining: 0, weight: 0, version: 0, inUse: false, members: [] });
    }
  }

  get activeFlows(): number {
    return this.flows.length;
  }

  /** Starts a flow now. A flow with no bytes, or with neither cap nor resource, is "instant": the caller finishes it. */
  start(req: FlowRequest): "started" | "instant" {
    const resources: Resource[] = [];
    const weights: number[] = [];
    req.resourceIds.forEach((id, k) => {
      const r = this.resources.get(id);
      if (r === undefined) throw new Error(`unknown resource ${id}`);
      const w = req.weights?.[k] ?? 1;
      if (w > 0) {
        resources.push(r);
        weights.push(w);
      }
    });
    if (!(req.bytes > 0) || (resources.length === 0 && !Number.isFinite(req.capBytesPerSecond))) return "instant";
    this.flows.push({ id: this.nextId++, bytes: req.bytes, cap: req.capBytesPerSecond, resources, weights, onDone: req.onDone, remaining: req.bytes, rate: 0, finishAtMs: Infinity, frozen: false });
    this.dirty = true;
    return "started";
  }

  /** Moves the clock, draining every flow at its current rate. */
  advanceTo(timeMs: number): void {
    const dt = timeMs - this.nowMs;
    if (dt <= 0) return;
    if (this.dirty) this.recompute();
    for (const f of this.flows) f.remaining = Math.max(0, f.remaining - (f.rate * dt) / 1000);
    for (const r of this.active) {
      if (r.load > 0) {
        r.busyMs += dt;
        r.bytes += (r.load * dt) / 1000;
      }
    }
    this.nowMs = timeMs;
  }

  /** When the next flow finishes at the current rates; Infinity if none. */
  nextCompletionMs(): number {
    if (this.dirty) this.recompute();
    let t = Infinity;
    for (const f of this.flows) if (f.finishAtMs < t) t = f.finishAtMs;
    return t;
  }

  /** Removes the flows finishing by `timeMs` (after advanceTo(timeMs)), in start order, and returns their callbacks. */
  takeCompleted(timeMs: number): (() => void)[] {
    const done: (() => void)[] = [];
    const keep: Flow[] = [];
    const slack = Math.max(1e-9, Math.abs(timeMs) * 1e-12);
    for (const f of this.flows) {
      if (f.finishAtMs <= timeMs + slack || f.remaining <= f.bytes * 1e-12) done.push(f.onDone);
      else keep.push(f);
    }
    if (done.length > 0) {
      this.flows = keep;
      this.dirty = true;
    }
    return done;
  }

  /** Current rates (bytes/s) of the active flows, in start order. */
  rates(): number[] {
    if (this.dirty) this.recompute();
    return this.flows.map((f) => f.rate);
  }

  stats(): ResourceStats[] {
    return [...this.resources.values()].map((r) => ({ id: r.id, capacityBytesPerSecond: r.capacity, bytes: r.bytes, busyMs: r.busyMs, peakUtilisation: r.peak }));
  }

  /**
   * Max-min fair rates by water-filling over a heap: the resource (or flow cap) with the lowest
   * fair level (bandwidth left / weight of the flows still growing) saturates first; its flows
   * freeze at that level, and the other resources they cross lose their share and their weight —
   * which can only raise those resources' levels, so levels pop in order.
   * O(F · k · log R) for F flows crossing k resources each.
   */
  private recompute(): void {
    this.dirty = false;
    this.recomputes++;
    for (const r of this.active) {
      r.load = 0;
      r.inUse = false;
    }
    const used: Resource[] = [];
    for (const f of this.flows) {
      f.rate = 0;
      f.frozen = false;
      f.resources.forEach((r, k) => {
        if (!r.inUse) {
          r.inUse = true;
          r.remaining = r.capacity;
          r.weight = 0;
          r.members = [];
          used.push(r);
        }
        r.weight += f.weights[k]!;
        r.members.push(f);
      });
    }
    const heap = new LevelHeap();
    for (const r of used) heap.push(r.remaining / r.weight, r, undefined);
    for (const f of this.flows) if (Number.isFinite(f.cap)) heap.push(f.cap, undefined, f);
    let unfrozen = this.flows.length;
    const touched: Resource[] = [];
    const freeze = (f: Flow, level: number): void => {
      f.frozen = true;
      f.rate = level;
      unfrozen--;
      f.resources.forEach((r, k) => {
        const w = f.weights[k]!;
        r.remaining -= level * w;
        r.weight -= w;
        if (r.version >= 0) {
          r.version = -r.version - 1;
          touched.push(r);
        }
      });
    };
    // Re-queues the resources a batch of freezes touched, once each, at their new level.
    const requeue = (): void => {
      for (const r of touched) {
        r.version = -r.version - 1 + 1;
        if (r.weight > 1e-12) heap.push(Math.max(0, r.remaining) / r.weight, r, undefined);
      }
      touched.length = 0;
    };
    while (unfrozen > 0) {
      const top = heap.pop();
      if (top === undefined) throw new Error("a flow has neither a cap nor a resource");
      if (top.flow !== undefined) {
        if (!top.flow.frozen) freeze(top.flow, top.level);
      } else {
        const r = top.resource!;
        if (top.version !== r.version) continue;
        for (const f of r.members) if (!f.frozen) freeze(f, top.level);
      }
      requeue();
    }
    for (const f of this.flows) {
      f.resources.forEach((r, k) => {
        r.load += f.rate * f.weights[k]!;
      });
      f.finishAtMs = f.rate > 0 ? this.nowMs + (f.remaining / f.rate) * 1000 : Infinity;
    }
    for (const r of used) {
      r.peak = Math.max(r.peak, r.load / r.capacity);
      r.members = [];
    }
    this.active = used;
  }
}

interface HeapEntry {
  readonly level: number;
  readonly seq: number;
  readonly resource: Resource | undefined;
  readonly flow: Flow | undefined;
  readonly version: number;
}

/** Min-heap of fair levels; ties by push order. */
class LevelHeap {
  private readonly items: HeapEntry[] = [];
  private seq = 0;

  push(level: number, resource: Resource | undefined, flow: Flow | undefined): void {
    const items = this.items;
    items.push({ level, seq: this.seq++, resource, flow, version: resource?.version ?? 0 });
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(items[i]!, items[p]!)) break;
      [items[i], items[p]] = [items[p]!, items[i]!];
      i = p;
    }
  }

  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < items.length && less(items[l]!, items[m]!)) m = l;
      if (r < items.length && less(items[r]!, items[m]!)) m = r;
      if (m === i) break;
      [items[i], items[m]] = [items[m]!, items[i]!];
      i = m;
    }
    return top;
  }
}

function less(a: HeapEntry, b: HeapEntry): boolean {
  return a.level < b.level || (a.level === b.level && a.seq < b.seq);
}
