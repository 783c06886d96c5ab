/**
 * Per-resource statistics of the fair-share network (fair-share.ts) at a moment: bytes carried,
 * busy time and peak utilisation, each integrated lazily up to now — a plain resource at its
 * load since it was last settled, a level group's resource through its group's virtual clock.
 */
import { advanceGroup, settleGrouped } from "./level-group.js";
import type { Resource } from "./flow-network.js";

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

/** Statistics of `resources` at `nowMs` (level groups' resources are settled to now; plain ones are read without changing them). */
export function resourceStats(resources: Iterable<Resource>, nowMs: number): ResourceStats[] {
  const all = [...resources];
  for (const r of all) {
    if (r.group === undefined) continue;
    advanceGroup(r.group, nowMs);
    settleGrouped(r, r.group, nowMs);
  }
  return all.map((r) => {
    if (r.group !== undefined) return { id: r.id, capacityBytesPerSecond: r.capacity, bytes: r.bytes, busyMs: r.busyMs, peakUtilisation: r.peak };
    const dt = nowMs - r.statsMs;
    const busyMs = r.busyMs + (r.load > 0 ? dt : 0);
    return { id: r.id, capacityBytesPerSecond: r.capacity, bytes: r.bytes + (r.load * dt) / 1000, busyMs, peakUtilisation: r.peak };
  });
}
