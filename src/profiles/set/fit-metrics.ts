/**
 * Fit metrics: MAPE (percent, over rows whose measured value is not 0) and R². Undefined cases are
 * null, never NaN: MAPE when every measured value is 0, R² when the measured values do not vary.
 */

export interface FitMetrics {
  /** MAPE of the model `predict` uses (the full fit) over every training row. */
  readonly fitMapePercent: number | null;
  /** Leave-largest-sizes-out: trained on the smaller two thirds of the sizes, scored on the largest third. */
  readonly extrapolationMapePercent: number | null;
  /** k-fold by size: every row predicted by a model that did not see its input size. */
  readonly kfoldMapePercent: number | null;
  /** k-fold R². */
  readonly r2: number | null;
  /** Rows the target was trained on. */
  readonly rows: number;
  readonly distinctInputSizes: number;
  /** `k-fold`: validated on unseen sizes. `in-sample`: too few sizes to hold any out. */
  readonly method: "k-fold" | "in-sample";
  readonly folds: number;
}

/**
 * Mean absolute percentage error over the rows whose measured value is not 0. A measured value
 * closer to 0 than a thousandth of the mean |value| is divided by that thousandth instead — the floor
 * the fits use for relative error (regressors/least-squares.ts relativeScales) — so one near-zero
 * row (a 1e-323 ms runtime) cannot make the error infinite; an error past the largest double is
 * that double.
 */
export function computeMape(measured: ArrayLike<number>, predicted: ArrayLike<number>): number | null {
  let meanAbs = 0;
  for (let i = 0; i < measured.length; i++) meanAbs += Math.abs(measured[i]!) / measured.length;
  const floor = 1e-3 * meanAbs;
  let sum = 0, count = 0;
  for (let i = 0; i < measured.length; i++) {
    const y = measured[i]!;
    if (y === 0) continue;
    sum += Math.abs((predicted[i] ?? 0) - y) / Math.max(Math.abs(y), floor);
    count++;
  }
  // A sum past the largest double (a 1.8e308 ms runtime predicted from its neighbours) is the worst
  // error there is, kept finite so no metric is written as Infinity.
  return count === 0 ? null : Math.min((100 * sum) / count, Number.MAX_VALUE);
}

export function computeR2(measured: ArrayLike<number>, predicted: ArrayLike<number>): number | null {
  const n = measured.length;
  if (n === 0) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += measured[i]!;
  mean /= n;
  let ssTot = 0, ssRes = 0;
  for (let i = 0; i < n; i++) {
    ssTot += (measured[i]! - mean) ** 2;
    ssRes += (measured[i]! - (predicted[i] ?? 0)) ** 2;
  }
  if (ssTot <= 1e-12 * Math.max(1, mean * mean) * n) return null;
  // Predictions at absurd sizes (1e300 bytes) overflow the squares: no R² rather than -Infinity or NaN.
  const r2 = 1 - ssRes / ssTot;
  return Number.isFinite(r2) ? r2 : null;
}

export function computeRmse(measured: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const n = measured.length;
  if (n === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += (measured[i]! - (predicted[i] ?? 0)) ** 2;
  return Math.sqrt(s / n);
}
