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

export interface TradeoffVertex {
  readonly timeMs: number;
  readonly costUsd: number;
}

const EPS = 1e-12;

/** time_m(0): the cap below which the mode cannot serve even a sliver. */
function usableFromMs(o: ModeOption): number {
  let t = 0;
  for (const p of o.timePieces) t = Math.max(t, p.fixedMs);
  return t;
}

/** Largest fraction the mode serves within capMs (≤ 1), or -1 when it cannot serve any. */
function highFraction(o: ModeOption, capMs: number): number {
  if (capMs < usableFromMs(o) - EPS * Math.max(1, capMs)) return -1;
  let f = 1;
  for (const p of o.timePieces) if (p.perFractionMs > 0) f = Math.min(f, (capMs - p.fixedMs) / p.perFractionMs);
  return Math.max(0, f);
}

/** Caps at which time_m changes slope or starts/stops binding: time_m(0), time_m(1) and interior kinks. */
function kinkTimesMs(o: ModeOption): number[] {
  const ts = [usableFromMs(o), pieceMax(o, 1)];
  const ps = o.timePieces;
  for (let a = 0; a < ps.length; a++) {
    for (let b = a + 1; b < ps.length; b++) {
      const slope = ps[a]!.perFractionMs - ps[b]!.perFractionMs;
      if (slope === 0) continue;
      const f = (ps[b]!.fixedMs - ps[a]!.fixedMs) / slope;
      if (f > 0 && f < 1) ts.push(pieceMax(o, f));
    }
  }
  return ts;
}

function pieceMax(o: ModeOption, f: number): number {
  let t = 0;
  for (const p of o.timePieces) t = Math.max(t, p.fixedMs + p.perFractionMs * f);
  return t;
}

/** Cheapest cost of serving every receiver with exactly the modes of `subset` (closure) within capMs; Infinity if it cannot. */
function subsetCostUsd(subset: readonly ModeOption[], capMs: number): number {
  let usd = 0;
  let left = 1;
  for (const o of subset) {
    const hi = highFraction(o, capMs);
    if (hi < 0) return Infinity;
    usd += o.fixedUsd;
  }
  for (const o of subset) {
    // subset is sorted by perFractionUsd ascending: fill the cheapest first
    const f = Math.min(left, highFraction(o, capMs));
    usd += o.perFractionUsd * f;
    left -= f;
  }
  // a cap computed by interpolation may fall a rounding error short: accept it (the cost is then
  // a hair low, which keeps the envelope below every reachable pair)
  return left > 1e-9 ? Infinity : usd;
}

function subsetsOf(options: readonly ModeOption[], allowSplits: boolean): ModeOption[][] {
  const out: ModeOption[][] = options.map((o) => [o]);
  if (!allowSplits) return out;
  const splittable = options.filter((o) => o.splittable);
  for (let mask = 1; mask < 1 << splittable.length; mask++) {
    const s = splittable.filter((_, k) => (mask >> k) & 1);
    if (s.length > 1) out.push(s);
  }
  return out.map((s) => [...s].sort((a, b) => a.perFractionUsd - b.perFractionUsd));
}

/** Caps where a cost-ordered prefix of a subset can just serve every receiver, between consecutive kinks. */
function prefixCrossingsMs(subsets: readonly ModeOption[][], kinks: readonly number[]): number[] {
  const out: number[] = [];
  for (const s of subsets) {
    for (let k = 1; k <= s.length; k++) {
      const prefix = s.slice(0, k);
      const served = (t: number) => prefix.reduce((sum, o) => sum + Math.max(0, highFraction(o, t)), 0);
      for (let j = 0; j + 1 < kinks.length; j++) {
        const lo = kinks[j]!;
        const hi = kinks[j + 1]!;
        // inside (lo, hi) every hi_m is affine and usability fixed: interpolate from interior points
        const a = lo + (hi - lo) / 3;
        const b = lo + (2 * (hi - lo)) / 3;
        const sa = served(a);
        const sb = served(b);
        if (sb === sa) continue;
        const t = a + ((1 - sa) * (b - a)) / (sb - sa);
        if (t > lo && t < hi) out.push(t);
      }
    }
  }
  return out;
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
