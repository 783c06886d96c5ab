/**
 * The fair-share network's clock and its three queues of things that fall due (fair-share.ts):
 * plain flows by finish time, token buckets by their next drain or recharge (or, inside a level
 * group, their next check: level-group-buckets.ts), and level groups by their first member's
 * finish. It is the host a level group moves its flows and resources between these queues with
 * (level-group-members.ts). Ties break by id or declaration order, so a run is deterministic.
 */
import { sluiceError } from "../../errors.js";
import { IndexedHeap } from "../../util/indexed-heap.js";
import type { Flow, LevelGroup, Resource } from "./flow-network.js";
import type { GroupHost } from "./level-group-members.js";
import { nextBucketEventMs } from "./network-resource.js";

const finishesFirst = (a: Flow, b: Flow): boolean => a.finishAtMs < b.finishAtMs || (a.finishAtMs === b.finishAtMs && a.id < b.id);
const fallsDueFirst = (a: Resource, b: Resource): boolean => a.eventMs < b.eventMs || (a.eventMs === b.eventMs && a.index < b.index);
const groupFirst = (a: LevelGroup, b: LevelGroup): boolean => a.finishAtMs < b.finishAtMs || (a.finishAtMs === b.finishAtMs && a.resource.index < b.resource.index);

export class NetworkQueues implements GroupHost {
  nowMs = 0;
  readonly completions = new IndexedHeap<Flow>(finishesFirst);
  readonly bucketEvents = new IndexedHeap<Resource>(fallsDueFirst);
  readonly groups = new IndexedHeap<LevelGroup>(groupFirst);
  /** Inside level groups: token buckets settled as their load passed the baseline, and drain checks run. */
  readonly bucketCounts = { crossings: 0, checks: 0 };

  /** When the next flow, bucket or group falls due; Infinity if none. */
  nextDueMs(): number {
    return Math.min(this.completions.peek()?.finishAtMs ?? Infinity, this.bucketEvents.peek()?.eventMs ?? Infinity, this.groups.peek()?.finishAtMs ?? Infinity);
  }

  queueFlow(f: Flow): void {
    if (Number.isFinite(f.finishAtMs)) this.completions.update(f);
    else this.completions.remove(f);
  }

  unqueueFlow(f: Flow): void {
    this.completions.remove(f);
  }

  /** Queues a plain bucket's next drain or recharge at its current load (none while no flow crosses it). */
  queueBucketEvent(r: Resource): void {
    if (r.bucket === undefined) return;
    // never at or before now: a credit a rounding error above empty must not stall the clock
    r.eventMs = r.flows.size === 0 ? Infinity : Math.max(nextBucketEventMs(r, this.nowMs), this.nowMs + 1e-6);
    // Past ~9e9 ms a microsecond is lost in the double: the event would fall due now, again and again.
    if (r.eventMs <= this.nowMs) throw sluiceError("simulate.clockResolution", { actual: `an event due at ${this.nowMs} ms, now`, params: { nowMs: this.nowMs } });
    this.queueCheck(r);
  }

  /** Queues a resource at its `eventMs` as it stands. */
  queueCheck(r: Resource): void {
    if (Number.isFinite(r.eventMs)) this.bucketEvents.update(r);
    else this.bucketEvents.remove(r);
  }

  unqueueBucketEvent(r: Resource): void {
    r.eventMs = Infinity;
    this.bucketEvents.remove(r);
  }

  queueGroup(g: LevelGroup): void {
    if (Number.isFinite(g.finishAtMs)) this.groups.update(g);
    else this.groups.remove(g);
  }

  unqueueGroup(g: LevelGroup): void {
    this.groups.remove(g);
  }
}
