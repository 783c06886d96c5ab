/**
 * What the planner needs to know about a function: SONIC's four DAG parameters as functions of size.
 * Profiles reach `plan()` either as plain functions per function name or as a provider (a trained
 * profile set) that resolves to plain functions at requested quantiles.
 */

export interface FunctionProfile {
  /**
   * Wall time of one instance, excluding data passing, for its input bytes — at the configured
   * memory size when given and the profile knows how runtime depends on it (trained on several
   * memory settings); otherwise memory does not change it.
   */
  runtimeMs(instanceInputBytes: number, memoryMb?: number): number;
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

/** Warm invocations reuse a container; cold ones start a fresh one. */
export type Segment = "warm" | "cold";

/**
 * A learned target's residual distribution as a quantile function: `(measured + 1) ≈ (predicted + 1) ·
 * quantile(q)` (≈ measured / predicted for values ≫ 1). quantile(0.5) = 1: the point model is the
 * median. The spread widens beyond the trained input sizes (pass the input to see by how much).
 */
export interface ResidualQuantiles {
  quantile(q: number, inputBytes?: number): number;
  /** Held-out residuals the summary was made from. */
  readonly rows: number;
}

/** Where a prediction stands against the sizes a learned target was trained on. */
export interface Extrapolation {
  readonly target: ProfileTarget;
  /** x / trained max above the range, trained min / x below it (≥ 1). */
  readonly factor: number;
  readonly direction: "above" | "below";
  readonly trainedMinBytes: number;
  readonly trainedMaxBytes: number;
  /** How much wider the prediction interval is there than inside the range. */
  readonly intervalWidening: number;
}

/** How to resolve a provider's profile beyond the quantiles. */
export interface ProfileContext {
  /** Which invocations to predict (default warm). */
  readonly segment?: Segment;
  /** Share of invocations that start cold: runtime mixes the warm and cold profiles (default 0). */
  readonly coldFraction?: number;
}

/** Per-target quantile of the predictive distribution to plan for (0.5 = the median). */
export type TargetQuantiles = Partial<Record<ProfileTarget, number>>;

export interface ProfileProvider {
  readonly kind: "provider";
  readonly functionNames: readonly string[];
  /** Plain functions for `functionName` at the given quantiles; undefined if the function is unknown. */
  profileFor(functionName: string, quantiles: TargetQuantiles, context?: ProfileContext): FunctionProfile | undefined;
  /** For learned profiles: the input sizes the function was trained on (predictions outside are extrapolations). */
  trainedInputBytes?(functionName: string): { readonly min: number; readonly max: number } | undefined;
  /** For learned profiles: the targets a prediction at these sizes extrapolates, with by how much. */
  extrapolations?(functionName: string, instanceInputBytes: number, stageInputBytes: number): readonly Extrapolation[];
  /** For learned profiles: a target's residual distribution (undefined: exact, or not learned). */
  residuals?(functionName: string, target: ProfileTarget, segment?: Segment): ResidualQuantiles | undefined;
  /** For learned profiles: the segments traced (a cold-start profile exists when "cold" is listed). */
  segments?(functionName: string): readonly Segment[];
  /** For learned profiles: the memory settings the runtime was traced at (outside them it is held at the nearest); undefined without a memory law. */
  memorySettingsMb?(functionName: string): { readonly min: number; readonly max: number } | undefined;
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
