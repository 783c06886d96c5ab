/**
 * Refuses families whose extrapolation explodes. Plans are made far beyond the traced sizes (a
 * profile traced to 128 MiB plans a 1 TiB input, 8,192× beyond), where a family's shape, not its
 * fit, decides the prediction: a quadratic fitted to 0.26–5.9 MB of memory that the data barely
 * bends predicts 10 GB at 100 GiB.
 *
 * The rule: beyond the largest trained size a family may grow no faster than the data itself
 * shows, or than linearly, whichever is steeper, plus a tolerance. Growth is the log-log slope
 * from the largest trained size x to 10⁴·x, in log(1 + y) as the power law is fitted; the data's
 * own slope is a power law fitted to the upper half of the distinct sizes. A family that turns
 * negative or non-finite out there is refused too. Constant and power law are never refused for
 * growth (a power law's slope is the data's); a truly quadratic trace (slope ≈ 2 on its upper
 * half) keeps its quadratic.
 */
import { distinctSorted } from "../assign-folds.js";
import type { TargetRows } from "./cross-validate.js";
import { fitPowerLaw } from "../regressors/power-law.js";
import { predictModel } from "../regressors/predict-model.js";
import type { ModelArtifact } from "../regressors/types.js";

export const FAR_FACTOR = 1e4;
export const SLOPE_TOLERANCE = 0.25;
const CHECK_FACTORS = [2, 10, 100, 1e3, FAR_FACTOR];
const MAX_ROWS = 4000;

/** Log-log growth of a model from x to FAR_FACTOR · x, in log(1 + y). */
export function farSlope(model: ModelArtifact, xMax: number): number {
  const at = (x: number) => Math.log1p(Math.max(predictModel(model, x), 0));
  return (at(xMax * FAR_FACTOR) - at(xMax)) / Math.log(FAR_FACTOR);
}

/** The data's own log-log slope over the upper half of its distinct sizes (all of them below 4 sizes). */
export function dataSlope(rows: TargetRows): number | undefined {
  const sizes = distinctSorted(rows.x);
  if (sizes.length < 2) return undefined;
  const from = sizes.length >= 4 ? sizes[Math.floor(sizes.length / 2)]! : sizes[0]!;
  const xs: number[] = [], ys: number[] = [];
  const step = Math.max(1, Math.floor(rows.x.length / MAX_ROWS));
  for (let i = 0; i < rows.x.length; i += step) {
    if (rows.x[i]! < from) continue;
    xs.push(rows.x[i]!);
    ys.push(rows.y[i]!);
  }
  const fit = fitPowerLaw({ inputBytes: xs, values: ys });
  return fit.status === "fitted" && fit.model.family === "power" ? fit.model.exponent : undefined;
}

/** Why `model` may not extrapolate from `xMax`, or undefined when it may. */
export function refuseExtrapolation(model: ModelArtifact, xMax: number, slope: number | undefined): string | undefined {
  if (model.family === "constant") return undefined;
  for (const k of CHECK_FACTORS) {
    const y = predictModel(model, xMax * k);
    if (!Number.isFinite(y)) return `not finite at ${k}× the largest trained size`;
    if (y < 0) return `turns negative at ${k}× the largest trained size`;
  }
  if (model.family === "power" || slope === undefined) return undefined;
  const grows = farSlope(model, xMax);
  const limit = Math.max(1, slope) + SLOPE_TOLERANCE;
  if (grows > limit) return `grows as x^${grows.toFixed(2)} beyond the data, which grows as x^${slope.toFixed(2)} (limit x^${limit.toFixed(2)})`;
  return undefined;
}
