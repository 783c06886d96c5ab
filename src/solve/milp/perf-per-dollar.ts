/**
 * Perf/$ (maximise 1 / (makespan · cost)) by sweeping the latency–cost trade-off: solve for the
 * cheapest plan and the fastest plan, then for the fastest plan at budgets spaced geometrically
 * between their costs, and keep the plan with the best makespan · cost under the model. The sweep
 * samples the Pareto front, so the result is "feasible", never claimed optimal.
 */
import type { Problem } from "../../model/types.js";
import type { SolverOutcome } from "../solver.js";
import { remainingMs, type MilpRunContext } from "./run.js";
import { pickBetter, solveWithRepair, type ScoredPlan } from "./repair.js";

export const SWEEP_BUDGETS = 6;

export async function solvePerfPerDollar(problem: Problem, ctx: MilpRunContext, name: string): Promise<SolverOutcome> {
  const notes: string[] = [];
  let stoppedByTime = false;
  const cheapest = await solveWithRepair({ ...problem, objective: "cost" }, ctx);
  const fastest = await solveWithRepair({ ...problem, objective: "latency" }, ctx);
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
  for (let j = 1; j <= SWEEP_BUDGETS && lowUsd > 0 && highUsd > lowUsd * (1 + 1e-9); j++) {
    if (remainingMs(ctx) <= 0) {
      notes.push(`time limit reached after ${j - 1} of ${SWEEP_BUDGETS} sweep budgets`);
      stoppedByTime = true;
      break;
    }
    const budgetUsd = lowUsd * Math.pow(highUsd / lowUsd, j / (SWEEP_BUDGETS + 1));
    const run = await solveWithRepair({ ...problem, objective: "latency", budgetUsd }, ctx);
    stoppedByTime ||= run.stoppedByTime;
    keep(run.plan);
  }
  notes.push(`perf/$ sweep over ${SWEEP_BUDGETS} budgets between $${lowUsd.toPrecision(6)} and $${highUsd.toPrecision(6)}`);
  return { name, status: "feasible", assignment: best!.assignment, notes, ...(stoppedByTime ? { stoppedByTime } : {}) };
}
