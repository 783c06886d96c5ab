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

/** A whole mode's transfer time, once per option (options are immutable, one Problem's). */
const wholeMemo = new WeakMap<ModeOption, number>();
function wholeTimeMs(o: ModeOption, nicOffsetsMs: readonly number[]): number {
  // the options of one edge share its NIC offsets: the option alone keys the memo
  let t = wholeMemo.get(o);
  if (t === undefined) wholeMemo.set(o, (t = edgeTransferMs([[o, 1]], nicOffsetsMs)));
  return t;
}

/**
 * The cheapest choice whose time is ≤ capMs, among whole modes and two-mode splits; undefined if
 * none. The hot loop of the heuristic's passes: candidates are priced first and only the winner
 * is built as an EdgeChoice.
 */
export function cheapestWithin(c: EdgeCandidates, exactCapMs: number, allowSplits: boolean, exclude: (o: ModeOption) => boolean): EdgeChoice | undefined {
  // A cap equal to a choice's own time (a critical edge left no slack) must still admit that
  // choice, whatever the rounding of the fractions: allow a relative hair.
  const capMs = exactCapMs * (1 + 1e-12) + 1e-9;
  const opts = c.options;
  const n = opts.length;
  const usable = new Array<boolean>(n);
  let bestUsd = Infinity;
  let bestA: ModeOption | undefined;
  let bestB: ModeOption | undefined;
  let bestF = 1;
  for (let k = 0; k < n; k++) {
    const o = opts[k]!;
    usable[k] = !exclude(o);
    if (!usable[k]) continue;
    const usd = costAt(o, 1);
    if (wholeTimeMs(o, c.nicOffsetsMs) <= capMs && (bestA === undefined || usd < bestUsd - 1e-15)) [bestA, bestB, bestF, bestUsd] = [o, undefined, 1, usd];
  }
  if (allowSplits) {
    for (let x = 0; x < n; x++) {
      const a = opts[x]!;
      if (!usable[x] || !a.splittable) continue;
      for (let y = x + 1; y < n; y++) {
        const b = opts[y]!;
        if (!usable[y] || !b.splittable) continue;
        const fits = splitIntervalWithin(a, b, capMs, c.nicOffsetsMs);
        if (fits === undefined) continue;
        for (const f of fits) {
          if (!(f > 1e-9 && f < 1 - 1e-9)) continue;
          const usd = costAt(a, f) + costAt(b, 1 - f);
          if (bestA !== undefined && !(usd < bestUsd - 1e-15)) continue;
          if (edgeTransferMs([[a, f], [b, 1 - f]], c.nicOffsetsMs) <= capMs) [bestA, bestB, bestF, bestUsd] = [a, b, f, usd];
        }
      }
    }
  }
  if (bestA === undefined) return undefined;
  return choiceOf(bestB === undefined ? [[bestA, 1]] : [[bestA, bestF], [bestB, 1 - bestF]], c.nicOffsetsMs);
}

/** Per candidates object (immutable, one Problem's): fastest choices already found, by splits setting and excluded options. */
const fastestMemo = new WeakMap<EdgeCandidates, Map<number, EdgeChoice | undefined>>();

/** The fastest choice (ties: cheaper), among whole modes and balanced two-mode splits. Memoised: the passes ask for the same edge many times. */
export function fastestChoice(c: EdgeCandidates, allowSplits: boolean, exclude: (o: ModeOption) => boolean): EdgeChoice | undefined {
  let key = allowSplits ? 1 : 0;
  c.options.forEach((o, k) => {
    if (exclude(o)) key |= 2 << k;
  });
  let byKey = fastestMemo.get(c);
  if (byKey === undefined) fastestMemo.set(c, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key);
  const found = computeFastestChoice(c, allowSplits, exclude);
  byKey.set(key, found);
  return found;
}

function computeFastestChoice(c: EdgeCandidates, allowSplits: boolean, exclude: (o: ModeOption) => boolean): EdgeChoice | undefined {
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
