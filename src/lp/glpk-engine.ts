/**
 * GLPK (the `glpk.js` package, GPL-3.0, GLPK compiled to wasm, synchronous Node build) behind
 * `MilpEngine`. The model goes in as glpk.js JSON with safe internal names; `tmlim` is in
 * seconds, messages are off, presolve on. The wasm module is initialised once and cached.
 *
 * glpk.js reports GLP_UNDEF both when the limit stops the search before any incumbent and when
 * presolve finds the problem infeasible or unbounded. A quick UNDEF is settled with a second solve
 * with zero objective (which cannot be unbounded): a feasible point means the model was unbounded.
 *
 * glpk.js is an optional peer dependency — a default install of Sluice does not pull in GPL code.
 * It is imported on first use; when it is not installed the solve is an `error` marked
 * `unavailable`, and the MILP's callers fall back to HiGHS.
 */

import type { GLPK, LP } from "glpk.js/node";
import type { EngineSolveOptions, MilpEngine } from "./engine.js";
import { dropObjective, fixIntegers, hasIntegerVariables, isIntegerKind, readVariableBounds, type MilpModel } from "./model.js";
import { buildNameMap, lookupVariableId, mapValuesToCaller, type NameMap } from "./name-map.js";
import { makeEmptyResult, type MilpResult } from "./result.js";

const ENGINE = "glpk";
export const GLPK_MISSING = "GLPK is an optional engine and glpk.js (GPL-3.0) is not installed: npm install glpk.js to use it";

/** Node's "no such package" error, also when a loader wrapped it (its `cause`). */
function isMissingPackage(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e !== undefined && e !== null && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === "ERR_MODULE_NOT_FOUND" || e.code === "MODULE_NOT_FOUND") return true;
  }
  return false;
}
/** A solve that ends this close to its limit is taken to have been stopped by it. */
const LIMIT_REACHED_FRACTION = 0.9;

let runtime: Promise<GLPK> | undefined;

function loadRuntime(): Promise<GLPK> {
  runtime ??= import("glpk.js/node").then((module) => module.default());
  return runtime;
}

function toVars(terms: Readonly<Record<string, number>>, names: NameMap): { name: string; coef: number }[] {
  return Object.entries(terms).map(([name, coef]) => ({ name: lookupVariableId(names, name), coef }));
}

/** GLPK bound type for a [lower, upper] pair. */
function boundType(glpk: GLPK, lower: number, upper: number): number {
  const hasLower = Number.isFinite(lower);
  const hasUpper = Number.isFinite(upper);
  if (hasLower && hasUpper) return lower === upper ? glpk.GLP_FX : glpk.GLP_DB;
  if (hasLower) return glpk.GLP_LO;
  return hasUpper ? glpk.GLP_UP : glpk.GLP_FR;
}

function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

export function buildGlpkProblem(glpk: GLPK, model: MilpModel, names: NameMap): LP {
  return {
    name: "sluice",
    objective: { direction: model.direction === "maximize" ? glpk.GLP_MAX : glpk.GLP_MIN, name: "obj", vars: toVars(model.objective, names) },
    subjectTo: model.constraints.map((constraint, j) => {
      const lower = constraint.lower ?? Number.NEGATIVE_INFINITY;
      const upper = constraint.upper ?? Number.POSITIVE_INFINITY;
      return { name: names.constraintIds[j]!, vars: toVars(constraint.terms, names), bnds: { type: boundType(glpk, lower, upper), lb: finiteOrZero(lower), ub: finiteOrZero(upper) } };
    }),
    bounds: model.variables.map((variable, i) => {
      const { lower, upper } = readVariableBounds(variable);
      return { name: names.variableIds[i]!, type: boundType(glpk, lower, upper), lb: finiteOrZero(lower), ub: finiteOrZero(upper) };
    }),
    generals: model.variables.flatMap((v, i) => (isIntegerKind(v.kind) ? [names.variableIds[i]!] : [])),
  };
}

