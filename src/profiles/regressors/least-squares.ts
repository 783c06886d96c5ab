/**
 * Weighted least squares through the normal equations `(AᵀWA) c = AᵀWy`, solved by mathjs
 * `lusolve`. Callers scale their features to about [0, 1] first so AᵀA stays well conditioned.
 */
import { lusolve, multiply, transpose } from "mathjs";

/** Coefficients minimising ‖A c − y‖², or undefined when AᵀA is singular or the result not finite. */
export function solveLeastSquares(design: readonly (readonly number[])[], values: readonly number[], weights?: readonly number[]): number[] | undefined {
  // Scale y and the weights to about 1: mathjs treats pivots below its epsilon as singular.
  const yScale = Math.max(...values.map(Math.abs)) || 1;
  const wScale = weights === undefined ? 1 : Math.max(...weights) || 1;
  const root = (i: number) => Math.sqrt((weights?.[i] ?? 1) / wScale);
  const a = design.map((r, i) => r.map((v) => v * root(i)));
  const at = transpose(a);
  const ata = multiply(at, a) as number[][];
  const aty = multiply(at, values.map((v, i) => [(v / yScale) * root(i)])) as number[][];
  let solution: number[][];
  try {
    solution = lusolve(ata, aty) as number[][];
  } catch {
    return undefined;
  }
  const coefficients = solution.map((r) => (r[0] ?? Number.NaN) * yScale);
  return coefficients.every(Number.isFinite) ? coefficients : undefined;
}

export function countDistinct(xs: readonly number[]): number {
  return new Set(xs).size;
}

/**
 * Weights 1/y² make least squares minimise relative error (what MAPE measures, and the shape of
 * multiplicative noise); y near 0 is floored at 0.1% of the mean |y| so zeros do not dominate.
 */
export function relativeWeights(values: readonly number[]): number[] {
  const mean = values.reduce((s, v) => s + Math.abs(v), 0) / Math.max(1, values.length);
  const floor = Math.max(1e-3 * mean, 1e-12);
  return values.map((v) => 1 / Math.max(Math.abs(v), floor) ** 2);
}
