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
 * (level-group.ts), where a start or end costs a log while no other flow's rate can move; a
 * group keeps its token buckets' credit exact and watches their drain (level-group-buckets.ts).
 * The queues: network-queues.ts; the re-solve: resolve-changes.ts; finishes: take-completed.ts.
 *
 * Pre: time only moves forward (`advanceTo`). Post: a flow's bytes are delivered exactly; no
 * resource carries more than its capacity; per-resource statistics (bytes, busy time, peak
 * utilisation) integrate the loads over time.
 */
import type { TokenBucket } from "../../physics/token-bucket.js";
import { checkBucket } from "./level-group-buckets.js";
import { joinGroup } from "./level-group-entry.js";
import { dissolve } from "./level-group-members.js";
import { NetworkQueues } from "./network-queues.js";
import { makeFlow, type FlowRequest } from "./flow-request.js";
import { makeResource, settleResource } from "./network-resource.js";
import { resolveChanges, type ResolveScratch } from "./resolve-changes.js";
import { resourceStats, type ResourceStats } from "./resource-stats.js";
import { takeCompletedFlows } from "./take-completed.js";
import type { Flow, Resource } from "./flow-network.js";

export type { ResourceStats } from "./resource-stats.js";
export type { FlowRequest } from "./flow-request.js";

export interface FairShareOptions {
  /** Fewest flows held at one saturated resource for them to run as a level group (level-group.ts); Infinity: never. */
  readonly groupMinFlows?: number;
}

export class FairShareNetwork {
  private readonly resources = new Map<string, Resource>();
  /** Active flows by id (start order). */
  private readonly flows = new Map<number, Flow>();
  /** The clock, and flows, buckets and groups by when each falls due. */
  private readonly q = new NetworkQueues();
  private readonly groupMinFlows: number;
  private nextId = 0;
  private readonly scratch: ResolveScratch = { stamp: 0 };
  /** Resources whose flows or capacity changed since the last recompute, and flows started since. */
  private readonly changed = new Set<Resource>();
  private started: Flow[] = [];
  recomputes = 0;
  /** Level groups formed (flows held at one saturated resource, run on one virtual clock). */
  groupsFormed = 0;
  /** Inside level groups: token buckets settled as their load passed the baseline, and drain checks run (level-group-buckets.ts). */
  readonly bucketCounts = this.q.bucketCounts;

  constructor(options: FairShareOptions = {}) {
    this.groupMinFlows = options.groupMinFlows ?? 8;
  }

  /** Declares a resource (a token bucket when `bucket` is given, starting full); re-declaring keeps the first. */
  addResource(id: string, capacityBytesPerSecond: number, bucket?: TokenBucket): void {
    if (!this.resources.has(id)) this.resources.set(id, makeResource(id, this.resources.size, capacityBytesPerSecond, bucket, this.q.nowMs));
  }

  get activeFlows(): number {
    return this.flows.size;
  }

  /** Starts a flow now; "instant" (the caller finishes it): no bytes, or neither cap nor resource. */
  start(req: FlowRequest): "started" | "instant" {
    const f = makeFlow(req, this.nextId, this.resources, this.q.nowMs);
    if (f === "instant") return "instant";
    this.nextId++;
    this.flows.set(f.id, f);
    // a flow onto a level group's resource joins it in O(log n) when that moves no other flow (level-group-rules.ts)
    if (!this.isDirty() && joinGroup(this.q, f)) {
      for (const r of f.resources) r.flows.add(f);
      return "started";
    }
    // Its resources are met through the flow itself (`started`): one already saturated is expanded
    // there, one it saturates is widened — an unsaturated one moves nobody else (flow-component.ts).
    for (const r of f.resources) r.flows.add(f);
    this.started.push(f);
    return "started";
  }

  /** Moves the clock; a bucket whose drain or recharge falls due by then flips its rate (inside a level group: is checked). */
  advanceTo(timeMs: number): void {
    if (this.isDirty()) this.recompute();
    const q = this.q;
    if (timeMs > q.nowMs) q.nowMs = timeMs;
    for (;;) {
      const r = q.bucketEvents.peek();
      if (r === undefined || r.eventMs > q.nowMs) break;
      q.bucketEvents.pop();
      // a group's bucket near empty: the group dissolves at its (still fair) rates, and the bucket's drain becomes a plain event
      if (r.group !== undefined) {
        if (!checkBucket(q, r.group, r)) dissolve(q, r.group);
      } else if (settleResource(r, q.nowMs)) this.changed.add(r);
      else q.queueBucketEvent(r);
    }
  }

  /** When the next flow finishes (or a bucket runs out of credit or recharges) at the current rates; Infinity if none. */
  nextCompletionMs(): number {
    if (this.isDirty()) this.recompute();
    return this.q.nextDueMs();
  }

  /** Removes the flows finishing by `timeMs` (after advanceTo(timeMs)), in start order, and returns their callbacks. */
  takeCompleted(timeMs: number): (() => void)[] {
    const done = takeCompletedFlows(this.q, timeMs, this.changed);
    for (const f of done) this.flows.delete(f.id);
    return done.map((f) => f.onDone);
  }

  /** Current rates (bytes/s) of the active flows, in start order. */
  rates(): number[] {
    if (this.isDirty()) this.recompute();
    return [...this.flows.values()].map((f) => (f.group === undefined ? f.rate : f.group.level));
  }

  stats(): ResourceStats[] {
    return resourceStats(this.resources.values(), this.q.nowMs);
  }

  private isDirty(): boolean {
    return this.changed.size > 0 || this.started.length > 0;
  }

  /** Max-min fair rates for the flows a change can move, committed at now (resolve-changes.ts). */
  private recompute(): void {
    this.recomputes++;
    const started = this.started;
    this.started = [];
    this.groupsFormed += resolveChanges(this.q, this.changed, started, this.scratch, this.groupMinFlows);
  }
}
