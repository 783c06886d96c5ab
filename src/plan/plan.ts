/**
 * `plan(dag, inputSize, options)`: the fastest plan within the budget (or the cheapest within the
 * deadline, or the best performance per dollar). Reads as its phases:
 *   validate → estimate → candidates (prepareProblem) → solve → assemble (decisions, placement, explanations).
 * Deterministic: the same inputs give the same plan.
 */
import type { Problem } from "../model/types.js";
import { resolveSolver } from "../solve/auto-solver.js";
import { heuristicSolver } from "../solve/heuristic/heuristic.js";
import type { SolverOutcome } from "../solve/solver.js";
import { assemblePlan } from "./assemble-plan.js";
import { DEFAULT_TIME_LIMIT_MS, type PlanOptions } from "./options.js";
import { prepareProblem, timed } from "./prepare-problem.js";
import { needsSizing, sizeStages } from "../sizing/size-stages.js";
import type { Plan } from "./types.js";
import { evaluateAssignment } from "../model/evaluate-assignment.js";

export async function plan(dag: unknown, inputSize: number | string, options: PlanOptions = {}): Promise<Plan> {
  // Phase "size" (only when the DAG leaves counts open or memorySizes are given): fill them in.
  const sizingMs: Record<string, number> = {};
  const sizing = needsSizing(dag, options) ? await timed(sizingMs, "size", () => sizeStages(dag, inputSize, options)) : undefined;
  const { memorySizes: _m, ...rest } = options;
  const { problem, timingsMs } = await prepareProblem(sizing?.dagInput ?? dag, inputSize, rest);
  Object.assign(timingsMs, sizingMs);
  const solver = resolveSolver(options.solver);
  const ctx = { timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS };
  const outcome = await timed(timingsMs, "solve", () => solver(problem, ctx));
  const planned =
    outcome.assignment !== undefined
      ? await timed(timingsMs, "assemble", () => assemblePlan({ problem, assignment: outcome.assignment!, outcome, status: "ok", timingsMs }))
      : await timed(timingsMs, "assemble", () => closestPlan(problem, outcome, timingsMs, ctx));
  return sizing === undefined ? planned : { ...planned, sizing: sizing.report };
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
