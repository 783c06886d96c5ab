/**
 * `solveMilp`: the one entry point of the MILP layer.
 *   validate options → validate model → load engine → solve → check the answer → snap integers.
 * Pre: none (the model is validated here; misuse throws `InputError`).
 * Post: a `MilpResult` whose `optimal`/`feasible` values passed `checkSolution` (an answer that
 * fails becomes `error`, naming what it violated), with integer variables rounded to whole numbers
 * and the objective recomputed from the returned values.
 *
 * `engine: "auto"` picks GLPK. Measured by `npm run bench:lp` (bench/RESULTS.md, "LP engines") on
 * seeded planning-shaped MILPs of 5–200 edges (20 s limit, shared 2-core machine): GLPK proved
 * optimality fastest at 5, 50 and 100 edges (15 ms, 2.9 s, 2.6 s; HiGHS 17×, 1.1×, 2.6× slower)
 * and within noise of jsLPSolver at 20 (59 vs 52 ms); at 200 edges no engine finished and GLPK
 * held the better incumbent (67 898 vs HiGHS 69 612). jsLPSolver proved nothing from 50 edges on.
 * HiGHS's wasm build pays a large fixed cost in MIP heuristics even on tiny models.
 * Note: glpk.js is GPL-3.0; callers who must avoid it can pass `engine: "highs"` (engines load
 * lazily, so GLPK's code is then never imported).
 */

import { inputError, show } from "../errors.js";
import { checkSolution, describeViolations } from "./check-solution.js";
import { ENGINE_NAMES, loadEngine } from "./load-engine.js";
import { isIntegerKind, type MilpModel } from "./model.js";
import { hasSolution, type EngineName, type MilpResult } from "./result.js";
import { validateMilpModel } from "./validate-model.js";

export type EngineChoice = EngineName | "auto";

export interface SolveMilpOptions {
  readonly engine?: EngineChoice;
  /** Wall-clock limit per solve, in milliseconds. */
  readonly timeLimitMs?: number;
}

/** The engine `"auto"` resolves to (see the header comment for the measurement behind it). */
export const AUTO_ENGINE: EngineName = "glpk";

export const DEFAULT_SOLVE_MILP_OPTIONS: Required<SolveMilpOptions> = { engine: "auto", timeLimitMs: 20_000 };

function readOptions(options: SolveMilpOptions): { engine: EngineName; timeLimitMs: number } {
  const merged = { ...DEFAULT_SOLVE_MILP_OPTIONS, ...options };
  if (merged.engine !== "auto" && !ENGINE_NAMES.includes(merged.engine)) {
    throw inputError("invalid solveMilp options", { code: "invalid_value", path: ["engine"], message: "unknown engine", expected: `"auto" | ${ENGINE_NAMES.map((n) => `"${n}"`).join(" | ")}`, actual: show(merged.engine) });
  }
  if (typeof merged.timeLimitMs !== "number" || !(merged.timeLimitMs > 0)) {
    throw inputError("invalid solveMilp options", { code: "invalid_value", path: ["timeLimitMs"], message: "time limit must be a positive number of milliseconds", expected: "> 0 ms (Infinity allowed)", actual: show(merged.timeLimitMs) });
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
  const result = await engine.solve(model, { timeLimitMs });
  return verifyResult(model, result);
}
