/**
 * The cache tier holds a value from the moment it is written until its last cache reader has
 * finished; capacity limits the bytes held at the same time (the peak over time), not their sum.
 *
 *   peak = max over t of Σ { bytes_i : start_i ≤ t < end_i }      (a value freed at t no longer counts at t;
 *                                                                  one written and freed at t counts at t)
 *
 * Price, by the tier's pricing:
 *   serverless (ElastiCache Serverless):  Σ bytes_i / GiB · (end_i − start_i) / h · priceUsdPerGibHour
 *   nodes:                                nodes · priceUsdPerNodeHour · heldMs / h, the nodes held for
 *                                          the app's whole run once anything is admitted
 * plus the per-GiB transfer price in both.
 */

export interface Residency {
  readonly startMs: number;
  readonly endMs: number;
  readonly bytes: number;
}

export function peakResidentBytes(intervals: readonly Residency[]): number {
  // At one instant: values whose residency ends there leave first, then values written there
  // arrive (the peak is read now), then values held for no time at all (written and freed at once) leave.
  const events: [number, number, number][] = [];
  for (const r of intervals) {
    if (!(r.bytes > 0)) continue;
    const end = Math.max(r.startMs, r.endMs);
    events.push([r.startMs, 1, r.bytes]);
    events.push([end, end > r.startMs ? 0 : 2, -r.bytes]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, , d] of events) {
    now += d;
    peak = Math.max(peak, now);
  }
  return peak;
}

const GiB = 1024 ** 3;

export function storedGibHours(intervals: readonly Residency[]): number {
  let t = 0;
  for (const r of intervals) t += (Math.max(0, r.bytes) / GiB) * (Math.max(0, r.endMs - r.startMs) / 3.6e6);
  return t;
}

export function cacheNodesUsd(nodes: number, priceUsdPerNodeHour: number, heldMs: number): number {
  return nodes * priceUsdPerNodeHour * (Math.max(0, heldMs) / 3.6e6);
}
