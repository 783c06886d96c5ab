/**
 * One resource of the fair-share network, brought up to date lazily: between two changes of its
 * load its statistics (bytes carried, busy time) and a token bucket's credit move linearly, so
 * they are integrated only when it is next touched. A bucket's credit below the point where it
 * drains (≤ 1 byte) flips it to its baseline; a drained bucket bursts again once it holds the
 * recharge threshold (physics/token-bucket.ts).
 */
import { bucketRate, creditAfter, msUntilDrained, rechargeThresholdBytes, type TokenBucket } from "../../physics/token-bucket.js";
import type { Resource } from "./flow-network.js";

/** A resource of `capacityBytesPerSecond`, or a token bucket starting full. */
export function makeResource(id: string, index: number, capacityBytesPerSecond: number, bucket: TokenBucket | undefined, nowMs: number): Resource {
  const r: Resource = { id, index, eventMs: Infinity, heapIndex: -1, capacity: capacityBytesPerSecond, bytes: 0, busyMs: 0, peak: 0, load: 0, statsMs: nowMs, flows: new Set(), outside: 0, next: 0, remaining: 0, weight: 0, version: 0, stamp: 0, members: [], group: undefined, base: 0, gw: 0, groupCount: 0, groupV: 0 };
  if (bucket !== undefined && bucket.burstBytesPerSecond > bucket.baselineBytesPerSecond) {
    r.bucket = { spec: bucket, creditBytes: bucket.burstBytes, drained: false, lastMs: nowMs, watch: { resource: r, theta: Infinity, heapIndex: -1 } };
    r.capacity = bucketRate(bucket, bucket.burstBytes, false);
  }
  return r;
}

/** Integrates the resource's statistics and credit up to `nowMs` at its current load; true if its bucket flipped rate (its capacity changed). */
export function settleResource(r: Resource, nowMs: number): boolean {
  const dt = nowMs - r.statsMs;
  if (dt > 0) {
    if (r.load > 0) {
      r.busyMs += dt;
      r.bytes += (r.load * dt) / 1000;
    }
    r.statsMs = nowMs;
  }
  const b = r.bucket;
  if (b === undefined) return false;
  b.creditBytes = creditAfter(b.spec, b.creditBytes, r.load, nowMs - b.lastMs);
  b.lastMs = nowMs;
  const drained = b.drained ? b.creditBytes < rechargeThresholdBytes(b.spec) : b.creditBytes <= 1;
  if (drained === b.drained) return false;
  b.drained = drained;
  r.capacity = bucketRate(b.spec, b.creditBytes, drained);
  return true;
}

/** When a bucket carrying its current load runs out of credit, or (drained, under its baseline) recharges; Infinity if neither. */
export function nextBucketEventMs(r: Resource, nowMs: number): number {
  const b = r.bucket!;
  if (!b.drained) return nowMs + msUntilDrained(b.spec, b.creditBytes, r.load);
  if (r.load < b.spec.baselineBytesPerSecond) return nowMs + ((rechargeThresholdBytes(b.spec) - b.creditBytes) / (b.spec.baselineBytesPerSecond - r.load)) * 1000;
  return Infinity;
}
