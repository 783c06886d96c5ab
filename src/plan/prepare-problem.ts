/**
 * Phases "validate → estimate → candidates": from caller input to the Problem a solver is handed.
 * Options are checked strictly first (options-schema.ts); the DAG within its size limits, and the
 * estimated instance counts within theirs. Every phase is timed (the plan shows it only when asked).
 */
import { checkInstanceCounts, resolveDagLimits } from "../dag/limits.js";
import { validateDag } from "../dag/validate-dag.js";
import { InputError } from "../errors.js";
import { estimateStages } from "../estimate/estimate-stages.js";
import { buildProblem } from "../model/build-problem.js";
import type { Problem } from "../model/types.js";
import type { Dag } from "../dag/types.js";
import type { Estimates } from "../estimate/estimate-stages.js";
import type { Platform } from "../platform/schema.js";
import type { ProfileProvider } from "../profiles/types.js";
import { resolvePlatform } from "../platform/resolve-platform.js";
import { defaultProfiles } from "../profiles/defaults/default-profiles.js";
import { resolveQuantiles, toProfileProvider } from "../profiles/types.js";
import { parseSizeBytes } from "../units/size.js";
import type { PlanOptions } from "./options.js";
import { checkPlanOptions } from "./options-schema.js";
import { checkFiniteProblem } from "./check-finite.js";
import { guardProfiles } from "./guard-profiles.js";
import { withFallbackProfiles } from "./fallback-profiles.js";

export interface Prepared {
  readonly problem: Problem;
  readonly timingsMs: Record<string, number>;
}

export async function timed<T>(timings: Record<string, number>, phase: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  timings[phase] = performance.now() - t0;
  return out;
}

export interface PreparedEstimates {
  readonly dag: Dag;
  readonly estimates: Estimates;
  readonly platform: Platform;
  readonly profiles: ProfileProvider;
  readonly inputBytes: number;
}

/**
 * The options checked and the platform resolved once per options object Sluice made itself
 * (`ownedOptions`: the sizing search's context, which calls prepareEstimates hundreds of times).
 * A caller's own object is checked and resolved on every call: it may have changed since the last.
 */
const resolvedFor = new WeakMap<PlanOptions, Platform>();

function resolveCheckedPlatform(options: PlanOptions): Platform {
  checkPlanOptions(options);
  // coldFraction is a shorthand for the platform's invocation.coldFraction
  return options.coldFraction === undefined ? resolvePlatform(options.platform) : resolvePlatform({ ...options.platform, invocation: { ...options.platform?.invocation, coldFraction: options.coldFraction } });
}

function checkedPlatform(options: PlanOptions): Platform {
  return resolvedFor.get(options) ?? resolveCheckedPlatform(options);
}

/** A checked copy of `options` whose platform is resolved once for every later call made with the copy. */
export function ownedOptions(options: PlanOptions): PlanOptions {
  const copy = { ...options };
  resolvedFor.set(copy, resolveCheckedPlatform(copy));
  return copy;
}

/** Phases "validate → estimate": the DAG and every stage's prediction, before any platform check. */
export async function prepareEstimates(dagInput: unknown, inputSize: number | string, options: PlanOptions = {}, timingsMs: Record<string, number> = {}): Promise<PreparedEstimates> {
  const platform = checkedPlatform(options);
  const inputBytes = parseSizeBytes(inputSize);
  const given = options.profiles === undefined ? await defaultProfiles() : toProfileProvider(guardProfiles(options.profiles));
  const { provider: profiles, warnings: fallbackWarnings } = withFallbackProfiles(given, dagInput, options);
  const limits = resolveDagLimits(options.limits);
  const dag = await timed(timingsMs, "validate", () => validateDag(dagInput, new Set(profiles.functionNames), limits));
  const estimated = await timed(timingsMs, "estimate", () =>
    estimateStages(dag, inputBytes, profiles, resolveQuantiles(options.quantile), {}, { ...(options.noiseCv === undefined ? {} : { noiseCv: options.noiseCv }), measuredIo: platform.objectStore }),
  );
  const estimates = fallbackWarnings.length === 0 ? estimated : { ...estimated, warnings: [...fallbackWarnings, ...estimated.warnings] };
  return { dag, estimates, platform, profiles, inputBytes };
}

export async function prepareProblem(dagInput: unknown, inputSize: number | string, options: PlanOptions = {}): Promise<Prepared> {
  const timingsMs: Record<string, number> = {};
  const { dag, estimates, platform } = await prepareEstimates(dagInput, inputSize, options, timingsMs);
  const limits = resolveDagLimits(options.limits);
  const stageEstimates = [...estimates.stages.values()];
  const tooMany = checkInstanceCounts(stageEstimates.map((s) => s.instances), (i) => ["stages", stageEstimates[i]!.stageId, "instances"], limits);
  if (tooMany.length > 0) throw new InputError("Cannot plan: the estimated instance counts are over the limits", tooMany);
  const problem = await timed(timingsMs, "candidates", () =>
    buildProblem(dag, estimates, platform, {
      ...(options.objective !== undefined ? { objective: options.objective } : {}),
      ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}),
      ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
      ...(options.modes !== undefined ? { modes: options.modes } : {}),
      ...(options.allowSplits !== undefined ? { allowSplits: options.allowSplits } : {}),
    }),
  );
  checkFiniteProblem(problem);
  return { problem, timingsMs };
}
