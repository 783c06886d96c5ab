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
import type { EdgeCandidates, ModeOption } from "../../model/types.js";
import { highFraction, kinkTimesMs, prefixCrossingsMs, subsetCostUsd, subsetsOf } from "./subset-cost.js";

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
  return scanTradeoff(candidates, allowSplits)?.vertices;
}

export interface TradeoffWithout {
  readonly vertices: TradeoffVertex[];
  /**
   * Per option (index-aligned with candidates.options), the fastest time the edge can reach
   * without it: the first cap where a subset that leaves the option out serves every receiver
   * (Infinity when no such subset is left). The same event caps as the envelope: the subsets of
   * the options without m are exactly the subsets here that leave m out, and each one's
   * threshold (a usability kink of a member or the crossing where its members just serve every
   * receiver) is among these caps, so this equals edgeTradeoff without m's first vertex up to
   * rounding — in one pass instead of one scan per option.
   */
  readonly fastestWithoutMs: number[];
}

/** The envelope and, per option, the fastest time without it (see TradeoffWithout). */
export function edgeTradeoffWithout(candidates: EdgeCandidates, allowSplits: boolean): TradeoffWithout | undefined {
  const scan = scanTradeoff(candidates, allowSplits);
  if (scan === undefined) return undefined;
  const fastestWithoutMs = candidates.options.map((o) => {
    let t = Infinity;
    scan.subsets.forEach((s, k) => {
      if (scan.firstCapMs[k]! < t && !s.includes(o)) t = scan.firstCapMs[k]!;
    });
    return t;
  });
  return { vertices: scan.vertices, fastestWithoutMs };
}

function scanTradeoff(candidates: EdgeCandidates, allowSplits: boolean): { vertices: TradeoffVertex[]; subsets: ModeOption[][]; firstCapMs: number[] } | undefined {
  const { options } = candidates;
  if (options.some((o) => o.timePieces.some((p) => p.perFractionMs < 0))) return undefined;
  const subsets = subsetsOf(options, allowSplits);
  const kinks = [...new Set(options.flatMap(kinkTimesMs))].sort((a, b) => a - b);
  const caps = [...new Set([...kinks, ...prefixCrossingsMs(subsets, kinks)])].sort((a, b) => a - b);
  const points: TradeoffVertex[] = [];
  const firstCapMs = subsets.map(() => Infinity);
  // each option's high fraction once per cap, shared by every subset holding it
  const high = new Array<number>(options.length);
  const index = new Map<ModeOption, number>(options.map((o, m) => [o, m]));
  const highOf = (o: ModeOption) => high[index.get(o)!]!;
  for (const t of caps) {
    for (let m = 0; m < options.length; m++) high[m] = highFraction(options[m]!, t);
    let usd = Infinity;
    for (let k = 0; k < subsets.length; k++) {
      const c = subsetCostUsd(subsets[k]!, t, highOf);
      if (c === Infinity) continue;
      if (firstCapMs[k] === Infinity) firstCapMs[k] = t;
      usd = Math.min(usd, c);
    }
    if (Number.isFinite(usd)) points.push({ timeMs: t, costUsd: usd });
  }
  return { vertices: lowerHull(points), subsets, firstCapMs };
}
