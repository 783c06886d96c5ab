/**
 * Weighted least squares through the normal equations `(AᵀWA) c = AᵀWy`, solved by Gaussian
 * elimination (linear-solve.ts). Callers scale their features to about [0, 1] first so AᵀA stays
 * well conditioned.
 */
import { gaussianSolve } from "./linear-solve.js";

/** Coefficients minimising ‖A c − y‖², or undefined when AᵀA is singular or the result not finite. */
export function solveLeastSquares(design: readonly (readonly number[])[], values: readonly number[], weights?: readonly number[]): number[] | undefined {
  // Scale y and the weights to about 1: a pivot below 1e-12 counts as singular (as in mathjs).
  const yScale = maxAbs(values) || 1;
  const wScale = weights === undefined ? 1 : maxAbs(weights) || 1;
  // AᵀWA and AᵀWy are p×p and p×1 sums (p ≤ 4): formed directly, then solved.
  const p = design[0]?.length ?? 0;
  const ata = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const aty = new Array<number>(p).fill(0);
  design.forEach((row, i) => {
    const w = (weights?.[i] ?? 1) / wScale;
    const y = values[i]! / yScale;
    for (let j = 0; j < p; j++) {
      aty[j] = aty[j]! + w * row[j]! * y;
      for (let k = 0; k < p; k++) ata[j]![k] = ata[j]![k]! + w * row[j]! * row[k]!;
    }
  });
  if (p === 0) return undefined;
  const solution = gaussianSolve(ata, aty);
  if (solution === undefined) return undefined;
  const coefficients = solution.map((c) => c * yScale);
  return coefficients.every(Number.isFinite) ? coefficients : undefined;
}

/** The largest |value| (0 for none), without spreading the values into a call. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}

export function countDistinct(xs: readonly number[]): number {
  return new Set(xs).size;
}

/**
 * Least absolute error, each row's residual divided by `scales[i]` (|y| for relative error, as MAPE
 * measures it; 1 for plain absolute error), by iteratively reweighted least squares: starting from
 * least squares weighted 1/scale², each pass reweights a row by 1 / (scale · max(|residual|, ε)).
 * The fit becomes median-like — one slow outlier run no longer drags the curve.
 */
export function solveLeastAbsolute(design: readonly (readonly number[])[], values: readonly number[], scales: readonly number[], iterations = 6): number[] | undefined {
  let coefficients = solveLeastSquares(design, values, scales.map((s) => 1 / (s * s)));
  const meanAbs = values.reduce((s, v) => s + Math.abs(v), 0) / Math.max(1, values.length);
  for (let k = 0; k < iterations && coefficients !== undefined; k++) {
    const c = coefficients;
    const weights = values.map((y, i) => {
      const r = Math.abs(y - design[i]!.reduce((s, a, j) => s + a * c[j]!, 0));
      return 1 / (scales[i]! * Math.max(r, 1e-4 * meanAbs, 1e-12));
    });
    coefficients = solveLeastSquares(design, values, weights) ?? coefficients;
  }
  return coefficients;
}

/** Row scales for relative error: |y|, floored at 0.1% of the mean |y| so zeros do not dominate. */
export function relativeScales(values: readonly number[]): number[] {
  const mean = values.reduce((s, v) => s + Math.abs(v), 0) / Math.max(1, values.length);
  const floor = Math.max(1e-3 * mean, 1e-12);
  return values.map((v) => Math.max(Math.abs(v), floor));
}
