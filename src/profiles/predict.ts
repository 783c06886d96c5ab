/**
 * predict(profiles, functionName, inputBytes): SONIC's four parameters at one input size, each as
 * a median with an interval from held-out residual quantiles, and a flag when the size lies
 * outside the sizes the function was trained on (an extrapolation).
 */
import { inputError } from "../errors.js";
import type { ProfileSet } from "./profile-set.js";
import { predictTargetAt } from "./predict-target.js";
import { PROFILE_TARGETS, type ProfileTarget } from "./types.js";

export interface PredictedValue {
  readonly median: number;
  /** The (1 − level)/2 quantile. */
  readonly low: number;
  /** The (1 + level)/2 quantile. */
  readonly high: number;
}

export type InputRange = "within" | "below" | "above";

export type Prediction = Readonly<Record<ProfileTarget, PredictedValue>> & {
  readonly functionName: string;
  readonly inputBytes: number;
  /** Central probability of [low, high], e.g. 0.9. */
  readonly level: number;
  readonly inputRange: InputRange;
  readonly trainedInputBytes: { readonly min: number; readonly max: number };
};

export interface PredictOptions {
  /** Interval level (default 0.9: from the 0.05 to the 0.95 quantile). */
  readonly level?: number;
}

export function predict(profiles: ProfileSet, functionName: string, inputBytes: number, options: PredictOptions = {}): Prediction {
  const fn = Object.prototype.hasOwnProperty.call(profiles.data.functions, functionName) ? profiles.data.functions[functionName] : undefined;
  if (fn === undefined) throw inputError("Cannot predict", { code: "unknown_reference", path: ["functionName"], message: "no profile for this function", expected: `one of ${profiles.functionNames.join(", ")}`, actual: JSON.stringify(functionName) });
  if (!(Number.isFinite(inputBytes) && inputBytes >= 0)) throw inputError("Cannot predict", { code: "invalid_value", path: ["inputBytes"], message: "not a size", expected: "a finite number of bytes ≥ 0", actual: String(inputBytes) });
  const level = options.level ?? 0.9;
  if (!(level > 0 && level < 1)) throw inputError("Cannot predict", { code: "invalid_value", path: ["level"], message: "interval level out of range", expected: "a number in (0, 1)", actual: String(level) });
  const at = (t: ProfileTarget): PredictedValue => ({
    median: predictTargetAt(fn.targets[t], inputBytes, 0.5),
    low: predictTargetAt(fn.targets[t], inputBytes, (1 - level) / 2),
    high: predictTargetAt(fn.targets[t], inputBytes, (1 + level) / 2),
  });
  const values = Object.fromEntries(PROFILE_TARGETS.map((t) => [t, at(t)])) as Record<ProfileTarget, PredictedValue>;
  const inputRange: InputRange = inputBytes < fn.inputBytesMin ? "below" : inputBytes > fn.inputBytesMax ? "above" : "within";
  return { ...values, functionName, inputBytes, level, inputRange, trainedInputBytes: { min: fn.inputBytesMin, max: fn.inputBytesMax } };
}
