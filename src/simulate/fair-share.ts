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
 * A resource may be a token bucket (physics/token-bucket.ts: a VM NIC's "up to" bandwidth): its
 * capacity is the burst rate while it has credit and the baseline once drained; its credit drains
 * by (load − baseline) and refills by (baseline − load), and the moment it runs out (or has
 * recharged) is an event like a flow's completion.
 *
 * Pre: time only moves forward (`advanceTo`). Post: a flow's bytes are delivered exactly; no
 * resource carries more than its capacity; per-resource statistics (bytes, busy time, peak
 * utilisation) integrate the loads over time.
 */
import { bucketRate, creditAfter, msUntilDrained, rechargeThresholdBytes, type TokenBucket } from "../physics/token-bucket.js";
import { sluiceError } from "../errors.js";
import { waterFill, type Flow, type Resource } from "./water-fill.js";

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

  /** Declares a resource (a token bucket when `bucket` is given, starting full); re-declaring keeps the first. */
  addResource(id: string, capacityBytesPerSecond: number, bucket?: TokenBucket): void {
    if (!this.resources.has(id)) {
      const r: Resource = { id, capacity: capacityBytesPerSecond, bytes: 0, busyMs: 0, peak: 0, load: 0, remaining: 0, weight: 0, version: 0, inUse: false, members: [] };
      if (bucket !== undefined && bucket.burstBytesPerSecond > bucket.baselineBytesPerSecond) {
        r.bucket = { spec: bucket, creditBytes: bucket.burstBytes, drained: false, lastMs: this.nowMs };
        r.capacity = bucketRate(bucket, bucket.burstBytes, false);
      }
      this.resources.set(id, r);
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
      if (r === undefined) throw sluiceError("internal.simulationStalled", { params: { detail: `unknown resource ${id}` } });
      const w = req.weights?.[k] ?? 1;
      if (w > 0) {
        if (r.bucket !== undefined && r.load === 0) this.settleBucket(r);
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
    for (const r of this.active) if (r.bucket !== undefined) this.settleBucket(r);
  }

  /** Brings a bucket's credit up to now at its current load and flips its rate if it ran out or recharged. */
  private settleBucket(r: Resource): void {
    const b = r.bucket!;
    b.creditBytes = creditAfter(b.spec, b.creditBytes, r.load, this.nowMs - b.lastMs);
    b.lastMs = this.nowMs;
    const drained = b.drained ? b.creditBytes < rechargeThresholdBytes(b.spec) : b.creditBytes <= 1;
    if (drained !== b.drained) {
      b.drained = drained;
      r.capacity = bucketRate(b.spec, b.creditBytes, drained);
      this.dirty = true;
    }
  }

  /** When the next flow finishes (or a bucket runs out of credit or recharges) at the current rates; Infinity if none. */
  nextCompletionMs(): number {
    if (this.dirty) this.recompute();
    let t = Infinity;
    for (const f of this.flows) if (f.finishAtMs < t) t = f.finishAtMs;
    for (const r of this.active) {
      const b = r.bucket;
      if (b === undefined) continue;
      if (!b.drained) t = Math.min(t, this.nowMs + msUntilDrained(b.spec, b.creditBytes, r.load));
      else if (r.load < b.spec.baselineBytesPerSecond) t = Math.min(t, this.nowMs + ((rechargeThresholdBytes(b.spec) - b.creditBytes) / (b.spec.baselineBytesPerSecond - r.load)) * 1000);
    }
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

  /** Max-min fair rates by water-filling (water-fill.ts). */
  private recompute(): void {
    this.dirty = false;
    this.recomputes++;
    this.active = waterFill(this.flows, this.active, this.nowMs);
  }
}
