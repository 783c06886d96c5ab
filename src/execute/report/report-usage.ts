/**
 * Usage figures of a run report: the cache tier's occupancy over time (each value resident from
 * its write to its deletion, or the run's end) and its GiB-milliseconds, the union of a NIC's busy
 * intervals, and the highest summed rate of a VM's overlapping transfers.
 */
import type { SimInstance } from "../../simulate/types.js";

const GiB = 1024 ** 3;

export function cacheOccupancy(
  life: readonly { readonly bytes: number; readonly writtenMs: number; readonly deletedMs?: number }[],
  rel: (t: number) => number,
  endMs: number,
): { occupancy: { timeMs: number; bytes: number }[]; peakBytes: number; gibMs: number } {
  const steps = life.flatMap((l) => [
    { t: rel(l.writtenMs), d: l.bytes },
    { t: rel(l.deletedMs ?? endMs), d: -l.bytes },
  ]);
  steps.sort((a, b) => a.t - b.t || a.d - b.d);
  const occupancy: { timeMs: number; bytes: number }[] = [];
  let resident = 0;
  let peakBytes = 0;
  let gibMs = 0;
  let lastT = 0;
  for (const s of steps) {
    gibMs += (resident / GiB) * Math.max(0, s.t - lastT);
    lastT = s.t;
    resident += s.d;
    peakBytes = Math.max(peakBytes, resident);
    occupancy.push({ timeMs: s.t, bytes: resident });
  }
  return { occupancy, peakBytes, gibMs };
}

/** Total length of the union of intervals. */
export function unionMs(intervals: readonly [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [s, e] = [-Infinity, -Infinity];
  for (const [a, b] of sorted) {
    if (a > e) {
      if (e > s) total += e - s;
      [s, e] = [a, b];
    } else e = Math.max(e, b);
  }
  if (e > s) total += e - s;
  return total;
}

/** Highest summed rate (bytes/s) of a VM's overlapping transfers in one direction. */
export function peakRate(instances: readonly SimInstance[], vm: string, direction: "read" | "write"): number {
  const events: { t: number; rate: number }[] = [];
  for (const i of instances) {
    if (i.vm !== vm) continue;
    for (const t of i.transfers) {
      if (t.direction !== direction || t.kind === "vm-local" || t.endMs <= t.startMs) continue;
      const rate = t.bytes / ((t.endMs - t.startMs) / 1000);
      events.push({ t: t.startMs, rate }, { t: t.endMs, rate: -rate });
    }
  }
  events.sort((a, b) => a.t - b.t || a.rate - b.rate);
  let cur = 0;
  let peak = 0;
  for (const e of events) peak = Math.max(peak, (cur += e.rate));
  return peak;
}
