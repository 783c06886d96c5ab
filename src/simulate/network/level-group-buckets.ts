/**
 * Token-bucket NICs inside a level group (level-group.ts). An attached bucket carries
 * base + gw · L, so between two changes of base, gw or the level L its credit moves linearly: it
 * refills while that load is at or below the baseline ("rising") and drains above it ("falling").
 * Two things keep the lazily integrated credit exact without touching every bucket at every level
 * change:
 * - regime: each bucket waits in the group's rising heap (by θ = (baseline − base) / gw, the level
 *   at which its load passes the baseline; lowest first) or its falling heap (highest first). A
 *   level change settles only the buckets whose θ it crosses, so between two settles a credit moves
 *   one way — and a refilling credit's cap at the bucket's size is applied exactly;
 * - drain: while the group lasts a falling bucket carries at most min(capacity, base + gw · limit),
 *   so its credit cannot run out before (credit − 1) / (that − baseline). A check is queued NEAR_MS
 *   before then, like a flow's end: it settles the credit and queues the next check — or, once the
 *   credit is within 2 · NEAR_MS of running out, the group dissolves (the rates it held stay the
 *   fair allocation) and the bucket's exact drain becomes a plain event (fair-share.ts).
 * A group takes a bucket only if it is not drained and ≥ 4 · NEAR_MS from draining at its burst
 * rate, so its capacity (the burst rate) never changes inside a group.
 */
import { IndexedHeap } from "../../util/indexed-heap.js";
import { creditAfter } from "../../physics/token-bucket.js";
import type { BucketWatch, LevelGroup, Resource } from "./flow-network.js";
import { advanceGroup, settleGrouped } from "./level-group.js";

/** How long before a bucket could run out of credit its group checks it (ms). */
export const NEAR_MS = 10;

/** What the group needs of the network to queue a bucket's check (in the network's bucket-event queue, at `r.eventMs`). */
export interface BucketCheckQueue {
  readonly nowMs: number;
  /** Buckets settled because their load passed the baseline inside a group, and checks run. */
  readonly bucketCounts: { crossings: number; checks: number };
  queueCheck(r: Resource): void;
  unqueueBucketEvent(r: Resource): void;
}

/** Whether a group may take `r` now: not a bucket, or a bucket neither drained nor within 4 · NEAR_MS of draining at its burst rate. */
export function admitsBucket(r: Resource, nowMs: number): boolean {
  const b = r.bucket;
  if (b === undefined) return true;
  if (b.drained) return false;
  const credit = r.group === undefined ? creditAfter(b.spec, b.creditBytes, r.load, nowMs - b.lastMs) : b.creditBytes;
  return ((credit - 1) / (r.capacity - b.spec.baselineBytesPerSecond)) * 1000 >= 4 * NEAR_MS;
}

/** Ms until a falling bucket's credit could run out at the most its group lets it carry. */
function horizonMs(g: LevelGroup, r: Resource): number {
  const b = r.bucket!;
  const most = Math.min(r.capacity, r.gw > 0 ? r.base + r.gw * g.limit : r.base);
  const drain = most - b.spec.baselineBytesPerSecond;
  return drain > 0 ? ((b.creditBytes - 1) / drain) * 1000 : Infinity;
}

/** Files a bucket of `g` (settled to now, base and gw current) by its regime at the current level, and queues its check if it drains. */
export function watchBucket(q: BucketCheckQueue, g: LevelGroup, r: Resource): void {
  const b = r.bucket;
  if (b === undefined) return;
  const w = b.watch;
  const headroom = b.spec.baselineBytesPerSecond - r.base;
  w.theta = r.gw > 0 ? headroom / r.gw : headroom >= 0 ? Infinity : -Infinity;
  const falling = g.level > w.theta;
  (falling ? g.rising : g.falling).remove(w);
  (falling ? g.falling : g.rising).update(w);
  if (!falling) {
    r.eventMs = Infinity;
    q.unqueueBucketEvent(r);
    return;
  }
  const h = horizonMs(g, r);
  r.eventMs = h < 2 * NEAR_MS ? q.nowMs : q.nowMs + h - NEAR_MS;
  q.queueCheck(r);
}

export function unwatchBucket(g: LevelGroup, r: Resource): void {
  const w = r.bucket?.watch;
  if (w === undefined) return;
  g.rising.remove(w);
  g.falling.remove(w);
}

/** After the level changed (V advanced to now): settles and re-files the buckets whose load passed their baseline. */
export function crossBaselines(q: BucketCheckQueue, g: LevelGroup): void {
  for (let w = g.rising.peek(); w !== undefined && g.level > w.theta; w = g.rising.peek()) {
    q.bucketCounts.crossings++;
    settleGrouped(w.resource, g, q.nowMs);
    watchBucket(q, g, w.resource);
  }
  for (let w = g.falling.peek(); w !== undefined && !(g.level > w.theta); w = g.falling.peek()) {
    q.bucketCounts.crossings++;
    settleGrouped(w.resource, g, q.nowMs);
    watchBucket(q, g, w.resource);
  }
}

/** A falling bucket's check fell due: its credit settled, and the next check queued; false if it is near empty (the caller dissolves the group). */
export function checkBucket(q: BucketCheckQueue, g: LevelGroup, r: Resource): boolean {
  q.bucketCounts.checks++;
  advanceGroup(g, q.nowMs);
  settleGrouped(r, g, q.nowMs);
  if (horizonMs(g, r) < 2 * NEAR_MS) return false;
  watchBucket(q, g, r);
  return true;
}
