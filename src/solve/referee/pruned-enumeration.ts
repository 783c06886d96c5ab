/**
 * Every whole-mode plan, as brute-force.ts scores them, but depth first over the edges (edge 0
 * first, options in their order) with branches cut by a cost bound, and started from a plan in
 * hand. A branch fixes the modes of edges 0..k; every plan below it costs at least
 *   cost floor = stage constants + Σ fixed edges' whole-mode cost + Σ free edges' cheapest whole
 *                mode + (VM-pool billing) the reserved pool's rate · max(minimum, fastest makespan)
 * (the terms of bounds/lower-bound.ts: admissions and residency only add; every plan's pool holds
 * at least the reserved VMs for at least its makespan, and no makespan beats the budget-free
 * fastest plan's, dp/fastest-with-hosting.ts). So a branch is cut when its floor
 *   cost objective:    exceeds the best plan's cost (nothing below can be better);
 *   latency objective: exceeds the budget (nothing below is within it).
 * What is left is scored by evaluateAssignment. Cuts only drop plans that cannot win, so the best
 * plan scored is the optimum over whole modes, like brute force's, and its value is a bound on every
 * whole-mode plan. `maxScored` is a work limit: past it the search gives up (undefined), so the same
 * inputs always give the same answer.
 * Pure and deterministic.
 */
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { Assignment, Evaluation, Problem } from "../../model/types.js";
import { wholeModeAssignment } from "./whole-mode-assignment.js";
import { wholeChoices } from "../edge/edge-choices.js";
import { latencyLowerBoundMs } from "../bounds/lower-bound.js";
import { compareEvaluations, scoreEvaluation } from "../objective-score.js";

export interface PrunedEnumeration {
  /** The best whole-mode plan (undefined: none within the limits). */
  readonly best?: { readonly assignment: Assignment; readonly evaluation: Evaluation };
  /** Plans scored by the model. */
  readonly scored: number;
}

/** Relative room above a floor before it cuts: the model's own rounding stays on the safe side. */
const CUT_SLACK = 1 + 1e-9;

/**
 * `start`: a plan in hand (its value cuts from the first branch on). Returns undefined when more
 * than `maxScored` plans would need scoring. Latency or cost objective.
 */
export function prunedEnumeration(problem: Problem, start: Assignment | undefined, maxScored: number): PrunedEnumeration | undefined {
  const objective = problem.objective;
  const costs = problem.edges.map((c) => wholeChoices(c).map((ch) => ch.costUsd));
  const E = costs.length;
  // cheapest completion of edges k..E−1
  const rest = new Array<number>(E + 1).fill(0);
  for (let k = E - 1; k >= 0; k--) rest[k] = rest[k + 1]! + Math.min(...costs[k]!);
  let floorUsd = 0;
  for (const s of problem.stages.values()) floorUsd += s.computeUsd + s.ioUsd;
  const pool = problem.platform.billing.compute === "vm-pool" ? problem.vmPool : undefined;
  if (pool !== undefined) floorUsd += pool.usdPerMs * Math.max(pool.minimumMs, latencyLowerBoundMs(problem));

  let best: { assignment: Assignment; evaluation: Evaluation } | undefined;
  const consider = (assignment: Assignment) => {
    const evaluation = evaluateAssignment(problem, assignment);
    if (evaluation.feasible && (best === undefined || compareEvaluations(objective, evaluation, best.evaluation) < 0)) best = { assignment, evaluation };
  };
  if (start !== undefined) consider(start);
  const limitUsd = () => (objective === "cost" ? (best === undefined ? problem.budgetUsd : Math.min(problem.budgetUsd, scoreEvaluation("cost", best.evaluation))) : problem.budgetUsd);

  const choice = new Array<number>(E).fill(0);
  let scored = 0;
  let overLimit = false;
  const visit = (k: number, fixedUsd: number): void => {
    if (overLimit || floorUsd + fixedUsd + rest[k]! > limitUsd() * CUT_SLACK) return;
    if (k === E) {
      if (++scored > maxScored) {
        overLimit = true;
        return;
      }
      consider(wholeModeAssignment(problem, choice));
      return;
    }
    for (let j = 0; j < costs[k]!.length; j++) {
      choice[k] = j;
      visit(k + 1, fixedUsd + costs[k]![j]!);
    }
  };
  visit(0, 0);
  return overLimit ? undefined : { ...(best === undefined ? {} : { best }), scored };
}

