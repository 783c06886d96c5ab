/**
 * A trained profile set: the data plus the ProfileProvider the planner consumes. `profileFor`
 * returns plain functions at the requested per-target quantiles (0.5, the median, by default), for
 * warm or cold invocations, or warm with a share of cold starts mixed into the runtime. A target the
 * traces never had throws a typed error naming the function and the target when it is asked for.
 */
import { sluiceError } from "../../errors.js";
import type { FunctionProfileData, ProfileSetData, SegmentProfileData, TargetProfileData } from "./profile-set-data.js";
import { predictTargetAt, residualFactorAt } from "./predict-target.js";
import { extrapolationWidth } from "./residual-summary.js";
import { PROFILE_TARGETS, type Extrapolation, type FunctionProfile, type ProfileContext, type ProfileProvider, type ProfileTarget, type ResidualQuantiles, type Segment, type TargetQuantiles } from "../types.js";

export interface ProfileSet extends ProfileProvider {
  readonly data: ProfileSetData;
}

function checkQuantile(target: string, q: number): number {
  if (!(q > 0 && q < 1)) throw sluiceError("profiles.quantileOutOfRange", { path: ["quantiles", target], actual: q });
  return q;
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The segment's data: the cold profile when asked and traced, else the main one. */
export function segmentData(fn: FunctionProfileData, segment: Segment | undefined): SegmentProfileData {
  return segment === "cold" && fn.cold !== undefined ? fn.cold : fn;
}

/** A target's data in a segment, falling back to the main profile, then the cold one. */
export function targetData(fn: FunctionProfileData, segment: Segment | undefined, target: ProfileTarget): TargetProfileData | undefined {
  return segmentData(fn, segment).targets[target] ?? fn.targets[target] ?? fn.cold?.targets[target];
}

export function createProfileSet(data: ProfileSetData): ProfileSet {
  const functionNames = Object.keys(data.functions).sort();
  const fnData = (name: string) => own(data.functions, name);
  return {
    kind: "provider",
    data,
    functionNames,
    trainedInputBytes(functionName: string) {
      const fn = fnData(functionName);
      return fn === undefined ? undefined : { min: fn.inputBytesMin, max: fn.inputBytesMax };
    },
    profileFor(functionName: string, quantiles: TargetQuantiles, context: ProfileContext = {}): FunctionProfile | undefined {
      const fn = fnData(functionName);
      if (fn === undefined) return undefined;
      const q = Object.fromEntries(PROFILE_TARGETS.map((t) => [t, checkQuantile(t, quantiles[t] ?? 0.5)])) as Record<ProfileTarget, number>;
      const coldFraction = context.coldFraction ?? 0;
      if (!(coldFraction >= 0 && coldFraction <= 1)) throw sluiceError("profiles.coldFraction", { path: ["coldFraction"], actual: coldFraction });
      const need = (t: ProfileTarget): TargetProfileData => {
        const d = targetData(fn, context.segment, t);
        if (d === undefined) {
          throw sluiceError("profiles.untrainedTarget", { path: ["profiles", functionName, t], actual: fn.untrained[t] ?? "untrained", params: { function: functionName, target: t } });
        }
        return d;
      };
      const at = (t: ProfileTarget) => (bytes: number, memoryMb?: number) => predictTargetAt(need(t), bytes, q[t], memoryMb);
      const coldRuntime = context.segment !== "cold" && fn.segment === "warm" ? fn.cold?.targets.runtimeMs : undefined;
      const runtime = at("runtimeMs");
      return {
        runtimeMs:
          coldFraction > 0 && coldRuntime !== undefined
            ? (b, m) => (1 - coldFraction) * runtime(b, m) + coldFraction * predictTargetAt(coldRuntime, b, q.runtimeMs, m)
            : runtime,
        memoryMb: at("memoryMb"),
        outputBytes: at("outputBytes"),
        fanout: at("fanout"),
      };
    },
    extrapolations(functionName: string, instanceInputBytes: number, stageInputBytes: number): Extrapolation[] {
      const fn = fnData(functionName);
      if (fn === undefined) return [];
      const out: Extrapolation[] = [];
      for (const target of PROFILE_TARGETS) {
        const d = fn.targets[target];
        if (d === undefined) continue;
        const x = target === "fanout" ? stageInputBytes : instanceInputBytes;
        const above = x > d.inputBytesMax, below = x < d.inputBytesMin;
        if (!above && !below) continue;
        out.push({
          target,
          factor: above ? x / d.inputBytesMax : d.inputBytesMin / Math.max(x, 1),
          direction: above ? "above" : "below",
          trainedMinBytes: d.inputBytesMin,
          trainedMaxBytes: d.inputBytesMax,
          intervalWidening: extrapolationWidth(x, d.inputBytesMin, d.inputBytesMax),
        });
      }
      return out;
    },
    residuals(functionName: string, target: ProfileTarget, segment?: Segment): ResidualQuantiles | undefined {
      const fn = fnData(functionName);
      const d = fn === undefined ? undefined : targetData(fn, segment, target);
      if (d === undefined) return undefined;
      return { rows: d.residuals.rows, quantile: (q: number, inputBytes?: number) => residualFactorAt(d, checkQuantile(target, q), inputBytes) };
    },
    memorySettingsMb(functionName: string) {
      const law = fnData(functionName)?.targets.runtimeMs?.memoryFactor;
      return law === undefined ? undefined : { min: law.minMb, max: law.maxMb };
    },
    segments(functionName: string): Segment[] {
      const fn = fnData(functionName);
      if (fn === undefined) return [];
      return fn.cold !== undefined ? [fn.segment, "cold"] : [fn.segment];
    },
  };
}
