/**
 * A target's prediction at a quantile of its predictive distribution: the model's point value
 * shifted by that quantile of the held-out residuals — added for absolute residuals, multiplied
 * (in 1 + y) for relative ones. Never negative. q = 0.5 is the median.
 */
import { quantileOfSorted } from "./fit-metrics.js";
import type { TargetProfileData } from "./profile-set-data.js";
import { predictModel } from "./regressors/predict-model.js";

export function predictTargetAt(target: TargetProfileData, inputBytes: number, quantile: number): number {
  const point = predictModel(target.model, inputBytes);
  const shift = quantileOfSorted(target.residuals, quantile);
  const value = target.residualMode === "absolute" ? point + shift : Math.expm1(Math.log1p(Math.max(point, 0)) + shift);
  return Number.isFinite(value) ? Math.max(0, value) : 0;
}
