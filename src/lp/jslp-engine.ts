/**
 * javascript-lp-solver (pure JS simplex + branch and bound) behind `MilpEngine`. Variable bounds
 * other than `x ≥ 0` become constraint rows (`lb<i>`, `ub<i>`); free variables are `unrestricted`.
 *
 * Guard: when its `timeout` stops branch and bound before any incumbent, the solver returns the
 * last relaxation it solved — possibly fractional — still flagged `feasible`. Every answer is
 * therefore re-checked (integrality within 1e-6, every row and bound within tolerance) before it
 * is believed: a timed-out answer that fails is `timedout` (nothing usable), any other is `error`.
 * The solve runs in a worker thread (see jslp-worker.ts) so the limit holds even when the solver
 * overruns its own timeout.
 */

import { checkSolution, computeObjective, describeViolations } from "./check-solution.js";
import type { EngineSolveOptions, MilpEngine } from "./engine.js";
import { INTEGRALITY_TOLERANCE } from "./engine.js";
import { solveJslpInWorker } from "./jslp-worker.js";
import { isIntegerKind, readVariableBounds, type MilpModel } from "./model.js";
import { buildNameMap, lookupVariableId, mapValuesToCaller, type NameMap } from "./name-map.js";
import { makeEmptyResult, type MilpResult } from "./result.js";

const ENGINE = "jslp";
const OBJECTIVE_KEY = "obj";
/** A solve that ends this close to its limit is taken to have been stopped by it. */
const LIMIT_REACHED_FRACTION = 0.9;
/** Extra time the solver gets to return its own timed-out answer before its worker is stopped. */
const HARD_LIMIT_GRACE_MS = 1000;

/** The parts of the solver's plain answer this engine reads. */
export interface JslpAnswer {
  readonly feasible: boolean;
  readonly bounded?: boolean;
  readonly result: number;
  readonly [id: string]: number | boolean | undefined;
}

/** The solver's JSON model: variables keyed by internal id, each listing its row coefficients. */
export function buildJslpModel(model: MilpModel, names: NameMap, timeLimitMs: number, relativeGap = 0): Record<string, unknown> {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const ints: Record<string, 1> = {};
  const unrestricted: Record<string, 1> = {};
  model.variables.forEach((variable, i) => {
    const id = names.variableIds[i]!;
    const row: Record<string, number> = {};
    const { lower, upper } = readVariableBounds(variable);
    if (lower < 0) unrestricted[id] = 1;
    if (lower !== 0 && Number.isFinite(lower)) [constraints[`lb${i}`], row[`lb${i}`]] = [{ min: lower }, 1];
    if (Number.isFinite(upper)) [constraints[`ub${i}`], row[`ub${i}`]] = [{ max: upper }, 1];
    if (isIntegerKind(variable.kind)) ints[id] = 1;
    variables[id] = row;
  });
  for (const [name, coefficient] of Object.entries(model.objective)) variables[lookupVariableId(names, name)]![OBJECTIVE_KEY] = coefficient;
  model.constraints.forEach((constraint, j) => {
    const id = names.constraintIds[j]!;
    const { lower, upper } = constraint;
    const hasLower = lower !== undefined && Number.isFinite(lower);
    const hasUpper = upper !== undefined && Number.isFinite(upper);
    if (!hasLower && !hasUpper) return; // a free row constrains nothing
    if (lower === upper) constraints[id] = { equal: lower! };
    else constraints[id] = { ...(hasLower ? { min: lower } : {}), ...(hasUpper ? { max: upper } : {}) };
    for (const [name, coefficient] of Object.entries(constraint.terms)) variables[lookupVariableId(names, name)]![id] = coefficient;
  });
  return { optimize: OBJECTIVE_KEY, opType: model.direction === "maximize" ? "max" : "min", constraints, variables, ints, unrestricted, timeout: Math.max(1, Math.round(timeLimitMs)), ...(relativeGap > 0 ? { tolerance: relativeGap } : {}) };
}

export interface JslpAnswerContext {
  readonly model: MilpModel;
  readonly names: NameMap;
  readonly elapsedMs: number;
  /** Whether the solver's timeout (probably) stopped the search. */
  readonly timedOut: boolean;
}

/** Turns the solver's plain answer into a `MilpResult`, refusing any answer that fails the check. */
export function readJslpAnswer(answer: JslpAnswer, context: JslpAnswerContext): MilpResult {
  const { model, names, elapsedMs, timedOut } = context;
  if (answer.bounded === false) return makeEmptyResult("unbounded", ENGINE, elapsedMs);
  if (!answer.feasible) {
    return timedOut
      ? makeEmptyResult("timedout", ENGINE, elapsedMs, "time limit reached before any integer-feasible solution")
      : makeEmptyResult("infeasible", ENGINE, elapsedMs);
  }
  const values = mapValuesToCaller(names, (id) => {
    const value = answer[id];
    return typeof value === "number" ? value : undefined;
  });
  const check = checkSolution(model, values, { integralityTolerance: INTEGRALITY_TOLERANCE });
  if (!check.ok) {
    const why = `answer flagged feasible but fails the check: ${describeViolations(check.violations)}`;
    return makeEmptyResult(timedOut ? "timedout" : "error", ENGINE, elapsedMs, timedOut ? `time limit reached; ${why}` : why);
  }
  return { status: timedOut ? "feasible" : "optimal", values, objective: computeObjective(model, values), engine: ENGINE, elapsedMs, ...(timedOut ? { stoppedBy: "time" as const } : {}) };
}

export const jslpEngine: MilpEngine = {
  name: ENGINE,
  async solve(model: MilpModel, options: EngineSolveOptions): Promise<MilpResult> {
    const started = performance.now();
    const names = buildNameMap(model);
    const hardLimitMs = options.timeLimitMs + Math.max(HARD_LIMIT_GRACE_MS, 0.1 * options.timeLimitMs);
    const outcome = await solveJslpInWorker(buildJslpModel(model, names, options.timeLimitMs, options.relativeGap), hardLimitMs);
    const elapsedMs = performance.now() - started;
    if (outcome.kind === "stopped") {
      return makeEmptyResult("timedout", ENGINE, elapsedMs, `no answer within ${Math.round(hardLimitMs)} ms; the solver was stopped`);
    }
    if (outcome.kind === "failed") return makeEmptyResult("error", ENGINE, elapsedMs, `jsLPSolver failed: ${outcome.message}`);
    const timedOut = elapsedMs >= LIMIT_REACHED_FRACTION * options.timeLimitMs;
    return readJslpAnswer(outcome.answer as JslpAnswer, { model, names, elapsedMs, timedOut });
  },
};
