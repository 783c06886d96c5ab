/**
 * Per-edge choices for the heuristic: a whole mode, or a split of the receivers between two
 * splittable modes. Times are convex and non-decreasing in the fraction served, costs affine, so
 * for a time cap the cheapest split sits at an end of the feasible fraction interval, and the
 * fastest split balances the two modes' times (found by bisection).
 */
import { pieceTimeMs } from "../modes/mode-module.js";
import type { EdgeCandidates, ModeOption, ModeShare } from "../model/types.js";

export interface EdgeChoice {
  readonly shares: readonly ModeShare[];
  readonly timeMs: number;
  readonly costUsd: number;
  readonly usesCache: boolean;
  readonly usesVmLocal: boolean;
}

const costAt = (o: ModeOption, f: number) => o.fixedUsd + o.perFractionUsd * f;

function choiceOf(parts: readonly [ModeOption, number][]): EdgeChoice {
  const used = parts.filter(([, f]) => f > 1e-12);
  return {
    shares: used.map(([o, f]) => ({ mode: o.mode, fraction: f })),
    timeMs: Math.max(...used.map(([o, f]) => pieceTimeMs(o.timePieces, f))),
    costUsd: used.reduce((a, [o, f]) => a + costAt(o, f), 0),
    usesCache: used.some(([o]) => o.requiresAdmission),
    usesVmLocal: used.some(([o]) => o.mode === "vm-local"),
  };
}

/** Largest fraction f ∈ [0, 1] with time(f) ≤ cap; -1 if even a sliver exceeds it. */
export function maxFractionWithin(o: ModeOption, capMs: number): number {
  let f = 1;
  for (const p of o.timePieces) {
    if (p.fixedMs > capMs + 1e-9) return -1;
    if (p.perFractionMs > 0) f = Math.min(f, (capMs - p.fixedMs) / p.perFractionMs);
  }
  return Math.max(0, f);
}

export function wholeChoices(c: EdgeCandidates): EdgeChoice[] {
  return c.options.map((o) => choiceOf([[o, 1]]));
}

/** The cheapest choice whose time is ≤ capMs, among whole modes and two-mode splits; undefined if none. */
export function cheapestWithin(c: EdgeCandidates, exactCapMs: number, allowSplits: boolean, exclude: (o: ModeOption) => boolean): EdgeChoice | undefined {
  // A cap equal to a choice's own time (a critical edge left no slack) must still admit that
  // choice, whatever the rounding of the fractions: allow a relative hair.
  const capMs = exactCapMs * (1 + 1e-12) + 1e-9;
  let best: EdgeChoice | undefined;
  const consider = (ch: EdgeChoice) => {
    if (ch.timeMs <= capMs && (best === undefined || ch.costUsd < best.costUsd - 1e-15)) best = ch;
  };
  const opts = c.options.filter((o) => !exclude(o));
  for (const o of opts) if (maxFractionWithin(o, capMs) >= 1) consider(choiceOf([[o, 1]]));
  if (!allowSplits) return best;
  for (let i = 0; i < opts.length; i++) {
    for (let j = i + 1; j < opts.length; j++) {
      const a = opts[i]!;
      const b = opts[j]!;
      if (!a.splittable || !b.splittable) continue;
      const fa = maxFractionWithin(a, capMs);
      const fb = maxFractionWithin(b, capMs);
      if (fa < 0 || fb < 0 || fa + fb < 1 - 1e-12) continue;
      const lo = Math.min(1 - fb, fa);
      const hi = fa;
      for (const f of [lo, hi]) if (f > 1e-9 && f < 1 - 1e-9) consider(choiceOf([[a, f], [b, 1 - f]]));
    }
  }
  return best;
}

/** The fastest choice (ties: cheaper), among whole modes and balanced two-mode splits. */
export function fastestChoice(c: EdgeCandidates, allowSplits: boolean, exclude: (o: ModeOption) => boolean): EdgeChoice | undefined {
  const opts = c.options.filter((o) => !exclude(o));
  let best: EdgeChoice | undefined;
  const consider = (ch: EdgeChoice) => {
    if (best === undefined || ch.timeMs < best.timeMs - 1e-9 || (Math.abs(ch.timeMs - best.timeMs) <= 1e-9 && ch.costUsd < best.costUsd)) best = ch;
  };
  for (const o of opts) consider(choiceOf([[o, 1]]));
  if (!allowSplits) return best;
  for (let i = 0; i < opts.length; i++) {
    for (let j = i + 1; j < opts.length; j++) {
      const a = opts[i]!;
      const b = opts[j]!;
      if (!a.splittable || !b.splittable) continue;
      let lo = 0;
      let hi = 1;
      for (let k = 0; k < 50; k++) {
        const mid = (lo + hi) / 2;
        if (pieceTimeMs(a.timePieces, mid) < pieceTimeMs(b.timePieces, 1 - mid)) lo = mid;
        else hi = mid;
      }
      const f = (lo + hi) / 2;
      if (f > 1e-9 && f < 1 - 1e-9) {
        const ch = choiceOf([[a, f], [b, 1 - f]]);
        const cheapest = cheapestWithin(c, ch.timeMs, true, exclude);
        consider(cheapest !== undefined && cheapest.timeMs <= ch.timeMs ? cheapest : ch);
      }
    }
  }
  return best;
}
