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
  /**
   * The wall-clock limit, not a work limit, ended the search: the same inputs may give another
   * answer on a slower or busier machine. "auto" then keeps its deterministic answer instead.
   */
  readonly stoppedByTime?: boolean;
}

export interface SolverContext {
  /** Wall-clock budget for the search: a safety net; work limits decide where a search stops. */
  readonly timeLimitMs: number;
  /** Stop improving once the plan is proven within this relative gap of a lower bound (default GAP_TOLERANCE). */
  readonly gapTolerance?: number;
}

/** Default proven gap at which "auto" stops: 1% (the plan is at most 1% slower, or dearer, than the best). */
export const GAP_TOLERANCE = 0.01;

export type SolverFn = (problem: Problem, ctx: SolverContext) => SolverOutcome | Promise<SolverOutcome>;

export type SolverName = "auto" | "exact" | "heuristic" | "dp" | "brute-force";