function solveLoaded(glpk: GLPK, model: MilpModel, solveOptions: EngineSolveOptions, started: number): MilpResult {
  const { timeLimitMs } = solveOptions;
  const names = buildNameMap(model);
  const options = { msglev: glpk.GLP_MSG_OFF, presol: true, tmlim: Math.max(timeLimitMs, 1) / 1000, ...(solveOptions.relativeGap === undefined ? {} : { mipgap: solveOptions.relativeGap }) };
  const { result } = glpk.solve(buildGlpkProblem(glpk, model, names), options);
  const elapsedMs = performance.now() - started;
  const withSolution = (status: "optimal" | "feasible"): MilpResult => {
    const values = mapValuesToCaller(names, (id) => result.vars[id]);
    const polished = polish(glpk, model, names, values, options);
    return { status, values: polished?.values ?? values, objective: polished?.objective ?? result.z, engine: ENGINE, elapsedMs: performance.now() - started };
  };
  if (result.status === glpk.GLP_OPT) return withSolution("optimal");
  if (result.status === glpk.GLP_FEAS) {
    // GLPK has no work limit: a feasible answer either met the caller's gap (optimal within it) or ran out of time
    if (solveOptions.relativeGap !== undefined && elapsedMs < LIMIT_REACHED_FRACTION * timeLimitMs) return withSolution("optimal");
    return { ...withSolution("feasible"), stoppedBy: "time" };
  }
  if (result.status === glpk.GLP_NOFEAS || result.status === glpk.GLP_INFEAS) return makeEmptyResult("infeasible", ENGINE, elapsedMs);
  if (result.status === glpk.GLP_UNBND) return makeEmptyResult("unbounded", ENGINE, elapsedMs);
  if (elapsedMs >= LIMIT_REACHED_FRACTION * timeLimitMs) {
    return { ...makeEmptyResult("timedout", ENGINE, elapsedMs, "time limit reached before any integer-feasible solution"), stoppedBy: "time" };
  }
  const probe = glpk.solve(buildGlpkProblem(glpk, dropObjective(model), names), options).result;
  const feasible = probe.status === glpk.GLP_OPT || probe.status === glpk.GLP_FEAS;
  return makeEmptyResult(feasible ? "unbounded" : "infeasible", ENGINE, performance.now() - started);
}

/**
 * GLPK accepts a binary within 1e-5 of 0 or 1 (its integrality tolerance), and a continuous value
 * tied to it (f ≤ y) may then sit 1e-6 above what the exact binary allows — more than the
 * independent check's 1e-6. The answer's integers are fixed at their rounded values and the LP
 * that is left re-solved: its continuous values fit the exact integers. Undefined when that LP has
 * no optimum (the raw answer stands, and the check judges it).
 */
function polish(glpk: GLPK, model: MilpModel, names: NameMap, values: Readonly<Record<string, number>>, options: object): { values: Record<string, number>; objective: number } | undefined {
  if (!hasIntegerVariables(model)) return undefined;
  const lp = glpk.solve(buildGlpkProblem(glpk, fixIntegers(model, values), names), options).result;
  if (lp.status !== glpk.GLP_OPT) return undefined;
  return { values: mapValuesToCaller(names, (id) => lp.vars[id]), objective: lp.z };
}

export const glpkEngine: MilpEngine = {
  name: ENGINE,
  async solve(model: MilpModel, options: EngineSolveOptions): Promise<MilpResult> {
    const started = performance.now();
    try {
      const glpk = await loadRuntime();
      return solveLoaded(glpk, model, options, started);
    } catch (error) {
      runtime = undefined;
      if (isMissingPackage(error)) return { ...makeEmptyResult("error", ENGINE, performance.now() - started, GLPK_MISSING), unavailable: true };
      return makeEmptyResult("error", ENGINE, performance.now() - started, `GLPK threw: ${(error as Error).message}`);
    }
  },
};
