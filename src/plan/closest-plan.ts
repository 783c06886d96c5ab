/**
 * When the chosen solver returns no plan within the limits: say honestly why, and show the
 * closest plan. In order:
 * 1. The heuristic may still find a plan within the limits (the chosen solver timed out, or it
 *    searches whole modes only, as brute force does): that plan is returned, status "ok", with a note.
 * 2. Otherwise each finite limit is compared with what is achievable: a deadline below the fastest
 *    makespan, a budget below the cheapest cost, or both attainable alone but not together. The
 *    message names only the limits that were given (never "budget $Infinity") and never claims a
 *    limit is unattainable when the plan shown meets it.
 */
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { Evaluation, Problem } from "../model/types.js";
import { heuristicSolver } from "../solve/heuristic/heuristic.js";
import type { SolverContext, SolverOutcome } from "../solve/solver.js";
import { assemblePlan } from "./assemble-plan.js";
import type { Plan } from "./types.js";

const usd = (x: number) => `$${x.toPrecision(4)}`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function best(problem: Problem, objective: "latency" | "cost", ctx: SolverContext): Promise<{ outcome: SolverOutcome; evaluation: Evaluation } | undefined> {
  const relaxed: Problem = { ...problem, objective, budgetUsd: Infinity, deadlineMs: Infinity };
  const outcome = await heuristicSolver(relaxed, ctx);
  return outcome.assignment === undefined ? undefined : { outcome, evaluation: evaluateAssignment(problem, outcome.assignment) };
}

export async function closestPlan(problem: Problem, outcome: SolverOutcome, timingsMs: Record<string, number> | undefined, ctx: SolverContext): Promise<Plan> {
  const why = outcome.status === "timedout" ? `${outcome.name} reached its time limit without a plan within the limits` : `${outcome.name} found no plan within the limits`;
  const retry = outcome.name === "heuristic" ? undefined : await heuristicSolver(problem, ctx);
  if (retry?.assignment !== undefined && evaluateAssignment(problem, retry.assignment).feasible) {
    const note = `${why}; the heuristic's plan meets them`;
    return assemblePlan({ problem, assignment: retry.assignment, outcome: { ...retry, notes: [...(outcome.notes ?? []), ...(retry.notes ?? []), note] }, status: "ok", timingsMs });
  }

  const budget = Number.isFinite(problem.budgetUsd), deadline = Number.isFinite(problem.deadlineMs);
  const fastest = deadline || !budget ? await best(problem, "latency", ctx) : undefined;
  const cheapest = budget ? await best(problem, "cost", ctx) : undefined;
  const searched = outcome.status === "timedout" ? " (the search reached its time limit, so a plan within the limits may still exist)" : "";
  let shown: { outcome: SolverOutcome; evaluation: Evaluation } | undefined;
  let message: string;
  if (deadline && fastest !== undefined && fastest.evaluation.makespanMs > problem.deadlineMs) {
    shown = fastest;
    message = `deadline ${problem.deadlineMs} ms is below the fastest achievable makespan, ${ms(fastest.evaluation.makespanMs)} (at ${usd(fastest.evaluation.costUsd)}); showing that plan`;
  } else if (budget && cheapest !== undefined && cheapest.evaluation.costUsd > problem.budgetUsd) {
    shown = cheapest;
    message = `budget $${problem.budgetUsd} is below the cheapest achievable cost, ${usd(cheapest.evaluation.costUsd)} (makespan ${ms(cheapest.evaluation.makespanMs)}); showing that plan`;
  } else if (budget && deadline && fastest !== undefined && cheapest !== undefined) {
    shown = problem.objective === "cost" ? fastest : cheapest;
    message = `no plan found meets both the budget $${problem.budgetUsd} and the deadline ${problem.deadlineMs} ms: the cheapest costs ${usd(cheapest.evaluation.costUsd)} and takes ${ms(cheapest.evaluation.makespanMs)}, the fastest takes ${ms(fastest.evaluation.makespanMs)} at ${usd(fastest.evaluation.costUsd)}; showing the ${problem.objective === "cost" ? "fastest" : "cheapest"}`;
  } else {
    shown = cheapest ?? fastest;
    message = `${why}, and the limits look attainable one by one; showing the closest plan found`;
  }
  if (shown === undefined) {
    const fallback = { edges: problem.edges.map((c) => [{ mode: c.options[0]!.mode, fraction: 1 }]), admitted: new Set<string>() };
    return assemblePlan({ problem, assignment: fallback, outcome, status: "infeasible", message: `no feasible plan found${searched}`, timingsMs });
  }
  message += searched;
  return assemblePlan({ problem, assignment: shown.outcome.assignment!, outcome: { ...outcome, notes: [...(outcome.notes ?? []), message] }, status: "infeasible", message, timingsMs });
}
