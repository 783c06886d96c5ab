/**
 * One objective ("latency" or "cost") solved by the MILP, re-scored by the model, and repaired.
 * The MILP lets finish times float above the earliest ones the model uses, so it can under-count
 * cache residency: a plan within its budget there may exceed it under `evaluateAssignment`. When
 * that happens the limit is tightened by the excess and the MILP re-solved, for a few rounds.
 * The first round's bound stays valid (that MILP relaxes the true problem); later rounds' do not.
 */
import { InvariantError } from "../errors.js";
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { Assignment, Evaluation, Problem } from "../model/types.js";
import type { SolverStatus } from "./solver.js";
import { compareEvaluations, scoreEvaluation } from "./objective-score.js";
import { runPlanMilp, type MilpRunContext } from "./milp-run.js";
import type { MilpSpec } from "./milp-formulation.js";

export const REPAIR_ROUNDS = 3;
const LIMIT_CODES = new Set(["budget", "deadline"]);

export interface ScoredPlan {
  readonly assignment: Assignment;
  readonly evaluation: Evaluation;
}

export interface RepairedSolve {
  readonly status: SolverStatus;
  readonly plan?: ScoredPlan;
  readonly lowerBound?: number;
  readonly notes: readonly string[];
}

/** Feasible beats infeasible; then the objective's order; a tie keeps `current`. */
export function pickBetter(problem: Problem, current: ScoredPlan | undefined, next: ScoredPlan): ScoredPlan {
  if (current === undefined) return next;
  if (current.evaluation.feasible !== next.evaluation.feasible) return current.evaluation.feasible ? current : next;
  return compareEvaluations(problem.objective, next.evaluation, current.evaluation) < 0 ? next : current;
}

export async function solveWithRepair(problem: Problem, ctx: MilpRunContext): Promise<RepairedSolve> {
  const minimize = problem.objective === "cost" ? "cost" : "latency";
  let spec: MilpSpec = { minimize, budgetUsd: problem.budgetUsd, deadlineMs: problem.deadlineMs };
  const notes: string[] = [];
  let best: ScoredPlan | undefined;
  let firstStatus: SolverStatus | undefined;
  let lowerBound: number | undefined;
  for (let round = 0; round <= REPAIR_ROUNDS; round++) {
    const run = await runPlanMilp(problem, spec, ctx);
    if (run.message !== undefined) notes.push(run.message);
    if (round === 0) {
      if (run.status === "infeasible" || run.status === "timedout") return { status: run.status, notes };
      firstStatus = run.status;
      lowerBound = run.lowerBound;
    }
    if (run.assignments.length === 0) break;
    for (const assignment of run.assignments) best = pickBetter(problem, best, { assignment, evaluation: evaluateAssignment(problem, assignment) });
    if (best!.evaluation.feasible) break;
    const scored = best!.evaluation;
    const other = scored.violations.filter((v) => !LIMIT_CODES.has(v.code));
    if (other.length > 0) throw new InvariantError(`the MILP's plan breaks the model: ${other.map((v) => `${v.path.join(".")}: ${v.message}`).join("; ")}`);
    if (round === REPAIR_ROUNDS) break;
    spec = tighten(problem, spec, scored);
    notes.push(`repair round ${round + 1}: the plan scored $${scored.costUsd.toPrecision(6)} / ${scored.makespanMs.toFixed(3)} ms under the model; re-solving with budget $${spec.budgetUsd.toPrecision(6)}, deadline ${spec.deadlineMs} ms`);
  }
  if (best === undefined || !best.evaluation.feasible) {
    notes.push(`no plan met the limits under the model after ${REPAIR_ROUNDS} repair rounds`);
    return { status: "infeasible", notes };
  }
  const repaired = notes.some((n) => n.startsWith("repair round"));
  const score = scoreEvaluation(problem.objective, best.evaluation);
  const provenOptimal = firstStatus === "optimal" && (!repaired || (lowerBound !== undefined && score <= lowerBound * (1 + 1e-6) + 1e-12));
  return { status: provenOptimal ? "optimal" : "feasible", plan: best, notes, ...(lowerBound === undefined ? {} : { lowerBound: Math.min(lowerBound, score) }) };
}

/** Lowers each violated limit by its excess under the model (plus a hair, so the next plan clears it). */
function tighten(problem: Problem, spec: MilpSpec, evaluation: Evaluation): MilpSpec {
  const overUsd = evaluation.costUsd - problem.budgetUsd;
  const overMs = evaluation.makespanMs - problem.deadlineMs;
  return {
    minimize: spec.minimize,
    budgetUsd: overUsd > 0 ? spec.budgetUsd - overUsd - problem.budgetUsd * 1e-9 : spec.budgetUsd,
    deadlineMs: overMs > 0 ? spec.deadlineMs - overMs - problem.deadlineMs * 1e-9 : spec.deadlineMs,
  };
}
