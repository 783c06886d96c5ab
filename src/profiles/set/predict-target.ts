/**
 * A target's prediction at a quantile of its predictive distribution: the model's point value
 * (scaled by the memory law at a configured memory size, if the target has one) moved by that
 * quantile of the centred residuals, widened beyond the trained sizes: (1 + y_q) = (1 + ŷ) ·
 * exp(r_q · width(x)). q = 0.5 is the point model itself. Never negative; a count family's values
 * stay whole counts (rounded up, at least 1).
 */
import { memoryScale } from "./memory-factor.js";
import type { TargetProfileData } from "./profile-set-data.js";
import { predictModel } from "../regressors/predict-model.js";
import { COUNT_FAMILIES } from "../regressors/types.js";
import { extrapolationWidth, residualAt } from "./residual-summary.js";

/** The residual factor at quantile q and input x: (1 + y_q) / (1 + ŷ). */
export function residualFactorAt(target: TargetProfileData, quantile: number, inputBytes?: number): number {
  const width = inputBytes === undefined ? 1 : extrapolationWidth(inputBytes, target.inputBytesMin, target.inputBytesMax);
  return Math.exp(residualAt(target.residuals, quantile) * width);
}

export function predictTargetAt(target: TargetProfileData, inputBytes: number, quantile: number, memoryMb?: number): number {
  const point = predictModel(target.model, inputBytes) * memoryScale(target.memoryFactor, memoryMb, inputBytes);
  const factor = quantile === 0.5 ? 1 : residualFactorAt(target, quantile, inputBytes);
  const value = factor === 1 ? point : Math.expm1(Math.log1p(Math.max(point, 0)) + Math.log(factor));
  if (!Number.isFinite(value)) return value; // the estimate phase names the function and target
  return COUNT_FAMILIES.has(target.model.family) ? Math.max(1, Math.ceil(value - 1e-9)) : Math.max(0, value);
}
