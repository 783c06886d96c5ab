/**
 * `plan(dag, inputSize, options)`: the fastest plan within the budget (or the cheapest within the
 * deadline, or the best performance per dollar). Reads as its phases:
 *   validate → estimate → candidates (prepareProblem) → solve → assemble (decisions, placement, explanations).
 * Deterministic: the same inputs give the same plan.
 */
import type { Problem } from "../model/types.js";
import { resolveSolver } from "../solve/auto-solver.js";
import { heuristicSolver } from "../solve/heuristic/heuristic.js";
import { GAP_TOLERANCE, type SolverOutcome } from "../solve/solver.js";
import { show, sluiceError } from "../errors.js";
import { assemblePlan } from "./assemble-plan.js";
import { DEFAULT_TIME_LIMIT_MS, type PlanOptions } from "./options.js";
import { prepareProblem, timed } from "./prepare-problem.js";
import type { Plan } from "./types.js";
import { evaluateAssignment } from "../model/evaluate-assignment.js";

export async function plan(dag: unknown, inputSize: number | string, options: PlanOptions = {}): Promise<Plan> {
  const { problem, timingsMs } = await prepareProblem(dag, inputSize, options);
  const solver = resolveSolver(options.solver);
  const ctx = { timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, gapTolerance: readGapTolerance(options.gapTolerance) };
  const outcome = await timed(timingsMs, "solve", () => solver(problem, ctx));
  if (outcome.assignment !== undefined) {
    return timed(timingsMs, "assemble", () => assemblePlan({ problem, assignment: outcome.assignment!, outcome, status: "ok", timingsMs }));
  }
  return timed(timingsMs, "assemble", () => closestPlan(problem, outcome, timingsMs, ctx));
}

function readGapTolerance(value: unknown): number {
  if (value === undefined) return GAP_TOLERANCE;
  if (typeof value !== "number" || !(value >= 0 && value < 1)) throw sluiceError("option.gapTolerance", { path: ["options", "gapTolerance"], actual: show(value) });
  return value;
}

/** No plan meets the limit: report the cheapest (budget) or fastest (deadline) achievable plan instead. */
async function closestPlan(problem: Problem, outcome: SolverOutcome, timingsMs: Record<string, number>, ctx: { timeLimitMs: number }): Promise<Plan> {
  const relaxed: Problem =
    problem.objective === "cost"
      ? { ...problem, objective: "latency", budgetUsd: Infinity, deadlineMs: Infinity }
      : { ...problem, objective: "cost", budgetUsd: Infinity, deadlineMs: Infinity };
  const fallback = await heuristicSolver(relaxed, ctx);
  if (fallback.assignment === undefined) {
    return assemblePlan({ problem, assignment: { edges: problem.edges.map((c) => [{ mode: c.options[0]!.mode, fraction: 1 }]), admitted: new Set() }, outcome, status: "infeasible", message: "no feasible plan found", timingsMs });
  }
  const e = evaluateAssignment(relaxed, fallback.assignment);
  const message =
    problem.objective === "cost"
      ? `deadline ${problem.deadlineMs} ms is below the fastest achievable makespan, ${e.makespanMs.toFixed(1)} ms (at $${e.costUsd.toPrecision(4)}); showing that plan`
      : `budget $${problem.budgetUsd} is below the cheapest achievable cost, $${e.costUsd.toPrecision(4)} (makespan ${e.makespanMs.toFixed(1)} ms); showing that plan`;
  return assemblePlan({ problem, assignment: fallback.assignment, outcome: { ...outcome, notes: [...(outcome.notes ?? []), message] }, status: "infeasible", message, timingsMs });
}
