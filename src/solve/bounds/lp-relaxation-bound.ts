/**
 * A lower bound from the continuous relaxation of the planning MILP (../milp/formulation.ts with
 * `relax`): binaries in [0, 1], the primary objective alone, solved as an LP.
 * Pre: a latency or cost objective (perf-per-dollar has no linear primary: no bound).
 * Post: "optimal" carries a bound (ms for latency, whole-plan USD for cost) no plan scored by
 * evaluateAssignment can beat, already max-ed with the cheap relaxation bound (bounds/lower-bound.ts).
 * Only an LP solved to optimality gives a bound: a time-limited simplex stops at a primal point,
 * which bounds nothing, so a timeout reports no bound.
 *
 * Why it is a relaxation: every plan, with its earliest finish times, its transfer times, its
 * admissions and residency = last consumer finish − own finish, satisfies every row of the MILP
 * and its cost there equals its evaluated cost; relaxing integrality only widens the set.
 */
import type { EngineName } from "../../lp/result.js";
import { solveMilp } from "../../lp/solve-milp.js";
import type { Assignment, Problem } from "../../model/types.js";
import { warmStartValues } from "../milp/warm-start.js";
import { costLowerBoundUsd, latencyLowerBoundMs } from "./lower-bound.js";
import { buildPlanMilp } from "../milp/formulation.js";
import { computeMilpScale } from "../milp/scale.js";

export interface LpBoundOptions {
  /** Safety net; the iteration limit is what should stop a long solve (it repeats exactly). */
  readonly timeLimitMs: number;
  /** Simplex iterations (HiGHS). */
  readonly maxIterations?: number;
  /** LP engine; HiGHS by default (see docs/solvers.md for the measurement). */
  readonly engine?: EngineName;
  /**
   * A plan to start the simplex from (auto hands in the heuristic's): its values (milp/warm-start.ts)
   * satisfy every row, so HiGHS runs primal simplex from there — at 100 stages a fifth of the
   * iterations of a cold dual simplex. The optimum, and so the bound, does not depend on it.
   */
  readonly start?: Assignment;
}

export interface LpBound {
  readonly status: "optimal" | "infeasible" | "timedout" | "error";
  /** Present only when status is "optimal". */
  readonly bound?: number;
  readonly message?: string;
}

export const DEFAULT_LP_BOUND_ENGINE: EngineName = "highs";

/**
 * Engines stop within a feasibility tolerance (~1e-7 on the O(1)-scaled rows), so the LP optimum
 * may sit a hair above the true one: the bound gives back this relative margin.
 */
const SAFETY = 1e-6;

export async function lpRelaxationBound(problem: Problem, options: LpBoundOptions): Promise<LpBound> {
  if (problem.objective === "perf-per-dollar") return { status: "error", message: "perf-per-dollar has no linear objective to relax" };
  const minimize = problem.objective;
  const scale = computeMilpScale(problem);
  const { model } = buildPlanMilp(problem, { minimize, budgetUsd: problem.budgetUsd, deadlineMs: problem.deadlineMs, relax: true }, scale);
  const start = options.start === undefined ? undefined : warmStartValues(problem, options.start, scale);
  const result = await solveMilp(model, {
    engine: options.engine ?? DEFAULT_LP_BOUND_ENGINE,
    timeLimitMs: Math.max(1, options.timeLimitMs),
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(start === undefined ? {} : { start }),
  });
  if (result.status === "infeasible") return { status: "infeasible", message: `the relaxation is infeasible (${result.engine}): no plan meets the limits` };
  if (result.status !== "optimal") {
    const status = result.status === "error" ? "error" : "timedout";
    return { status, message: `LP relaxation ${result.status} (${result.engine})${result.message === undefined ? "" : `: ${result.message}`}` };
  }
  const units = Math.max(0, result.objective) * (1 - SAFETY);
  const cheap = minimize === "latency" ? latencyLowerBoundMs(problem) : costLowerBoundUsd(problem);
  const relaxed = minimize === "latency" ? units * scale.msPerUnit : units * scale.usdPerUnit + scale.constantUsd;
  return { status: "optimal", bound: Math.max(cheap, relaxed) };
}
