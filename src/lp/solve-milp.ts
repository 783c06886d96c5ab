/**
 * `solveMilp`: the one entry point of the MILP layer.
 *   validate options → validate model → load engine → solve → check the answer → snap integers.
 * Pre: none (the model is validated here; misuse throws `InputError`).
 * Post: a `MilpResult` whose `optimal`/`feasible` values passed `checkSolution` (an answer that
 * fails becomes `error`, naming what it violated), with integer variables rounded to whole numbers
 * and the objective recomputed from the returned values.
 *
 * `engine: "auto"` picks HiGHS (MIT). The default must be permissively licensed, which leaves HiGHS
 * and javascript-lp-solver (Unlicense); `npm run bench:lp` measures both, and GLPK (glpk.js,
 * GPL-3.0, an optional engine used only when asked for and installed) beside them, on the
 * planning MILPs Sluice builds (bench/RESULTS.md, "LP engines"). HiGHS alone offers what the
 * solver relies on: a start point, a proven bound, and work limits (nodes, simplex iterations)
 * so a limited solve stops at the same place on every run.
 */

import { show, sluiceError } from "../errors.js";
import { checkSolution, describeViolations } from "./check-solution.js";
import type { EngineSolveOptions } from "./engine.js";
import { ENGINE_NAMES, loadEngine } from "./load-engine.js";
import { hasIntegerVariables, isIntegerKind, type MilpModel } from "./model.js";
import { hasSolution, type EngineName, type MilpResult } from "./result.js";
import { validateMilpModel } from "./validate-model.js";

export type EngineChoice = EngineName | "auto";

export interface SolveMilpOptions extends Partial<Omit<EngineSolveOptions, "timeLimitMs">> {
  readonly engine?: EngineChoice;
  /** Wall-clock limit per solve, in milliseconds: a safety net (see EngineSolveOptions). */
  readonly timeLimitMs?: number;
}

/** The engine `"auto"` resolves to (see the header comment for the measurement behind it). */
export const AUTO_ENGINE: EngineName = "highs";

export const DEFAULT_SOLVE_MILP_OPTIONS: Required<Pick<SolveMilpOptions, "engine" | "timeLimitMs">> = { engine: "auto", timeLimitMs: 20_000 };

function readOptions(options: SolveMilpOptions): { engine: EngineName; timeLimitMs: number } {
  const merged = { ...DEFAULT_SOLVE_MILP_OPTIONS, ...options };
  if (merged.engine !== "auto" && !ENGINE_NAMES.includes(merged.engine)) {
    throw sluiceError("option.unknownEngine", { path: ["engine"], expected: `"auto" | ${ENGINE_NAMES.map((n) => `"${n}"`).join(" | ")}`, actual: show(merged.engine) });
  }
  if (typeof merged.timeLimitMs !== "number" || !(merged.timeLimitMs > 0)) {
    throw sluiceError("option.timeLimit", { path: ["timeLimitMs"], actual: show(merged.timeLimitMs) });
  }
  return { engine: merged.engine === "auto" ? AUTO_ENGINE : merged.engine, timeLimitMs: merged.timeLimitMs };
}

/** Rounds integer and binary variables to whole numbers; the caller re-checks the result. */
function snapIntegers(model: MilpModel, values: Readonly<Record<string, number>>): Record<string, number> {
  const snapped = { ...values };
  for (const variable of model.variables) {
    if (isIntegerKind(variable.kind)) snapped[variable.name] = Math.round(values[variable.name]!) + 0; // + 0 turns -0 into 0
  }
  return snapped;
}

/** Verifies an engine's answer independently; a failing answer becomes `error`. */
export function verifyResult(model: MilpModel, result: MilpResult): MilpResult {
  if (!hasSolution(result.status)) return result;
  const check = checkSolution(model, result.values);
  if (!check.ok) {
    const message = `${result.engine} returned a ${result.status} answer that fails the check: ${describeViolations(check.violations)}`;
    return { ...result, status: "error", values: {}, objective: Number.NaN, message };
  }
  if (!hasIntegerVariables(model)) return { ...result, objective: check.objective }; // nothing to snap: the check stands
  const snapped = snapIntegers(model, result.values);
  const snappedCheck = checkSolution(model, snapped);
  return snappedCheck.ok
    ? { ...result, values: snapped, objective: snappedCheck.objective }
    : { ...result, objective: check.objective };
}

export async function solveMilp(model: MilpModel, options: SolveMilpOptions = {}): Promise<MilpResult> {
  const { engine: engineName, timeLimitMs } = readOptions(options);
  validateMilpModel(model);
  const engine = await loadEngine(engineName);
  const { relativeGap, maxNodes, maxIterations, start, lean } = options;
  const result = await engine.solve(model, {
    timeLimitMs,
    ...(relativeGap === undefined ? {} : { relativeGap }),
    ...(maxNodes === undefined ? {} : { maxNodes }),
    ...(maxIterations === undefined ? {} : { maxIterations }),
    ...(start === undefined ? {} : { start }),
    ...(lean === undefined ? {} : { lean }),
  });
  return verifyResult(model, result);
}
