/**
 * Per-edge choices for the heuristic: a whole mode, or a split of the receivers between two
 * splittable modes. A split's time is convex in the fraction and its cost affine, so for a time
 * cap the cheapest split sits at an end of the interval of fractions that fit, and the fastest
 * split is at a breakpoint of its time (fastest-split.ts).
 */
import { edgeTransferMs } from "../../model/edge-time.js";
import type { EdgeCandidates, ModeOption, ModeShare } from "../../model/types.js";
import { findFastestSplit, splitIntervalWithin } from "./fastest-split.js";

export interface EdgeChoice {
  readonly shares: readonly ModeShare[];
  readonly timeMs: number;
  readonly costUsd: number;
  readonly usesCache: boolean;
  readonly usesVmLocal: boolean;
}

const costAt = (o: ModeOption, f: number) => o.fixedUsd + o.perFractionUsd * f;

function choiceOf(parts: readonly [ModeOption, number][], nicOffsetsMs: readonly number[]): EdgeChoice {
  const used = parts.filter(([, f]) => f > 1e-12);
  return {
    shares: used.map(([o, f]) => ({ mode: o.mode, fraction: f })),
    timeMs: edgeTransferMs(used, nicOffsetsMs),
    costUsd: used.reduce((a, [o, f]) => a + costAt(o, f), 0),
    usesCache: used.some(([o]) => o.requiresAdmission),
    usesVmLocal: used.some(([o]) => o.mode === "vm-local"),
  };
}

/** Every pair of splittable options, in order. */
export function* splittablePairs(opts: readonly ModeOption[]): Generator<[ModeOption, ModeOption]> {
  for (let i = 0; i < opts.length; i++) {
    for (let j = i + 1; j < opts.length; j++) {
      if (opts[i]!.splittable && opts[j]!.splittable) yield [opts[i]!, opts[j]!];
    }
  }
}

export function wholeChoices(c: EdgeCandidates): EdgeChoice[] {
  return c.options.map((o) => choiceOf([[o, 1]], c.nicOffsetsMs));
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
  for (const o of opts) consider(choiceOf([[o, 1]], c.nicOffsetsMs));
  if (!allowSplits) return best;
  for (const [a, b] of splittablePairs(opts)) {
    const fits = splitIntervalWithin(a, b, capMs, c.nicOffsetsMs);
    if (fits === undefined) continue;
    for (const f of fits) if (f > 1e-9 && f < 1 - 1e-9) consider(choiceOf([[a, f], [b, 1 - f]], c.nicOffsetsMs));
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
  for (const o of opts) consider(choiceOf([[o, 1]], c.nicOffsetsMs));
  if (!allowSplits) return best;
  for (const [a, b] of splittablePairs(opts)) {
    const split = findFastestSplit(a, b, c.nicOffsetsMs);
    if (split === undefined) continue;
    const ch = choiceOf([[a, split.fraction], [b, 1 - split.fraction]], c.nicOffsetsMs);
    const cheapest = cheapestWithin(c, ch.timeMs, true, exclude);
    consider(cheapest !== undefined && cheapest.timeMs <= ch.timeMs ? cheapest : ch);
  }
  return best;
}
