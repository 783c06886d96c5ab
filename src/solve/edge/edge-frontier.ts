/**
 * The time–cost frontier of one edge from below, for bounds: a short list of (time, cost) points
 * such that every choice the edge can take — a whole mode, or a split over any subset of its
 * splittable modes at any fractions — is dominated by one of them (the point is no slower and no
 * dearer), with the same or weaker flags (a point that needs no vm-local placement or no cache
 * admission covers choices that do).
 *
 *   whole mode m:  (edgeTransferMs of m alone, fixedUsd + perFractionUsd)       exact
 *   splits:        c(t) = min over subsets S of subsetCostUsd(S, t), non-increasing in t;
 *                  on a grid t_0 < t_1 < … over the caps where c changes slope, each subdivided
 *                  into SUBDIVISIONS steps, the staircase points (t_k, c(t_{k+1})) — every split
 *                  with time in [t_k, t_{k+1}] costs at least c(t_{k+1}) and takes at least t_k.
 * The staircase gives back at most one step's cost drop; finer grids close it.
 */
import { edgeTransferMs } from "../../model/edge-time.js";
import type { EdgeCandidates, ModeOption } from "../../model/types.js";
import { highFraction, kinkTimesMs, prefixCrossingsMs, subsetCostUsd, subsetsOf } from "./subset-cost.js";

export interface FrontierPoint {
  readonly timeMs: number;
  readonly costUsd: number;
  /** The choice runs the consumer beside its producer (vm-local). */
  readonly usesVmLocal: boolean;
  /** The choice reads the producer's output from the cache tier (needs it admitted). */
  readonly usesCache: boolean;
}

/** Grid steps between two consecutive slope changes of a split's cheapest cost. */
export const SUBDIVISIONS = 6;

/** Per candidates object (immutable, owned by one Problem): the frontiers already built. */
const memo = new WeakMap<EdgeCandidates, Map<string, readonly FrontierPoint[]>>();

/** `withoutVmLocal`: the frontier when the consumer may not run beside the producer. Computed once per edge and setting. */
export function edgeFrontier(candidates: EdgeCandidates, allowSplits: boolean, withoutVmLocal = false): readonly FrontierPoint[] {
  let byKey = memo.get(candidates);
  if (byKey === undefined) memo.set(candidates, (byKey = new Map()));
  const key = `${allowSplits}|${withoutVmLocal}`;
  let hit = byKey.get(key);
  if (hit === undefined) byKey.set(key, (hit = buildFrontier(candidates, allowSplits, withoutVmLocal)));
  return hit;
}

function buildFrontier(candidates: EdgeCandidates, allowSplits: boolean, withoutVmLocal: boolean): FrontierPoint[] {
  const options = candidates.options.filter((o) => !(withoutVmLocal && o.mode === "vm-local"));
  const points: FrontierPoint[] = options.map((o) => ({ timeMs: edgeTransferMs([[o, 1]], candidates.nicOffsetsMs), costUsd: o.fixedUsd + o.perFractionUsd, usesVmLocal: o.mode === "vm-local", usesCache: o.requiresAdmission }));
  if (allowSplits) {
    const subsets = subsetsOf(options, true).filter((s) => s.length > 1);
    for (const usesCache of [false, true]) {
      const group = subsets.filter((s) => s.some((o) => o.requiresAdmission) === usesCache);
      if (group.length === 0) continue;
      // A split costs at least its cheapest mode whole (fixed costs ≥ 0): from the time of the
      // cheapest whole mode that may dominate it (no vm-local; no cache for a cache-free split) on,
      // that mode's point covers every split of the group, so the staircase stops there.
      const dominators = points.filter((p) => !p.usesVmLocal && (usesCache || !p.usesCache));
      const cheapest = dominators.reduce<FrontierPoint | undefined>((a, p) => (a === undefined || p.costUsd < a.costUsd || (p.costUsd === a.costUsd && p.timeMs < a.timeMs) ? p : a), undefined);
      points.push(...splitStaircase(group, usesCache, cheapest?.timeMs ?? Infinity));
    }
  }
  return prunePoints(points);
}

/** Staircase points for the splits of `subsets` with time below `untilMs` (a whole mode covers the rest). */
function splitStaircase(subsets: readonly ModeOption[][], usesCache: boolean, untilMs: number): FrontierPoint[] {
  const modes = [...new Set(subsets.flat())];
  const kinks = [...new Set(modes.flatMap(kinkTimesMs))].sort((a, b) => a - b);
  const events = [...new Set([...kinks, ...prefixCrossingsMs(subsets, kinks)])].sort((a, b) => a - b).filter((t) => t < untilMs);
  if (events.length === 0) return [];
  if (Number.isFinite(untilMs)) events.push(untilMs);
  const high = new Array<number>(modes.length);
  const highOf = (o: ModeOption) => high[modes.indexOf(o)]!;
  const costAt = (t: number) => {
    for (let m = 0; m < modes.length; m++) high[m] = highFraction(modes[m]!, t);
    let best = Infinity;
    for (const s of subsets) best = Math.min(best, subsetCostUsd(s, t, highOf));
    return best;
  };
  const grid: number[] = [];
  events.forEach((t, k) => {
    grid.push(t);
    const next = events[k + 1];
    if (next === undefined) return;
    for (let j = 1; j < SUBDIVISIONS; j++) grid.push(t + ((next - t) * j) / SUBDIVISIONS);
  });
  const costs = grid.map(costAt);
  const out: FrontierPoint[] = [];
  // a finite untilMs is the last grid point: it closes the last step, and the whole mode covers it on
  for (let k = 0; k < grid.length - (Number.isFinite(untilMs) ? 1 : 0); k++) {
    // where c(t_k) is still infinite the first reachable split lies in (t_k, t_{k+1}]: the point covers it
    const costUsd = Math.min(costs[k]!, costs[k + 1] ?? Infinity);
    if (Number.isFinite(costUsd)) out.push({ timeMs: grid[k]!, costUsd, usesVmLocal: false, usesCache });
  }
  return out;
}

/** Drops every point another point dominates (no slower, no dearer, flags no stronger); sorted by time. */
export function prunePoints(points: readonly FrontierPoint[]): FrontierPoint[] {
  const sorted = [...points].sort((a, b) => a.timeMs - b.timeMs || a.costUsd - b.costUsd || flags(a) - flags(b));
  const kept: FrontierPoint[] = [];
  for (const p of sorted) {
    if (kept.some((q) => q.timeMs <= p.timeMs && q.costUsd <= p.costUsd && (!q.usesVmLocal || p.usesVmLocal) && (!q.usesCache || p.usesCache))) continue;
    kept.push(p);
  }
  return kept;
}

const flags = (p: FrontierPoint) => (p.usesVmLocal ? 1 : 0) + (p.usesCache ? 2 : 0);
