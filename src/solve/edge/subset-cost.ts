/**
 * The cheapest way to serve every receiver of an edge within a time cap, with a given subset of
 * its modes (a fractional knapsack: the cheapest per-fraction modes fill first, each up to the
 * largest fraction it serves within the cap), and the caps where that cost changes slope.
 * Shared by the convex envelope (edge-tradeoff.ts) and the staircase frontier (edge-frontier.ts).
 * Only the modes' own time pieces count: the shared sender NIC of a split and an upload's
 * slower pieces beside direct pulls are left out, so every cost here is at or below the true one.
 */
import type { ModeOption } from "../../model/types.js";

const EPS = 1e-12;

/** time_m(0): the cap below which the mode cannot serve even a sliver. */
export function usableFromMs(o: ModeOption): number {
  let t = 0;
  for (const p of o.timePieces) t = Math.max(t, p.fixedMs);
  return t;
}

/** Largest fraction the mode serves within capMs (≤ 1), or -1 when it cannot serve any. */
export function highFraction(o: ModeOption, capMs: number): number {
  if (capMs < usableFromMs(o) - EPS * Math.max(1, capMs)) return -1;
  let f = 1;
  for (const p of o.timePieces) if (p.perFractionMs > 0) f = Math.min(f, (capMs - p.fixedMs) / p.perFractionMs);
  return Math.max(0, f);
}

/** Caps at which time_m changes slope or starts/stops binding: time_m(0), time_m(1) and interior kinks. */
export function kinkTimesMs(o: ModeOption): number[] {
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

/** Cheapest cost of serving every receiver with exactly the modes of `subset` (closure) within capMs; Infinity if it cannot. `highOf`: highFraction at capMs, when the caller has it already. */
export function subsetCostUsd(subset: readonly ModeOption[], capMs: number, highOf: (o: ModeOption) => number = (o) => highFraction(o, capMs)): number {
  let usd = 0;
  let left = 1;
  for (const o of subset) {
    const hi = highOf(o);
    if (hi < 0) return Infinity;
    usd += o.fixedUsd;
  }
  for (const o of subset) {
    // subset is sorted by perFractionUsd ascending: fill the cheapest first
    const f = Math.min(left, highOf(o));
    usd += o.perFractionUsd * f;
    left -= f;
  }
  // a cap computed by interpolation may fall a rounding error short: accept it (the cost is then
  // a hair low, which keeps the envelope below every reachable pair)
  return left > 1e-9 ? Infinity : usd;
}

export function subsetsOf(options: readonly ModeOption[], allowSplits: boolean): ModeOption[][] {
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
export function prefixCrossingsMs(subsets: readonly ModeOption[][], kinks: readonly number[]): number[] {
  const out: number[] = [];
  // Each mode's high fraction at an interval's two interior points, once per interval (the
  // subsets' prefixes share them): the same sums, in the same order, as evaluating per prefix.
  const modes = [...new Set(subsets.flat())];
  const at = new Map<ModeOption, number>();
  const highA: number[][] = [];
  const highB: number[][] = [];
  modes.forEach((o, m) => at.set(o, m));
  for (let j = 0; j + 1 < kinks.length; j++) {
    const lo = kinks[j]!;
    const hi = kinks[j + 1]!;
    // inside (lo, hi) every hi_m is affine and usability fixed: interpolate from interior points
    const a = lo + (hi - lo) / 3;
    const b = lo + (2 * (hi - lo)) / 3;
    highA.push(modes.map((o) => Math.max(0, highFraction(o, a))));
    highB.push(modes.map((o) => Math.max(0, highFraction(o, b))));
  }
  for (const s of subsets) {
    const index = s.map((o) => at.get(o)!);
    for (let k = 1; k <= s.length; k++) {
      for (let j = 0; j + 1 < kinks.length; j++) {
        const lo = kinks[j]!;
        const hi = kinks[j + 1]!;
        const a = lo + (hi - lo) / 3;
        const b = lo + (2 * (hi - lo)) / 3;
        let sa = 0;
        let sb = 0;
        for (let q = 0; q < k; q++) {
          sa += highA[j]![index[q]!]!;
          sb += highB[j]![index[q]!]!;
        }
        if (sb === sa) continue;
        const t = a + ((1 - sa) * (b - a)) / (sb - sa);
        if (t > lo && t < hi) out.push(t);
      }
    }
  }
  return out;
}
