/**
 * Phases "validate → estimate → candidates": from caller input to the Problem a solver is handed.
 * Every phase is timed.
 */
import { validateDag } from "../dag/validate-dag.js";
import { estimateStages } from "../estimate/estimate-stages.js";
import { buildProblem } from "../model/build-problem.js";
import type { Problem } from "../model/types.js";
import { resolvePlatform } from "../platform/resolve-platform.js";
import { defaultProfiles } from "../profiles/default-profiles.js";
import { resolveQuantiles, toProfileProvider } from "../profiles/types.js";
import { parseSizeBytes } from "../units/size.js";
import { InputError } from "../errors.js";
import type { PlanOptions } from "./options.js";

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

function checkNoiseCv(cv: number | undefined): number | undefined {
  if (cv === undefined) return undefined;
  if (typeof cv !== "number" || !Number.isFinite(cv) || cv < 0) {
    throw new InputError("Invalid option", [{ code: "invalid_value", path: ["options", "noiseCv"], message: "must be a finite number ≥ 0", expected: "≥ 0", actual: String(cv) }]);
  }
  return cv;
}

export async function prepareProblem(dagInput: unknown, inputSize: number | string, options: PlanOptions = {}): Promise<Prepared> {
  const timingsMs: Record<string, number> = {};
  const inputBytes = parseSizeBytes(inputSize);
  const platform = resolvePlatform(options.platform);
  const profiles = options.profiles === undefined ? await defaultProfiles() : toProfileProvider(options.profiles);
  const dag = await timed(timingsMs, "validate", () => validateDag(dagInput, new Set(profiles.functionNames)));
  const noiseCv = checkNoiseCv(options.noiseCv);
  const estimates = await timed(timingsMs, "estimate", () =>
    estimateStages(dag, inputBytes, profiles, resolveQuantiles(options.quantile), { ...(noiseCv === undefined ? {} : { noiseCv }), measuredIo: platform.objectStore }),
  );
  const problem = await timed(timingsMs, "candidates", () =>
    buildProblem(dag, estimates, platform, {
      ...(options.objective !== undefined ? { objective: options.objective } : {}),
      ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}),
      ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
      ...(options.modes !== undefined ? { modes: options.modes } : {}),
      ...(options.allowSplits !== undefined ? { allowSplits: options.allowSplits } : {}),
    }),
  );
  return { problem, timingsMs };
}
