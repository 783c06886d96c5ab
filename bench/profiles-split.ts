/**
 * The profiles benchmark's protocol: which ≤ 10 runs of a function are trained on, and which are
 * held out — inside the trained range, and beyond it (every size above the largest trained one;
 * only sizes ≤ half the largest traced size are trained on, so the beyond set reaches ≥ 2×).
 *
 * Which runs to spend a budget of 10 on is an experimental design. Extrapolation is what is scored,
 * and the optimal designs for predicting a regression beyond the data (Hoel & Levine 1964,
 * "Optimal spacing and weighting in polynomial prediction", Ann. Math. Statist. 35(4)) put a large
 * share of the runs at the edge of the range nearest the prediction: a single run there lets one
 * noisy measurement set the slope that is carried beyond. Model selection still needs sizes spread
 * over the range, so the split takes the TOP_RUNS largest rows and spreads the other 8 evenly in
 * size order over the rest, from the smallest up to the largest of them. With the collector's 5
 * repeats per size that is 3 runs at the largest trained size and one at each of 7 sizes below
 * (until 2026-12-04 all 10 were spread evenly: 1 run at the top). bench/profiles-experiments.md
 * item 11 has the measurement that chose it (pre-registered, and checked on a fresh collection).
 */
import type { TraceRecord } from "../src/traces/trace-record.js";

export const MAX_TRAIN_RUNS = 10;
/** Training runs taken from the largest sizes ≤ half the largest traced size (replicates at the top of the trained range). */
export const TOP_RUNS = 2;
/** Sizes within this factor of a group's smallest size count as one size (a stage after a root reads slightly different bytes per part and repeat). */
export const SAME_SIZE_FACTOR = 1.02;

export interface RunSplit {
  readonly train: TraceRecord[];
  /** Held-out runs at sizes inside the trained range, none within SAME_SIZE_FACTOR of a trained size. */
  readonly within: TraceRecord[];
  /** Held-out runs above the largest trained size. */
  readonly beyond: TraceRecord[];
}

/** `k` ≥ 2 rows spread evenly in order over `rows` (all of them when there are at most k), first and last included. */
function spreadEvenly(rows: readonly TraceRecord[], k: number): TraceRecord[] {
  if (rows.length <= k) return [...rows];
  return Array.from({ length: k }, (_, i) => rows[Math.round((i * (rows.length - 1)) / (k - 1))]!);
}

/**
 * ≤ MAX_TRAIN_RUNS rows at sizes ≤ half the largest: the TOP_RUNS largest, and the rest spread
 * evenly in size order over the remaining ones, first and last included (rows of equal size keep
 * the order they were traced in).
 */
export function splitRuns(rows: readonly TraceRecord[]): RunSplit {
  const sorted = [...rows].sort((a, b) => a.inputBytes - b.inputBytes);
  const cutoff = sorted[sorted.length - 1]!.inputBytes / 2;
  const small = sorted.filter((r) => r.inputBytes <= cutoff);
  const train = small.length <= MAX_TRAIN_RUNS ? small : [...spreadEvenly(small.slice(0, small.length - TOP_RUNS), MAX_TRAIN_RUNS - TOP_RUNS), ...small.slice(small.length - TOP_RUNS)];
  const seen = new Set(train.map((r) => r.inputBytes));
  const maxTrained = Math.max(...seen);
  // Held out: sizes not within SAME_SIZE_FACTOR of a trained size (same-size parts of a trained root size are not new sizes).
  const near = (x: number) => [...seen].some((t) => Math.max(x, t) <= Math.min(x, t) * SAME_SIZE_FACTOR);
  const unseen = sorted.filter((r) => !near(r.inputBytes));
  return { train, within: unseen.filter((r) => r.inputBytes <= maxTrained), beyond: unseen.filter((r) => r.inputBytes > maxTrained) };
}
