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

/** Rows in size order, grouped: a new group whenever a size exceeds its group's first by more than SAME_SIZE_FACTOR. */
export function groupBySize(rows: readonly TraceRecord[]): TraceRecord[][] {
  const groups: TraceRecord[][] = [];
  for (const r of [...rows].sort((a, b) => a.inputBytes - b.inputBytes)) {
    const last = groups[groups.length - 1];
    if (last !== undefined && r.inputBytes <= last[0]!.inputBytes * SAME_SIZE_FACTOR) last.push(r);
    else groups.push([r]);
  }
  return groups;
}

/** The split for a chosen training set: held out are the runs at sizes not within SAME_SIZE_FACTOR of a trained size. */
function holdOut(sorted: readonly TraceRecord[], train: TraceRecord[]): RunSplit {
  const seen = new Set(train.map((r) => r.inputBytes));
  const maxTrained = Math.max(...seen);
  // Held out: sizes not within SAME_SIZE_FACTOR of a trained size (same-size parts of a trained root size are not new sizes).
  const near = (x: number) => [...seen].some((t) => Math.max(x, t) <= Math.min(x, t) * SAME_SIZE_FACTOR);
  const unseen = sorted.filter((r) => !near(r.inputBytes));
  return { train, within: unseen.filter((r) => r.inputBytes <= maxTrained), beyond: unseen.filter((r) => r.inputBytes > maxTrained) };
}

/**
 * ≤ MAX_TRAIN_RUNS rows at sizes ≤ half the largest: the `topRuns` (TOP_RUNS) largest, and the
 * rest spread evenly in size order over the remaining ones, first and last included (rows of equal
 * size keep the order they were traced in). `topRuns` 0 is the even spread used until 2026-12-04.
 */
export function splitRuns(rows: readonly TraceRecord[], topRuns = TOP_RUNS): RunSplit {
  if (!(Number.isInteger(topRuns) && topRuns >= 0 && topRuns <= MAX_TRAIN_RUNS - 2)) throw new RangeError(`topRuns: expected a whole number in [0, ${MAX_TRAIN_RUNS - 2}], got ${topRuns}`);
  const sorted = [...rows].sort((a, b) => a.inputBytes - b.inputBytes);
  const cutoff = sorted[sorted.length - 1]!.inputBytes / 2;
  const small = sorted.filter((r) => r.inputBytes <= cutoff);
  const train = small.length <= MAX_TRAIN_RUNS ? small : [...spreadEvenly(small.slice(0, small.length - topRuns), MAX_TRAIN_RUNS - topRuns), ...small.slice(small.length - topRuns)];
  return holdOut(sorted, train);
}

/**
 * The same design with other repeats: each training run replaced by a run drawn at random (`random`
 * in [0, 1)) from its size group (among the runs ≤ half the largest), no run twice, and the held-out sets recomputed for the new sizes.
 * splitRuns takes the repeats in traced order, one draw of many; scoring many draws gives the
 * count the protocol reaches in expectation rather than with the repeats it happened to take.
 */
export function redrawRepeats(rows: readonly TraceRecord[], split: RunSplit, random: () => number): RunSplit {
  const sorted = [...rows].sort((a, b) => a.inputBytes - b.inputBytes);
  const cutoff = sorted[sorted.length - 1]!.inputBytes / 2;
  const groupOf = new Map<TraceRecord, TraceRecord[]>();
  for (const g of groupBySize(sorted.filter((r) => r.inputBytes <= cutoff))) for (const r of g) groupOf.set(r, g);
  const taken = new Set<TraceRecord>();
  const train = split.train.map((r) => {
    const free = (groupOf.get(r) ?? [r]).filter((x) => !taken.has(x));
    const pick = free[Math.floor(random() * free.length)]!;
    taken.add(pick);
    return pick;
  });
  return holdOut(sorted, train);
}
