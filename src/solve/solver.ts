/**
 * The solver interface. A solver is handed a Problem (every option already priced) and returns an
 * Assignment with its status and, where it can prove one, a lower bound on the objective. Solvers
 * never compute a cost themselves: they combine the Problem's terms, and the planner re-scores
 * every answer with `evaluateAssignment`.
 */
import type { Assignment, Problem } from "../model/types.js";

export type SolverStatus = "optimal" | "feasible" | "infeasible" | "timedout";

export interface SolverOutcome {
  readonly name: string;
  readonly status: SolverStatus;
  /** Undefined only when status is "infeasible" or "timedout" without an incumbent. */
  readonly assignment?: Assignment;
  /** A proven lower bound on the objective value (ms for latency, USD for cost); undefined if none. */
  readonly lowerBound?: number;
  readonly notes?: readonly string[];
}

export interface SolverContext {
  /** Wall-clock budget for the search. */
  readonly timeLimitMs: number;
}

export type SolverFn = (problem: Problem, ctx: SolverContext) => SolverOutcome | Promise<SolverOutcome>;

export type SolverName = "auto" | "exact" | "heuristic" | "dp" | "brute-force";
