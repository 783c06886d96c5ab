/**
 * What the planner needs to know about a function: SONIC's four DAG parameters as functions of size.
 * Profiles reach `plan()` either as plain functions per function name or as a provider (a trained
 * profile set) that resolves to plain functions at requested quantiles.
 */

export interface FunctionProfile {
  /** Wall time of one instance, excluding data passing, for its input bytes. */
  runtimeMs(instanceInputBytes: number): number;
  /** Peak memory of one instance. */
  memoryMb(instanceInputBytes: number): number;
  /** Output bytes one instance writes. */
  outputBytes(instanceInputBytes: number): number;
  /** Instances of the next stage, from this stage's total input bytes. */
  fanout(stageInputBytes: number): number;
  /**
   * True when `runtimeMs` was measured with the instance's own object-store reads of its input and
   * writes of its output included (end-to-end durations from traces): the planner then takes that
   * I/O out (physics/io-included.ts) before adding the transfers a plan chooses.
   */
  readonly runtimeIncludesIo?: boolean;
}

export const PROFILE_TARGETS = ["runtimeMs", "memoryMb", "outputBytes", "fanout"] as const;
export type ProfileTarget = (typeof PROFILE_TARGETS)[number];

/** Per-target quantile of the predictive distribution to plan for (0.5 = the median). */
export type TargetQuantiles = Partial<Record<ProfileTarget, number>>;

export interface ProfileProvider {
  readonly kind: "provider";
  readonly functionNames: readonly string[];
  /** Plain functions for `functionName` at the given quantiles; undefined if the function is unknown. */
  profileFor(functionName: string, quantiles: TargetQuantiles): FunctionProfile | undefined;
  /** For learned profiles: the input sizes the function was trained on (predictions outside are extrapolations). */
  trainedInputBytes?(functionName: string): { readonly min: number; readonly max: number } | undefined;
}

/** Plain functions keyed by function name. */
export type ProfileFunctions = Readonly<Record<string, FunctionProfile>>;

export type Profiles = ProfileFunctions | ProfileProvider;

export function isProfileProvider(p: Profiles): p is ProfileProvider {
  return (p as ProfileProvider).kind === "provider" && typeof (p as ProfileProvider).profileFor === "function";
}

/** Wraps plain functions as a provider (quantiles do not apply to point functions). */
export function toProfileProvider(p: Profiles): ProfileProvider {
  if (isProfileProvider(p)) return p;
  const names = Object.keys(p).sort();
  return {
    kind: "provider",
    functionNames: names,
    profileFor: (name) => (Object.prototype.hasOwnProperty.call(p, name) ? p[name] : undefined),
  };
}

/**
 * A number means "plan memory and output size at this quantile" (runtime and fanout stay at the
 * median): memory must not be under-predicted, and output size drives memory and transfer time.
 */
export function resolveQuantiles(q: number | TargetQuantiles | undefined): TargetQuantiles {
  if (q === undefined) return {};
  if (typeof q === "number") return { memoryMb: q, outputBytes: q };
  return q;
}
