/**
 * Fallback profiles: what `plan()` uses for a function no profile knows, when the caller allows
 * it — a stated default, another function's profile (`{ like: "wc-map" }`), or the caller's own
 * laws, for every unknown function or per function. Each fallback used becomes a plan warning
 * naming the function and its stages. Without these options an unknown function stays an error.
 */
import { InputError, issue, show, suggestionParams, type Issue } from "../errors.js";
import type { FunctionProfile, ProfileContext, ProfileProvider, ProfileTarget, Segment, TargetQuantiles } from "../profiles/types.js";

export type FallbackProfile = "default" | { readonly like: string } | FunctionProfile;

const MIB = 1024 * 1024;

/**
 * The stated default, not a measurement: 100 ms of fixed work plus 50 MiB/s of processing (the
 * order of one Lambda reading S3 at ≈41 MB/s, SeBS-Flow), a constant 512 MB (a stand-in cannot
 * know how a function buffers, so it is taken to stream its input), its input passed on unchanged
 * as output, and no fan-out of its own.
 */
export const DEFAULT_FALLBACK_PROFILE: FunctionProfile = {
  runtimeMs: (inputBytes) => 100 + (inputBytes / (50 * MIB)) * 1000,
  memoryMb: () => 512,
  outputBytes: (inputBytes) => inputBytes,
  fanout: () => 1,
};

export interface FallbackOptions {
  readonly fallbackProfile?: FallbackProfile;
  readonly fallbackProfiles?: Readonly<Record<string, FallbackProfile>>;
}

/** Functions named by the stages of a DAG input, with their stage ids (best effort: validation reports malformed input). */
function stagesByFunction(dagInput: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stages = (dagInput as { stages?: unknown } | null)?.stages;
  if (!Array.isArray(stages)) return out;
  for (const s of stages) {
    const fn = (s as { function?: unknown } | null)?.function;
    const id = (s as { id?: unknown } | null)?.id;
    if (typeof fn !== "string" || fn === "") continue;
    out.set(fn, [...(out.get(fn) ?? []), typeof id === "string" ? id : "?"]);
  }
  return out;
}

function describe(f: FallbackProfile): string {
  if (f === "default") return "the default fallback profile (100 ms + 50 MiB/s, 512 MB, output = input, fanout 1)";
  if ("like" in f) return `${f.like}'s profile`;
  return "a caller-supplied profile";
}

/** Wraps `base` so the DAG's unknown functions resolve to their fallbacks; returns the warnings to add to the plan. */
export function withFallbackProfiles(base: ProfileProvider, dagInput: unknown, options: FallbackOptions): { provider: ProfileProvider; warnings: string[] } {
  if (options.fallbackProfile === undefined && options.fallbackProfiles === undefined) return { provider: base, warnings: [] };
  const known = new Set(base.functionNames);
  const chosen = new Map<string, FallbackProfile>();
  const issues: Issue[] = [];
  const warnings: string[] = [];
  for (const [fn, stageIds] of stagesByFunction(dagInput)) {
    if (known.has(fn)) continue;
    const own = options.fallbackProfiles?.[fn];
    const f = own ?? options.fallbackProfile;
    if (f === undefined) continue;
    if (f !== "default" && "like" in f && !known.has(f.like)) {
      issues.push(issue("interop.unknownFallback", { path: own !== undefined ? ["fallbackProfiles", fn, "like"] : ["fallbackProfile", "like"], params: suggestionParams(f.like, [...known].sort()), actual: show(f.like) }));
      continue;
    }
    chosen.set(fn, f);
    warnings.push(`${fn} (stage${stageIds.length === 1 ? "" : "s"} ${stageIds.join(", ")}) has no profile: planned with ${describe(f)}`);
  }
  if (issues.length > 0) throw new InputError("Invalid fallback profiles", issues);
  const provider: ProfileProvider = {
    kind: "provider",
    functionNames: [...new Set([...base.functionNames, ...chosen.keys()])].sort(),
    profileFor(name: string, q: TargetQuantiles, context?: ProfileContext): FunctionProfile | undefined {
      const f = chosen.get(name);
      if (f === undefined) return base.profileFor(name, q, context);
      if (f === "default") return DEFAULT_FALLBACK_PROFILE;
      if ("like" in f) return base.profileFor(f.like, q, context);
      return f;
    },
    ...(base.trainedInputBytes !== undefined ? { trainedInputBytes: (name: string) => (chosen.has(name) ? undefined : base.trainedInputBytes!(name)) } : {}),
    // Learned detail (extrapolation, residuals, segments) belongs to the base's own functions only.
    ...(base.extrapolations !== undefined ? { extrapolations: (name: string, i: number, st: number) => (chosen.has(name) ? [] : base.extrapolations!(name, i, st)) } : {}),
    ...(base.residuals !== undefined ? { residuals: (name: string, t: ProfileTarget, seg?: Segment) => (chosen.has(name) ? undefined : base.residuals!(name, t, seg)) } : {}),
    ...(base.segments !== undefined ? { segments: (name: string) => (chosen.has(name) ? [] : base.segments!(name)) } : {}),
    ...(base.memorySettingsMb !== undefined ? { memorySettingsMb: (name: string) => (chosen.has(name) ? undefined : base.memorySettingsMb!(name)) } : {}),
  };
  return { provider, warnings };
}
