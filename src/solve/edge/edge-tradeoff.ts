/**
 * The time–cost trade-off of one edge: the lower convex envelope of every (transfer time, edge
 * cost) pair its choices can reach — whole modes and splits over any subset of splittable modes.
 * Pre: time pieces non-decreasing in the fraction (perFractionMs ≥ 0), as every mode builds them;
 * otherwise `undefined` (the caller then adds no trade-off rows for the edge).
 * Post: vertices with time increasing and cost strictly decreasing; every reachable pair (t, c)
 * has t ≥ vertices[0].timeMs and c on or above the envelope (flat after the last vertex).
 *
 * Exactness. For a time cap t a mode may serve any f ∈ [0, hi_m(t)] once t ≥ time_m(0), with
 * hi_m affine between the kinks of time_m. For a subset S of modes the cheapest cost under the cap
 * is Σ fixed + a fractional knapsack (fill the cheapest per-fraction modes first), affine in t
 * between "events": kinks of some time_m, and caps where a cost-ordered prefix of S can just serve
 * every receiver. The lower cost envelope is a min of those affine pieces, concave between
 * events, so its convex envelope has its vertices at events: evaluating the cheapest cost exactly at
 * every event and taking the lower hull gives the exact envelope. (Shares are taken in the
 * closure f ≥ 0 rather than f > 0, which can only lower the envelope.)
 */
import type { EdgeCandidates } from "../../model/types.js";
import { kinkTimesMs, prefixCrossingsMs, subsetCostUsd, subsetsOf } from "./subset-cost.js";

export interface TradeoffVertex {
  readonly timeMs: number;
  readonly costUsd: number;
}

/** Lower convex hull of points sorted by time, keeping only the strictly decreasing part. */
function lowerHull(points: readonly TradeoffVertex[]): TradeoffVertex[] {
  const hull: TradeoffVertex[] = [];
  for (const p of points) {
    if (hull.length > 0 && p.costUsd >= hull[hull.length - 1]!.costUsd) continue; // flat or rising: never on the decreasing envelope
    while (hull.length >= 2) {
      const a = hull[hull.length - 2]!;
      const b = hull[hull.length - 1]!;
      // drop b when it lies on or above the segment a → p
      const cross = (b.timeMs - a.timeMs) * (p.costUsd - a.costUsd) - (b.costUsd - a.costUsd) * (p.timeMs - a.timeMs);
      if (cross <= 0) hull.pop();
      else break;
    }
    hull.push(p);
  }
  return hull;
}

export function edgeTradeoff(candidates: EdgeCandidates, allowSplits: boolean): TradeoffVertex[] | undefined {
  const { options } = candidates;
  if (options.some((o) => o.timePieces.some((p) => p.perFractionMs < 0))) return undefined;
  const subsets = subsetsOf(options, allowSplits);
  const kinks = [...new Set(options.flatMap(kinkTimesMs))].sort((a, b) => a - b);
  const caps = [...new Set([...kinks, ...prefixCrossingsMs(subsets, kinks)])].sort((a, b) => a - b);
  const points: TradeoffVertex[] = [];
  for (const t of caps) {
    let usd = Infinity;
    for (const s of subsets) usd = Math.min(usd, subsetCostUsd(s, t));
    if (Number.isFinite(usd)) points.push({ timeMs: t, costUsd: usd });
  }
  return lowerHull(points);
}
