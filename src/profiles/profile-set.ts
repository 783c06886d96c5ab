/**
 * A trained profile set: the data plus the ProfileProvider the planner consumes. `profileFor`
 * returns plain functions at the requested per-target quantiles (0.5, the median, by default).
 */
import { inputError } from "../errors.js";
import type { ProfileSetData } from "./profile-set-data.js";
import { predictTargetAt } from "./predict-target.js";
import type { FunctionProfile, ProfileProvider, TargetQuantiles } from "./types.js";

export interface ProfileSet extends ProfileProvider {
  readonly data: ProfileSetData;
}

function checkQuantile(target: string, q: number): number {
  if (!(q > 0 && q < 1)) throw inputError("Invalid quantile", { code: "invalid_value", path: ["quantiles", target], message: "quantile out of range", expected: "a number in (0, 1)", actual: String(q) });
  return q;
}

export function createProfileSet(data: ProfileSetData): ProfileSet {
  const functionNames = Object.keys(data.functions).sort();
  return {
    kind: "provider",
    data,
    functionNames,
    trainedInputBytes(functionName: string) {
      const fn = data.functions[functionName];
      return fn === undefined || !Object.prototype.hasOwnProperty.call(data.functions, functionName) ? undefined : { min: fn.inputBytesMin, max: fn.inputBytesMax };
    },
    profileFor(functionName: string, quantiles: TargetQuantiles): FunctionProfile | undefined {
      if (!Object.prototype.hasOwnProperty.call(data.functions, functionName)) return undefined;
      const fn = data.functions[functionName]!;
      const q = {
        runtimeMs: checkQuantile("runtimeMs", quantiles.runtimeMs ?? 0.5),
        memoryMb: checkQuantile("memoryMb", quantiles.memoryMb ?? 0.5),
        outputBytes: checkQuantile("outputBytes", quantiles.outputBytes ?? 0.5),
        fanout: checkQuantile("fanout", quantiles.fanout ?? 0.5),
      };
      return {
        runtimeMs: (b) => predictTargetAt(fn.targets.runtimeMs, b, q.runtimeMs),
        memoryMb: (b) => predictTargetAt(fn.targets.memoryMb, b, q.memoryMb),
        outputBytes: (b) => predictTargetAt(fn.targets.outputBytes, b, q.outputBytes),
        fanout: (b) => predictTargetAt(fn.targets.fanout, b, q.fanout),
      };
    },
  };
}
