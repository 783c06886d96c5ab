/**
 * A target's prediction at a quantile of its predictive distribution: the model's point value
 * shifted by that quantile of the held-out residuals — added for absolute residuals, multiplied
 * (in 1 + y) for relative ones. Never negative. q = 0.5 is the median. A count family's values
 * stay whole counts (rounded up, at least 1).
 */
import { quantileOfSorted } from "./fit-metrics.js";
import type { TargetProfileData } from "./profile-set-data.js";
import { predictModel } from "./regressors/predict-model.js";
import { COUNT_FAMILIES } from "./regressors/types.js";

export function predictTargetAt(target: TargetProfileData, inputBytes: number, quantile: number): number {
  const point = predictModel(target.model, inputBytes);
  const shift = quantileOfSorted(target.residuals, quantile);
  const value = target.residualMode === "absolute" ? point + shift : Math.expm1(Math.log1p(Math.max(point, 0)) + shift);
  if (!Number.isFinite(value)) return 0;
  return COUNT_FAMILIES.has(target.model.family) ? Math.max(1, Math.ceil(value - 1e-9)) : Math.max(0, value);
}
