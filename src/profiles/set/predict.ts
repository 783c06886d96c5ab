/**
 * predict(profiles, functionName, inputBytes): SONIC's four parameters at one input size, each as
 * a median with an interval from the held-out residual quantiles, flagged when the size lies outside
 * the sizes the function was trained on — with, per target, by what factor and how much wider the
 * interval is there. The median is the model the metrics table shows.
 */
import { show, sluiceError, suggestionParams } from "../../errors.js";
import type { ProfileSet } from "./profile-set.js";
import { targetData } from "./profile-set.js";
import { predictTargetAt } from "./predict-target.js";
import { PROFILE_TARGETS, type Extrapolation, type ProfileTarget, type Segment } from "../types.js";

export interface PredictedValue {
  readonly median: number;
  /** The (1 − level)/2 quantile. */
  readonly low: number;
  /** The (1 + level)/2 quantile. */
  readonly high: number;
}

export type InputRange = "within" | "below" | "above";

export type Prediction = Readonly<Partial<Record<ProfileTarget, PredictedValue>>> & {
  readonly functionName: string;
  readonly inputBytes: number;
  /** Central probability of [low, high], e.g. 0.9. */
  readonly level: number;
  readonly inputRange: InputRange;
  readonly trainedInputBytes: { readonly min: number; readonly max: number };
  /** Targets predicted beyond the sizes they were trained on. */
  readonly extrapolations: readonly Extrapolation[];
};

export interface PredictOptions {
  /** Interval level (default 0.9: from the 0.05 to the 0.95 quantile). */
  readonly level?: number;
  /** Configured memory size, for runtimes trained at several settings. */
  readonly memoryMb?: number;
  /** Warm (default) or cold invocations. */
  readonly segment?: Segment;
  /** The stage's total input, for fanout (default: inputBytes). */
  readonly stageInputBytes?: number;
}

export function predict(profiles: ProfileSet, functionName: string, inputBytes: number, options: PredictOptions = {}): Prediction {
  const fn = Object.prototype.hasOwnProperty.call(profiles.data.functions, functionName) ? profiles.data.functions[functionName] : undefined;
  if (fn === undefined) throw sluiceError("profiles.unknownFunction", { path: ["functionName"], expected: `one of ${profiles.functionNames.join(", ")}`, actual: show(functionName), params: { suggestion: suggestionParams(functionName, profiles.functionNames).suggestion } });
  if (!(Number.isFinite(inputBytes) && inputBytes >= 0)) throw sluiceError("profiles.notASize", { path: ["inputBytes"], actual: inputBytes });
  const level = options.level ?? 0.9;
  if (!(level > 0 && level < 1)) throw sluiceError("profiles.intervalLevel", { path: ["level"], actual: level });
  if (options.memoryMb !== undefined && !(Number.isFinite(options.memoryMb) && options.memoryMb > 0)) throw sluiceError("profiles.memorySetting", { path: ["memoryMb"], actual: options.memoryMb });
  const stageBytes = options.stageInputBytes ?? inputBytes;
  const values: Partial<Record<ProfileTarget, PredictedValue>> = {};
  for (const t of PROFILE_TARGETS) {
    const d = targetData(fn, options.segment, t);
    if (d === undefined) continue;
    const x = t === "fanout" ? stageBytes : inputBytes;
    values[t] = { median: predictTargetAt(d, x, 0.5, options.memoryMb), low: predictTargetAt(d, x, (1 - level) / 2, options.memoryMb), high: predictTargetAt(d, x, (1 + level) / 2, options.memoryMb) };
  }
  const inputRange: InputRange = inputBytes < fn.inputBytesMin ? "below" : inputBytes > fn.inputBytesMax ? "above" : "within";
  return { ...values, functionName, inputBytes, level, inputRange, trainedInputBytes: { min: fn.inputBytesMin, max: fn.inputBytesMax }, extrapolations: profiles.extrapolations!(functionName, inputBytes, stageBytes) };
}
