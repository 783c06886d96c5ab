/**
 * k-fold assignment by input size: distinct sizes are ranked and dealt round-robin to folds, so
 * every row of a size lands in the same fold and a held-out row is always an unseen size. Repeated
 * runs at one size therefore never leak into their own test fold. Deterministic; O(n log n) for
 * a million rows (sizes ranked by binary search over the sorted distinct sizes).
 */

export interface FoldPlan {
  /** Fold of each row (empty when fewer than 2 distinct sizes exist). */
  readonly foldOfRow: Int32Array;
  readonly folds: number;
  /** The distinct input sizes, ascending. */
  readonly sizes: Float64Array;
  /** Each row's size rank (index into `sizes`). */
  readonly rankOfRow: Int32Array;
}

export function distinctSorted(xs: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(xs).sort();
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[k - 1]) sorted[k++] = sorted[i]!;
  return sorted.slice(0, k);
}

export function rankOf(sizes: Float64Array, x: number): number {
  let lo = 0, hi = sizes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sizes[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function assignFolds(inputBytes: ArrayLike<number>, requestedFolds: number): FoldPlan {
  const sizes = distinctSorted(inputBytes);
  const rankOfRow = new Int32Array(inputBytes.length);
  for (let i = 0; i < inputBytes.length; i++) rankOfRow[i] = rankOf(sizes, inputBytes[i]!);
  if (sizes.length < 2) return { foldOfRow: new Int32Array(0), folds: 0, sizes, rankOfRow };
  const folds = Math.min(Math.max(2, Math.floor(requestedFolds)), sizes.length);
  const foldOfRow = Int32Array.from(rankOfRow, (r) => r % folds);
  return { foldOfRow, folds, sizes, rankOfRow };
}

/** Row indexes in size order (ties by row), by counting sort over the ranks: O(n). */
export function sizeOrder(plan: FoldPlan): Uint32Array {
  const start = new Uint32Array(plan.sizes.length + 1);
  for (const r of plan.rankOfRow) start[r + 1]!++;
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
  const out = new Uint32Array(plan.rankOfRow.length);
  plan.rankOfRow.forEach((r, i) => {
    out[start[r]!++] = i;
  });
  return out;
}
