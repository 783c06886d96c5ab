/**
 * Fit metrics on held-out predictions: MAPE (percent, over rows whose measured value is not 0)
 * and R². Undefined cases are null, never NaN: MAPE when every measured value is 0, R² when the
 * measured values do not vary.
 */

export interface FitMetrics {
  readonly mapePercent: number | null;
  readonly r2: number | null;
  /** Rows the metrics were computed on. */
  readonly rows: number;
  /** `k-fold`: each row predicted by a model that did not see its input size. `in-sample`: too few sizes to hold any out. */
  readonly method: "k-fold" | "in-sample";
  readonly folds: number;
}

export function computeMape(measured: readonly number[], predicted: readonly number[]): number | null {
  let sum = 0, count = 0;
  measured.forEach((y, i) => {
    if (y === 0) return;
    sum += Math.abs((predicted[i] ?? 0) - y) / Math.abs(y);
    count++;
  });
  return count === 0 ? null : (100 * sum) / count;
}

export function computeR2(measured: readonly number[], predicted: readonly number[]): number | null {
  if (measured.length === 0) return null;
  const mean = measured.reduce((s, y) => s + y, 0) / measured.length;
  const ssTot = measured.reduce((s, y) => s + (y - mean) ** 2, 0);
  const ssRes = measured.reduce((s, y, i) => s + (y - (predicted[i] ?? 0)) ** 2, 0);
  if (ssTot <= 1e-12 * Math.max(1, mean * mean) * measured.length) return null;
  return 1 - ssRes / ssTot;
}

export function computeRmse(measured: readonly number[], predicted: readonly number[]): number {
  if (measured.length === 0) return 0;
  return Math.sqrt(measured.reduce((s, y, i) => s + (y - (predicted[i] ?? 0)) ** 2, 0) / measured.length);
}

/** Quantile of sorted values with linear interpolation (R's type 7); 0 for no values. */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = Math.min(Math.max(q, 0), 1) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}
