/**
 * One objective ("latency" or "cost") solved by the MILP, re-scored by the model, and repaired.
 * The MILP lets finish times float above the earliest ones the model uses, so it can under-count
 * cache residency: a plan within its budget there may exceed it under `evaluateAssignment`. When
 * that happens, or when the plan's evaluated objective is not within OPTIMALITY_TOLERANCE of the
 * MILP's bound (the cost objective can be fooled the same way), repairs run and the best plan
 * under the model wins:
 *   - once, the same limits with residency measured from a lower bound on the producer's finish
 *     (the MILP then over-counts residency, so any plan it finds keeps the budget);
 *   - while the plan breaks a limit, up to REPAIR_ROUNDS times: the limit tightened by the excess
 *     and the MILP re-solved.
 * The first solve's bound stays valid (that MILP relaxes the true problem); the repairs' do not.
 * "optimal" means: the engine proved its optimum and the plan scores within the tolerance of it.
 */
import { sluiceError } from "../../errors.js";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { Assignment, Evaluation, Problem } from "../../model/types.js";
import type { SolverStatus } from "../solver.js";
import { compareEvaluations, scoreEvaluation } from "../objective-score.js";
import { computeConstantUsd } from "./safe-bounds.js";
import { runPlanMilp, type MilpRunContext } from "./run.js";
import type { MilpSpec } from "./formulation.js";

export const REPAIR_ROUNDS = 3;
/** A plan within this relative distance of the first solve's bound is reported optimal (engines stop within a gap too). */
export const OPTIMALITY_TOLERANCE = 5e-4;
const LIMIT_CODES = new Set(["budget", "deadline"]);
/**
 * What the MILP does not model, so its plan may break it without a bug: a hold-and-wait on the VM
 * pool (pool-schedule.ts). Such a plan is scored infeasible; tightening a limit cannot repair it, so
 * the solve ends infeasible with that plan, and plan() re-solves without the vm-local edges behind
 * it (plan/avoid-overdraw.ts).
 */
const UNMODELLED_CODES = new Set(["pool-overdrawn"]);
const repairable = (e: Evaluation) => e.violations.every((v) => LIMIT_CODES.has(v.code));

export interface ScoredPlan {
  readonly assignment: Assignment;
  readonly evaluation: Evaluation;
}

export interface RepairedSolve {
  readonly status: SolverStatus;
  /** Some solve was ended by the wall clock, not by work: the answer may differ between runs. */
  readonly stoppedByTime: boolean;
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
  const limits: MilpSpec = { minimize, budgetUsd: problem.budgetUsd, deadlineMs: problem.deadlineMs };
  const notes: string[] = [];
  const first = await runPlanMilp(problem, limits, ctx);
  let stoppedByTime = first.stoppedByTime;
  if (first.message !== undefined) notes.push(first.message);
  if (first.status === "infeasible" || first.status === "timedout") return { status: first.status, stoppedByTime, notes };
  const lowerBound = first.lowerBound;
  // a solve stopped at the caller's gap is "near" its bound within that gap
  const within = (plan: ScoredPlan, tolerance: number) => first.status === "optimal" && lowerBound !== undefined && plan.evaluation.feasible && scoreEvaluation(problem.objective, plan.evaluation) <= lowerBound * (1 + tolerance) + 1e-12;
  const isNearBound = (plan: ScoredPlan) => within(plan, Math.max(OPTIMALITY_TOLERANCE, (ctx.relativeGap ?? 0) * (1 + 1e-6)));
  const firstPlan = scoreRun(problem, first.assignments, undefined)!;
  let best = firstPlan;
  if (!isNearBound(firstPlan)) {
    // The model disagrees with the MILP (limits broken, or a cost above the MILP's): re-solve with
    // residency over-counted, so whatever that MILP finds keeps its cost under the model.
    const safe = await runPlanMilp(problem, { ...limits, conservativeResidency: true }, ctx);
    stoppedByTime ||= safe.stoppedByTime;
    best = scoreRun(problem, safe.assignments, best)!;
    notes.push(`repair: the plan scored $${firstPlan.evaluation.costUsd.toPrecision(6)} / ${firstPlan.evaluation.makespanMs.toFixed(3)} ms under the model; residency measured from lower bounds on finish times gave ${safe.status}${safe.message === undefined ? "" : ` (${safe.message})`}`);
  }
  let spec = limits;
  let latest = firstPlan;
  for (let round = 1; round <= REPAIR_ROUNDS && !latest.evaluation.feasible && repairable(latest.evaluation); round++) {
    spec = tighten(problem, spec, latest.evaluation);
    if (spec.budgetUsd < computeConstantUsd(problem)) break; // no plan is that cheap
    notes.push(`repair round ${round}: re-solving with budget $${spec.budgetUsd.toPrecision(6)}, deadline ${spec.deadlineMs} ms`);
    const run = await runPlanMilp(problem, spec, ctx);
    stoppedByTime ||= run.stoppedByTime;
    if (run.assignments.length === 0) break;
    latest = scoreRun(problem, run.assignments, undefined)!;
    best = pickBetter(problem, best, latest);
  }
  if (!best.evaluation.feasible) {
    const unmodelled = best.evaluation.violations.filter((v) => UNMODELLED_CODES.has(v.code));
    if (unmodelled.length > 0) {
      // returned with its plan, so that the caller can see why (plan() re-solves without the vm-local edges behind it)
      notes.push(`the MILP's plan overdraws the VM pool (${unmodelled.map((v) => v.message).join("; ")}), which the MILP does not model`);
      return { status: "infeasible", stoppedByTime, plan: best, notes };
    }
    notes.push(`no plan met the limits under the model after ${REPAIR_ROUNDS} repair rounds`);
    return { status: "infeasible", stoppedByTime, notes };
  }
  const bound = lowerBound === undefined ? {} : { lowerBound: Math.min(lowerBound, scoreEvaluation(problem.objective, best.evaluation)) };
  return { status: within(best, OPTIMALITY_TOLERANCE) ? "optimal" : "feasible", stoppedByTime, plan: best, notes, ...bound };
}

/** The best of a run's assignments (and `current`), under the model; breaking anything but a limit is a bug (SLU9004). Exported for its test. */
export function scoreRun(problem: Problem, assignments: readonly Assignment[], current: ScoredPlan | undefined): ScoredPlan | undefined {
  let best = current;
  for (const assignment of assignments) {
    const evaluation = evaluateAssignment(problem, assignment);
    const broken = evaluation.violations.filter((v) => !LIMIT_CODES.has(v.code) && !UNMODELLED_CODES.has(v.code));
    if (broken.length > 0) throw sluiceError("internal.milpPlanBreaksModel", { params: { violations: broken.map((v) => `${v.path.join(".")}: ${v.message}`).join("; ") } });
    best = pickBetter(problem, best, { assignment, evaluation });
  }
  return best;
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
