/**
 * The exact solver: the planning MILP (see milp/formulation.ts) through the MILP layer.
 *   latency         → min makespan + ε·cost, cost ≤ budget (then exact tie-break toward cheaper)
 *   cost            → min cost + ε·makespan, makespan ≤ deadline (then tie-break toward faster)
 *   perf-per-dollar → a budget sweep between the cheapest and the fastest plan (milp/perf-per-dollar.ts)
 * Every answer is re-scored with evaluateAssignment and repaired if the model disagrees with the
 * MILP about the budget (milp/repair.ts). Engine outcomes map to solver statuses: optimal →
 * "optimal" (lowerBound from the engine's bound), feasible → "feasible", infeasible → "infeasible",
 * timedout / error → "timedout" without an assignment.
 */
import type { EngineChoice } from "../../lp/solve-milp.js";
import type { Assignment, Problem } from "../../model/types.js";
import type { SolverContext, SolverFn, SolverOutcome } from "../solver.js";
import { computeConstantUsd } from "./safe-bounds.js";
import { solvePerfPerDollar } from "./perf-per-dollar.js";
import { solveWithRepair } from "./repair.js";
import type { MilpRunContext } from "./run.js";

export interface ExactMilpOptions {
  /** MILP engine; "auto" lets the MILP layer choose. */
  readonly engine?: EngineChoice;
  /** Break ties in the primary objective exactly with a second solve (when solved exactly). */
  readonly breakTies?: boolean;
  /** Stop once the plan is proven within this relative gap (0: exact). */
  readonly relativeGap?: number;
  /** Branch-and-bound nodes per solve: the work limit that makes a limited search repeat exactly. */
  readonly maxNodes?: number;
  /** A plan to start from (e.g. the heuristic's): the engine's first incumbent. */
  readonly start?: Assignment;
}

/** Nodes per solve, measured on random DAGs of up to 40 edges (docs/solvers.md): most prove optimality in far fewer. */
export const EXACT_MAX_NODES = 20_000;

export const DEFAULT_EXACT_MILP_OPTIONS: Required<Omit<ExactMilpOptions, "start">> = { engine: "auto", breakTies: true, relativeGap: 0, maxNodes: EXACT_MAX_NODES };

export const EXACT_MILP_NAME = "exact-milp";

export function exactMilpSolver(options: ExactMilpOptions = {}): SolverFn {
  const merged = { ...DEFAULT_EXACT_MILP_OPTIONS, ...options };
  return (problem, ctx) => solveExactMilp(problem, ctx, merged);
}

async function solveExactMilp(problem: Problem, ctx: SolverContext, options: typeof DEFAULT_EXACT_MILP_OPTIONS & ExactMilpOptions): Promise<SolverOutcome> {
  const name = `${EXACT_MILP_NAME} (${options.engine})`;
  const constantUsd = computeConstantUsd(problem);
  if (constantUsd > problem.budgetUsd * (1 + 1e-9)) {
    return { name, status: "infeasible", notes: [`stage compute alone costs $${constantUsd.toPrecision(6)}, above the budget $${problem.budgetUsd}`] };
  }
  const run: MilpRunContext = { engine: options.engine, stopAtMs: performance.now() + ctx.timeLimitMs, breakTies: options.breakTies, relativeGap: options.relativeGap, maxNodes: options.maxNodes };
  if (problem.objective === "perf-per-dollar") return solvePerfPerDollar(problem, run, name);
  const solved = await solveWithRepair(problem, options.start === undefined ? run : { ...run, start: options.start });
  const bound = solved.lowerBound === undefined ? {} : { lowerBound: solved.lowerBound };
  const clock = solved.stoppedByTime ? { stoppedByTime: true } : {};
  if (solved.plan === undefined) return { name, status: solved.status === "timedout" ? "timedout" : "infeasible", notes: solved.notes, ...clock };
  return { name, status: solved.status, assignment: solved.plan.assignment, ...bound, notes: solved.notes, ...clock };
}
