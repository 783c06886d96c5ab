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
 * Cost per change: only the flows a change can move are recomputed (flow-component.ts); flows
 * and resources are brought up to date lazily (bytes left, statistics and credit at their last
 * change, moving linearly since), and completions and bucket events wait in a heap — so an event
 * costs the size of its component and a log, not the number of flows in the run. The flows held
 * at one saturated resource (the cache tier's aggregate, which every cache read crosses) would
 * make that component every flow on it; they run as a level group in virtual time instead
 * (level-group.ts), where a start or end costs a log while no other flow's rate can move.
 *
 * Pre: time only moves forward (`advanceTo`). Post: a flow's bytes are delivered exactly; no
 * resource carries more than its capacity; per-resource statistics (bytes, busy time, peak
 * utilisation) integrate the loads over time.
 */
import { sluiceError } from "../errors.js";
import type { TokenBucket } from "../physics/token-bucket.js";
import { IndexedHeap } from "../util/indexed-heap.js";
import { collectComponent } from "./flow-component.js";
import { advanceGroup, refreshFinish, settleGrouped, type LevelGroup } from "./level-group.js";
import { dissolve, dueMembers, formGroup, joinGroup, rebase, showLoad, type GroupHost } from "./level-group-rules.js";
import { makeResource, nextBucketEventMs, settleResource } from "./network-resource.js";
import { releaseFlow } from "./release-flow.js";
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

const finishesFirst = (a: Flow, b: Flow): boolean => a.finishAtMs < b.finishAtMs || (a.finishAtMs === b.finishAtMs && a.id < b.id);
const fallsDueFirst = (a: Resource, b: Resource): boolean => a.eventMs < b.eventMs || (a.eventMs === b.eventMs && a.index < b.index);
const groupFirst = (a: LevelGroup, b: LevelGroup): boolean => a.finishAtMs < b.finishAtMs || (a.finishAtMs === b.finishAtMs && a.resource.index < b.resource.index);

export interface FairShareOptions {
  /** Fewest flows held at one saturated resource for them to run as a level group (level-group.ts); Infinity: never. */
  readonly groupMinFlows?: number;
}

export class FairShareNetwork {
  private readonly resources = new Map<string, Resource>();
  /** Active flows by id (start order). */
  private readonly flows = new Map<number, Flow>();
  /** Flows by finish time, token buckets by their next drain or recharge. */
  private readonly completions = new IndexedHeap<Flow>(finishesFirst);
  private readonly bucketEvents = new IndexedHeap<Resource>(fallsDueFirst);
  /** Level groups by their first member's finish. */
  private readonly groups = new IndexedHeap<LevelGroup>(groupFirst);
  private readonly groupMinFlows: number;
  private readonly host: GroupHost;
  private nextId = 0;
  private stamp = 0;
  private nowMs = 0;
  /** Resources whose flows or capacity changed since the last recompute, and flows started since. */
  private readonly changed = new Set<Resource>();
  private started: Flow[] = [];
  recomputes = 0;
  /** Level groups formed (flows held at one saturated resource, run on one virtual clock). */
  groupsFormed = 0;

  constructor(options: FairShareOptions = {}) {
    this.groupMinFlows = options.groupMinFlows ?? 8;
    const net = this;
    this.host = {
      get nowMs() {
        return net.nowMs;
      },
      queueFlow: (f) => this.completions.update(f),
      unqueueFlow: (f) => this.completions.remove(f),
      queueBucketEvent: (r) => {
        if (r.bucket !== undefined) this.queueBucketEvent(r);
      },
      unqueueBucketEvent: (r) => {
        r.eventMs = Infinity;
        this.bucketEvents.remove(r);
      },
      queueGroup: (g) => (Number.isFinite(g.finishAtMs) ? this.groups.update(g) : this.groups.remove(g)),
      unqueueGroup: (g) => this.groups.remove(g),
    };
  }

  /** Declares a resource (a token bucket when `bucket` is given, starting full); re-declaring keeps the first. */
  addResource(id: string, capacityBytesPerSecond: number, bucket?: TokenBucket): void {
    if (!this.resources.has(id)) this.resources.set(id, makeResource(id, this.resources.size, capacityBytesPerSecond, bucket, this.nowMs));
  }

  get activeFlows(): number {
    return this.flows.size;
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
        resources.push(r);
        weights.push(w);
      }
    });
    if (!(req.bytes > 0) || (resources.length === 0 && !Number.isFinite(req.capBytesPerSecond))) return "instant";
    const f: Flow = { id: this.nextId++, bytes: req.bytes, cap: req.capBytesPerSecond, resources, weights, onDone: req.onDone, remaining: req.bytes, lastMs: this.nowMs, rate: 0, finishAtMs: Infinity, heapIndex: -1, bottleneck: undefined, group: undefined, tag: 0, next: 0, frozen: false, stamp: 0 };
    this.flows.set(f.id, f);
    // a flow onto a level group's resource joins it in O(log n) when that moves no other flow (level-group-rules.ts)
    if (!this.isDirty() && joinGroup(this.host, f)) {
      for (const r of resources) r.flows.add(f);
      return "started";
    }
    // Its resources are met through the flow itself (`started`): one already saturated is expanded
    // there, one it saturates is widened — an unsaturated one moves nobody else (flow-component.ts).
    for (const r of resources) r.flows.add(f);
    this.started.push(f);
    return "started";
  }

  /** Moves the clock; a bucket whose drain or recharge falls due by then flips its rate. */
  advanceTo(timeMs: number): void {
    if (this.isDirty()) this.recompute();
    if (timeMs > this.nowMs) this.nowMs = timeMs;
    for (;;) {
      const r = this.bucketEvents.peek();
      if (r === undefined || r.eventMs > this.nowMs) break;
      this.bucketEvents.pop();
      if (settleResource(r, this.nowMs)) this.changed.add(r);
      else this.queueBucketEvent(r);
    }
  }

  /** When the next flow finishes (or a bucket runs out of credit or recharges) at the current rates; Infinity if none. */
  nextCompletionMs(): number {
    if (this.isDirty()) this.recompute();
    return Math.min(this.completions.peek()?.finishAtMs ?? Infinity, this.bucketEvents.peek()?.eventMs ?? Infinity, this.groups.peek()?.finishAtMs ?? Infinity);
  }

  /** Removes the flows finishing by `timeMs` (after advanceTo(timeMs)), in start order, and returns their callbacks. */
  takeCompleted(timeMs: number): (() => void)[] {
    const slack = Math.max(1e-9, Math.abs(timeMs) * 1e-12);
    const done: Flow[] = [];
    for (;;) {
      const f = this.completions.peek();
      if (f === undefined) break;
      const left = f.remaining - (f.rate * (timeMs - f.lastMs)) / 1000;
      if (!(f.finishAtMs <= timeMs + slack || left <= f.bytes * 1e-12)) break;
      this.completions.pop();
      done.push(f);
    }
    for (;;) {
      const g = this.groups.peek();
      if (g === undefined || !(g.finishAtMs <= timeMs + slack)) break;
      // the first member's finish passes the same test, so at least one is due
      const due = dueMembers(g, timeMs, slack);
      if (due.length === 0) break;
      for (const f of due) {
        f.rate = g.level;
        done.push(f);
      }
      refreshFinish(g);
      this.host.queueGroup(g);
    }
    done.sort((a, b) => a.id - b.id);
    for (const f of done) {
      this.flows.delete(f.id);
      releaseFlow(this.host, f, this.changed);
    }
    return done.map((f) => f.onDone);
  }

  /** Current rates (bytes/s) of the active flows, in start order. */
  rates(): number[] {
    if (this.isDirty()) this.recompute();
    return [...this.flows.values()].map((f) => (f.group === undefined ? f.rate : f.group.level));
  }

  stats(): ResourceStats[] {
    for (const r of this.resources.values()) {
      if (r.group === undefined) continue;
      advanceGroup(r.group, this.nowMs);
      settleGrouped(r, r.group, this.nowMs);
    }
    return [...this.resources.values()].map((r) => {
      if (r.group !== undefined) return { id: r.id, capacityBytesPerSecond: r.capacity, bytes: r.bytes, busyMs: r.busyMs, peakUtilisation: r.peak };
      const dt = this.nowMs - r.statsMs;
      const busyMs = r.busyMs + (r.load > 0 ? dt : 0);
      return { id: r.id, capacityBytesPerSecond: r.capacity, bytes: r.bytes + (r.load * dt) / 1000, busyMs, peakUtilisation: r.peak };
    });
  }

  private isDirty(): boolean {
    return this.changed.size > 0 || this.started.length > 0;
  }

  /** Max-min fair rates for the flows a change can move (flow-component.ts, water-fill.ts), committed at now. */
  private recompute(): void {
    this.recomputes++;
    const now = this.nowMs;
    const expand = new Set(this.changed);
    const lone = this.started;
    this.changed.clear();
    this.started = [];
    for (;;) {
      // A level group's own resource met here turns the group back into plain flows (the solve
      // needs their rates), as does an attached resource the solve must expand; one it only
      // bounds shows its true load and takes the group back after the commit (rebase).
      const shown: Resource[] = [];
      const c = collectComponent(expand, lone, ++this.stamp, (r) => {
        const g = r.group;
        if (g !== undefined && (r === g.resource || expand.has(r))) dissolve(this.host, g);
        else if (g !== undefined) {
          showLoad(r, g, now);
          shown.push(r);
          return false;
        }
        return settleResource(r, now);
      });
      for (const r of c.resources) r.next = r.outside; // a resource no flow crosses any more carries nothing
      waterFill(c.flows, ++this.stamp);
      const widen = c.boundary.filter((r) => r.next >= r.capacity * (1 - 1e-6));
      if (widen.length > 0) {
        for (const r of widen) expand.add(r);
        continue;
      }
      for (const r of c.resources) {
        r.load = r.next;
        r.peak = Math.max(r.peak, r.load / r.capacity);
      }
      for (const f of c.flows) this.commitFlow(f, now);
      for (const r of c.resources) if (r.bucket !== undefined && r.group === undefined) this.queueBucketEvent(r);
      rebase(this.host, shown);
      for (const r of c.resources) if (formGroup(this.host, r, this.groupMinFlows)) this.groupsFormed++;
      return;
    }
  }

  private commitFlow(f: Flow, now: number): void {
    f.remaining = Math.max(0, f.remaining - (f.rate * (now - f.lastMs)) / 1000);
    f.lastMs = now;
    f.rate = f.next;
    f.finishAtMs = f.rate > 0 ? now + (f.remaining / f.rate) * 1000 : Infinity;
    if (Number.isFinite(f.finishAtMs)) this.completions.update(f);
    else this.completions.remove(f);
  }

  /** Queues a bucket's next drain or recharge at its current load (none while no flow crosses it). */
  private queueBucketEvent(r: Resource): void {
    // never at or before now: a credit a rounding error above empty must not stall the clock
    r.eventMs = r.flows.size === 0 ? Infinity : Math.max(nextBucketEventMs(r, this.nowMs), this.nowMs + 1e-6);
    if (Number.isFinite(r.eventMs)) this.bucketEvents.update(r);
    else this.bucketEvents.remove(r);
  }
}

