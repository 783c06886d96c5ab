/**
 * Perf/$ (maximise 1 / (makespan · cost)) by sweeping the latency–cost trade-off: solve for the
 * cheapest plan and the fastest plan, then for the fastest plan at budgets spaced geometrically
 * between their costs, and keep the plan with the best makespan · cost under the model. The sweep
 * samples the Pareto front, so the result is "feasible", never claimed optimal.
 *
 * Cheaper than solving every MILP, with the same answer:
 *   - a sweep budget B is skipped when no plan within it can beat the best so far: any plan of
 *     cost ≤ B takes at least the budget-aware latency bound at B (bounds/proven-bound.ts, with the
 *     budget-free one, bounds/lower-bound.ts) and costs at least the cost bound, so its makespan ·
 *     cost is at least their product;
 *   - each solve starts from a plan known to fit it (milp/warm-start.ts): the caller's start for
 *     the cheapest and the fastest plan, the best plan so far within B for a sweep budget;
 *   - when the run stops at a relative gap (as "auto"'s does), the cheapest and the fastest plan
 *     come from the heuristic when its plan is proven within that gap by the cheap bounds
 *     (bounds/lower-bound.ts) — what the MILP would have had to prove before it could stop.
 */
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { Assignment, Problem } from "../../model/types.js";
import { costLowerBoundUsd, latencyLowerBoundMs } from "../bounds/lower-bound.js";
import { budgetAwareBound } from "../bounds/proven-bound.js";
import type { SolverOutcome } from "../solver.js";
import { remainingMs, type MilpRunContext } from "./run.js";
import { pickBetter, solveWithRepair, type RepairedSolve, type ScoredPlan } from "./repair.js";
import { heuristicSolver } from "../heuristic/heuristic.js";
import { scoreEvaluation } from "../objective-score.js";

export const SWEEP_BUDGETS = 6;

/** The run context started from `start` when it is a plan within the budget (otherwise unchanged). */
function startedFrom(problem: Problem, ctx: MilpRunContext, start: Assignment | undefined, budgetUsd: number): MilpRunContext {
  if (start === undefined) return ctx;
  const e = evaluateAssignment(problem, start);
  const fits = e.violations.every((v) => v.code === "budget") && e.costUsd <= budgetUsd * (1 + 1e-9);
  return fits ? { ...ctx, start } : ctx;
}

/**
 * One end of the sweep ("cost": the cheapest plan, "latency": the fastest within the budget): the
 * heuristic's plan when the run allows a relative gap and the heuristic's bound proves the plan
 * within it, else the MILP started from the caller's plan.
 */
async function sweepEnd(problem: Problem, ctx: MilpRunContext, objective: "cost" | "latency"): Promise<RepairedSolve> {
  const end: Problem = { ...problem, objective };
  const gap = ctx.relativeGap ?? 0;
  if (gap > 0) {
    const h = await heuristicSolver(end, { timeLimitMs: Math.max(1, remainingMs(ctx)) });
    if (h.assignment !== undefined && h.lowerBound !== undefined) {
      const evaluation = evaluateAssignment(end, h.assignment);
      const value = scoreEvaluation(objective, evaluation);
      if (evaluation.feasible && value <= h.lowerBound * (1 + gap) + 1e-12) {
        return { status: "feasible", stoppedByTime: false, plan: { assignment: h.assignment, evaluation }, lowerBound: h.lowerBound, notes: [`heuristic plan proven within ${gap} of its bound`] };
      }
    }
  }
  return solveWithRepair(end, startedFrom(problem, ctx, ctx.start, problem.budgetUsd));
}

export async function solvePerfPerDollar(problem: Problem, ctx: MilpRunContext, name: string): Promise<SolverOutcome> {
  const notes: string[] = [];
  let stoppedByTime = false;
  const cheapest = await sweepEnd(problem, ctx, "cost");
  const fastest = await sweepEnd(problem, ctx, "latency");
  stoppedByTime = cheapest.stoppedByTime || fastest.stoppedByTime;
  notes.push(...cheapest.notes.map((n) => `min-cost: ${n}`), ...fastest.notes.map((n) => `min-latency: ${n}`));
  if (cheapest.plan === undefined || fastest.plan === undefined) {
    const status = cheapest.status === "timedout" || fastest.status === "timedout" ? "timedout" : "infeasible";
    return { name, status, notes, ...(stoppedByTime ? { stoppedByTime } : {}) };
  }
  let best: ScoredPlan | undefined;
  const keep = (plan: ScoredPlan | undefined) => {
    if (plan !== undefined) best = pickBetter(problem, best, { assignment: plan.assignment, evaluation: plan.evaluation });
  };
  keep(cheapest.plan);
  keep(fastest.plan);
  const lowUsd = cheapest.plan.evaluation.costUsd;
  const highUsd = Math.min(fastest.plan.evaluation.costUsd, problem.budgetUsd);
  const leastUsd = Math.max(costLowerBoundUsd(problem), cheapest.lowerBound ?? -Infinity);
  const leastMs = latencyLowerBoundMs(problem);
  /** The best plan so far whose cost fits `budgetUsd`: the next solve's start. */
  let within: ScoredPlan = cheapest.plan;
  let skipped = 0;
  for (let j = 1; j <= SWEEP_BUDGETS && lowUsd > 0 && highUsd > lowUsd * (1 + 1e-9); j++) {
    if (remainingMs(ctx) <= 0) {
      notes.push(`time limit reached after ${j - 1} of ${SWEEP_BUDGETS} sweep budgets`);
      stoppedByTime = true;
      break;
    }
    const budgetUsd = lowUsd * Math.pow(highUsd / lowUsd, j / (SWEEP_BUDGETS + 1));
    const sweep: Problem = { ...problem, objective: "latency", budgetUsd };
    const bestScore = best!.evaluation.makespanMs * best!.evaluation.costUsd;
    const fastestWithin = Math.max(leastMs, budgetAwareBound(sweep, undefined) ?? -Infinity);
    if (fastestWithin * leastUsd >= bestScore * (1 - 1e-9)) {
      skipped++;
      continue;
    }
    const run = await solveWithRepair(sweep, { ...ctx, start: within.assignment });
    stoppedByTime ||= run.stoppedByTime;
    keep(run.plan);
    if (run.plan !== undefined && run.plan.evaluation.makespanMs < within.evaluation.makespanMs) within = run.plan;
  }
  notes.push(`perf/$ sweep over ${SWEEP_BUDGETS} budgets between $${lowUsd.toPrecision(6)} and $${highUsd.toPrecision(6)}${skipped > 0 ? ` (${skipped} skipped: bounded above the best plan's makespan · cost)` : ""}`);
  return { name, status: "feasible", assignment: best!.assignment, notes, ...(stoppedByTime ? { stoppedByTime } : {}) };
}
