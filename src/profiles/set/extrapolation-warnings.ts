/**
 * The warnings a plan carries when a learned profile is used beyond the sizes it was trained on:
 * each names the stage, the function, the target, the factor beyond the trained range and how
 * much wider the prediction interval is there. Providers that only know their trained range
 * (no per-target detail) get one line per stage.
 */
import type { Extrapolation, ProfileProvider } from "../types.js";

const bytes = (b: number) => b.toExponential(3) + " B";

/**
 * A stage configured outside the memory settings its function's runtime was traced at: the runtime
 * there is the nearest traced setting's (memory-factor.ts clamps), which the plan should say.
 */
export function memorySettingWarning(profiles: ProfileProvider, stageId: string, fn: string, memoryMb: number | undefined): string | undefined {
  if (memoryMb === undefined) return undefined;
  const traced = profiles.memorySettingsMb?.(fn);
  if (traced === undefined || (memoryMb >= traced.min && memoryMb <= traced.max)) return undefined;
  const [edge, at] = memoryMb > traced.max ? ["largest", traced.max] : ["smallest", traced.min];
  return `${stageId}: ${fn} runtimeMs at ${memoryMb} MB is taken at the ${edge} traced memory setting, ${at} MB (traced ${traced.min}–${traced.max} MB; no change with memory is extrapolated beyond them)`;
}

/** "runtimeMs extrapolated 8.0× above the largest trained input (…)": one extrapolation, sizes written by `bytesText`. */
export function describeExtrapolation(e: Extrapolation, bytesText: (b: number) => string): string {
  const edge = e.direction === "above" ? `above the largest trained input (${bytesText(e.trainedMaxBytes)})` : `below the smallest trained input (${bytesText(e.trainedMinBytes)})`;
  return `${e.target} extrapolated ${e.factor.toFixed(1)}× ${edge}`;
}

export function extrapolationWarnings(profiles: ProfileProvider, stageId: string, fn: string, instanceInputBytes: number, stageInputBytes: number, fanoutUsed: boolean): string[] {
  if (profiles.extrapolations !== undefined) {
    return profiles
      .extrapolations(fn, instanceInputBytes, stageInputBytes)
      .filter((e) => e.target !== "fanout" || fanoutUsed)
      .map((e) => {
        const at = e.target === "fanout" ? `stage input ${bytes(stageInputBytes)}` : `instance input ${bytes(instanceInputBytes)}`;
        return `${stageId}: ${fn} ${describeExtrapolation(e, bytes)} at ${at}; interval ${e.intervalWidening.toFixed(2)}× wider`;
      });
  }
  const range = profiles.trainedInputBytes?.(fn);
  if (range === undefined) return [];
  const checks: [string, number][] = [["instance input", instanceInputBytes]];
  if (fanoutUsed) checks.push(["stage input (fanout)", stageInputBytes]);
  return checks.filter(([, b]) => b < range.min || b > range.max).map(([what, b]) => `${stageId}: ${fn}'s profile extrapolates at ${what} ${bytes(b)} (trained on ${bytes(range.min)}–${bytes(range.max)})`);
}
