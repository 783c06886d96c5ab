/**
 * HiGHS (the `highs` package, HiGHS compiled to wasm) behind `MilpEngine`. The model goes in as
 * CPLEX LP text through a fresh native instance per solve; status, objective, MIP dual bound and
 * column values are read back through the persistent API. The wasm runtime is loaded once and
 * cached; after a native abort it may be left in a bad state, so a solve that throws drops the
 * cached runtime and the next solve loads a fresh one.
 */

import type { Highs } from "highs";
import type { EngineSolveOptions, MilpEngine } from "./engine.js";
import { readDefaultExport } from "./interop.js";
import { writeLpFormat } from "./lp-format.js";
import { dropObjective, isIntegerKind, type MilpModel } from "./model.js";
import { buildNameMap, mapValuesToCaller } from "./name-map.js";
import { makeEmptyResult, type MilpResult } from "./result.js";

const ENGINE = "highs";
/** HiGHS `modelStatus` codes (see `highs.constants.modelStatus`). */
const STATUS = { optimal: 7, infeasible: 8, unboundedOrInfeasible: 9, unbounded: 10, timeLimit: 13, interrupted: 17 } as const;
/** `primal_solution_status` value meaning "a feasible primal solution exists". */
const PRIMAL_FEASIBLE = 2;

/**
 * HiGHS stops at a 1e-4 relative gap by default and calls that optimal; GLPK and jsLPSolver close
 * the gap fully. A tight gap keeps "optimal" meaning the same thing for every engine.
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
  readonly valuesById: ReadonlyMap<string, number>;
}

function runOnce(highs: Highs, lpText: string, timeLimitMs: number): RawOutcome {
  const instance = highs.createModel({ format: "lp", data: lpText });
  try {
    instance.options.set({ time_limit: Math.max(timeLimitMs, 1) / 1000, output_flag: false, mip_rel_gap: MIP_RELATIVE_GAP });
    instance.run();
    const statusCode = instance.getModelStatus();
    const hasPrimal = instance.info.get("primal_solution_status") === PRIMAL_FEASIBLE;
    const bound = Number(instance.info.get("mip_dual_bound"));
    const valuesById = new Map<string, number>();
    if (hasPrimal) {
      const colValue = instance.getSolution().colValue;
      colValue.forEach((value, i) => valuesById.set(instance.getColName(i), value));
    }
    return { statusCode, hasPrimal, objective: instance.getObjectiveValue(), bestBound: Number.isFinite(bound) ? bound : undefined, valuesById };
  } finally {
    instance.dispose();
  }
}

function solveLoaded(highs: Highs, model: MilpModel, timeLimitMs: number, started: number): MilpResult {
  const names = buildNameMap(model);
  const raw = runOnce(highs, writeLpFormat(model, names), timeLimitMs);
  const elapsedMs = () => performance.now() - started;
  const isMip = model.variables.some((v) => isIntegerKind(v.kind)); // the MIP dual bound means nothing for an LP
  const withSolution = (status: "optimal" | "feasible"): MilpResult => ({
    status,
    values: mapValuesToCaller(names, (id) => raw.valuesById.get(id)),
    objective: raw.objective,
    ...(raw.bestBound === undefined || !isMip ? {} : { bestBound: raw.bestBound }),
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
      const probe = runOnce(highs, writeLpFormat(dropObjective(model), names), timeLimitMs);
      const status = probe.statusCode === STATUS.optimal ? "unbounded" : "infeasible";
      return makeEmptyResult(status, ENGINE, elapsedMs());
    }
    case STATUS.timeLimit:
    case STATUS.interrupted:
      return raw.hasPrimal ? withSolution("feasible") : makeEmptyResult("timedout", ENGINE, elapsedMs(), "time limit reached before any integer-feasible solution");
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
      return solveLoaded(highs, model, options.timeLimitMs, started);
    } catch (error) {
      runtime = undefined; // the wasm instance may be corrupted: start afresh next time
      return makeEmptyResult("error", ENGINE, performance.now() - started, `HiGHS threw: ${(error as Error).message}`);
    }
  },
};
