/**
 * k-fold assignment by input size: distinct sizes are ranked and dealt round-robin to folds, so
 * every row of a size lands in the same fold and a held-out row is always an unseen size. Repeated
 * runs at one size therefore never leak into their own test fold. Deterministic.
 */

export interface FoldPlan {
  /** Fold of each row, or an empty plan when fewer than 2 distinct sizes exist. */
  readonly foldOfRow: readonly number[];
  readonly folds: number;
}

export function assignFolds(inputBytes: readonly number[], requestedFolds: number): FoldPlan {
  const sizes = [...new Set(inputBytes)].sort((a, b) => a - b);
  const folds = Math.min(Math.max(2, Math.floor(requestedFolds)), sizes.length);
  if (sizes.length < 2) return { foldOfRow: [], folds: 0 };
  const rank = new Map(sizes.map((s, i) => [s, i]));
  return { foldOfRow: inputBytes.map((x) => rank.get(x)! % folds), folds };
}
