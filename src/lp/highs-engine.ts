/**
 * HiGHS (the `highs` package, MIT, HiGHS compiled to wasm) behind `MilpEngine`. The model goes in
 * as column-wise arrays (highs-model.ts) through a fresh native instance per solve; status,
 * objective, MIP dual bound and column values are read back through the persistent API. A start
 * point, when given, is handed to HiGHS as its first incumbent (it checks it and ignores one that
 * is infeasible); an LP with a start runs primal simplex from it. Work limits (`mip_max_nodes`, `simplex_iteration_limit`) stop it at the same
 * place on every run; the wall-clock limit is only a safety net, and the result says which limit
 * stopped it. The wasm runtime is loaded once and cached; after a native abort it may be left in
 * a bad state, so a solve that throws drops the cached runtime and the next solve loads afresh.
 */

import type { Highs } from "highs";
import type { EngineSolveOptions, MilpEngine } from "./engine.js";
import { buildHighsModel, startColumns } from "./highs-model.js";
import { readDefaultExport } from "./interop.js";
import { dropObjective, hasIntegerVariables, type MilpModel } from "./model.js";
import { buildNameMap, mapValuesToCaller, type NameMap } from "./name-map.js";
import { makeEmptyResult, type MilpResult, type StopReason } from "./result.js";

const ENGINE = "highs";
/** HiGHS `modelStatus` codes (see `highs.constants.modelStatus`). */
const STATUS = { optimal: 7, infeasible: 8, unboundedOrInfeasible: 9, unbounded: 10, timeLimit: 13, iterationLimit: 14, solutionLimit: 16, interrupted: 17 } as const;
/** `primal_solution_status` value meaning "a feasible primal solution exists". */
const PRIMAL_FEASIBLE = 2;
/** HiGHS `simplex_strategy` value for primal simplex. */
const PRIMAL_SIMPLEX = 4;


/**
 * HiGHS stops at a 1e-4 relative gap by default and calls that optimal; GLPK and jsLPSolver close
 * the gap fully. A tight default keeps "optimal" meaning the same thing for every engine; callers
 * who accept a proven gap pass `relativeGap`.
 */
const MIP_RELATIVE_GAP = 1e-6;

let runtime: Promise<Highs> | undefined;

function loadRuntime(): Promise<Highs> {
  runtime ??= import("highs").then((module) => {
    const load = readDefaultExport<() => Promise<Highs>>(module, (value) => typeof value === "function");
    return load();
  });
  return runtime;
}

interface RawOutcome {
  readonly statusCode: number;
  readonly hasPrimal: boolean;
  readonly objective: number;
  readonly bestBound: number | undefined;
  readonly values: Float64Array | undefined;
}

function runOnce(highs: Highs, model: MilpModel, names: NameMap, options: EngineSolveOptions): RawOutcome {
  const instance = highs.createModel(buildHighsModel(highs, model, names));
  try {
    instance.options.set({
      time_limit: Math.max(options.timeLimitMs, 1) / 1000,
      output_flag: false,
      mip_rel_gap: options.relativeGap ?? MIP_RELATIVE_GAP,
      ...(options.maxNodes === undefined ? {} : { mip_max_nodes: options.maxNodes }),
      ...(options.maxIterations === undefined ? {} : { simplex_iteration_limit: options.maxIterations }),
      ...(options.lean === true ? { mip_heuristic_effort: 0, mip_detect_symmetry: false } : {}),
      // An LP handed a start runs primal simplex from it (dual simplex would set the start aside):
      // on bench:plan's 100-stage LP relaxations from the heuristic's plan, ~1/5 of the iterations.
      ...(options.start !== undefined && !hasIntegerVariables(model) ? { simplex_strategy: PRIMAL_SIMPLEX } : {}),
    });
    if (options.start !== undefined) instance.setSolution({ colValue: startColumns(model, options.start) });
    instance.run();
    const statusCode = instance.getModelStatus();
    const hasPrimal = instance.info.get("primal_solution_status") === PRIMAL_FEASIBLE;
    const bound = Number(instance.info.get("mip_dual_bound"));
    return { statusCode, hasPrimal, objective: instance.getObjectiveValue(), bestBound: Number.isFinite(bound) ? bound : undefined, values: hasPrimal ? instance.getSolution().colValue : undefined };
  } finally {
    instance.dispose();
  }
}

function stopReasonOf(statusCode: number): StopReason | undefined {
  if (statusCode === STATUS.timeLimit || statusCode === STATUS.interrupted) return "time";
  if (statusCode === STATUS.iterationLimit) return "iterations";
  if (statusCode === STATUS.solutionLimit) return "nodes";
  return undefined;
}

function solveLoaded(highs: Highs, model: MilpModel, options: EngineSolveOptions, started: number): MilpResult {
  const names = buildNameMap(model);
  const raw = runOnce(highs, model, names, options);
  const elapsedMs = () => performance.now() - started;
  const mip = hasIntegerVariables(model); // the MIP dual bound means nothing for an LP
  const stoppedBy = stopReasonOf(raw.statusCode);
  const withSolution = (status: "optimal" | "feasible"): MilpResult => ({
    status,
    values: mapValuesToCaller(names, (id) => raw.values?.[Number(id.slice(1))]),
    objective: raw.objective,
    ...(raw.bestBound === undefined || !mip ? {} : { bestBound: raw.bestBound }),
    ...(stoppedBy === undefined ? {} : { stoppedBy }),
    engine: ENGINE,
    elapsedMs: elapsedMs(),
  });
  switch (raw.statusCode) {
    case STATUS.optimal:
      return withSolution("optimal");
    case STATUS.infeasible:
      return makeEmptyResult("infeasible", ENGINE, elapsedMs());
    case STATUS.unbounded:
      return makeEmptyResult("unbounded", ENGINE, elapsedMs());
    case STATUS.unboundedOrInfeasible: {
      // Presolve could not tell which: any feasible point (zero objective) means unbounded.
      const probe = runOnce(highs, dropObjective(model), names, { timeLimitMs: options.timeLimitMs });
      const status = probe.statusCode === STATUS.optimal ? "unbounded" : "infeasible";
      return makeEmptyResult(status, ENGINE, elapsedMs());
    }
    case STATUS.timeLimit:
    case STATUS.interrupted:
    case STATUS.iterationLimit:
    case STATUS.solutionLimit:
      if (raw.hasPrimal && mip) return withSolution("feasible");
      return { ...makeEmptyResult("timedout", ENGINE, elapsedMs(), `${stoppedBy} limit reached before ${mip ? "any integer-feasible solution" : "the LP optimum"}`), stoppedBy: stoppedBy! };
    default:
      return makeEmptyResult("error", ENGINE, elapsedMs(), `HiGHS model status ${raw.statusCode}`);
  }
}

export const highsEngine: MilpEngine = {
  name: ENGINE,
  async solve(model: MilpModel, options: EngineSolveOptions): Promise<MilpResult> {
    const started = performance.now();
    let highs: Highs;
    try {
      highs = await loadRuntime();
    } catch (error) {
      runtime = undefined;
      return makeEmptyResult("error", ENGINE, performance.now() - started, `loading HiGHS failed: ${(error as Error).message}`);
    }
    try {
      return solveLoaded(highs, model, options, started);
    } catch (error) {
      runtime = undefined; // the wasm instance may be corrupted: start afresh next time
      return makeEmptyResult("error", ENGINE, performance.now() - started, `HiGHS threw: ${(error as Error).message}`);
    }
  },
};
