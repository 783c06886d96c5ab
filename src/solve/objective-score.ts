/**
 * What "better" means for each objective, on the model's own verdict (an Evaluation). Shared by
 * every solver that compares whole plans, so they all rank plans the same way.
 *
 *   latency         → makespanMs, ties by costUsd
 *   cost            → costUsd, ties by makespanMs
 *   perf-per-dollar → makespanMs · costUsd (minimising it maximises 1 / (latency · cost)), ties by costUsd
 */
import type { Evaluation, Objective } from "../model/types.js";

/** What ranking needs from a plan's verdict. */
export type Scored = Pick<Evaluation, "makespanMs" | "costUsd">;

/** Relative tolerance under which two objective values count as a tie. */
export const TIE_TOLERANCE = 1e-9;

/** The value to minimise for `objective`. */
export function scoreEvaluation(objective: Objective, evaluation: Scored): number {
  switch (objective) {
    case "latency":
      return evaluation.makespanMs;
    case "cost":
      return evaluation.costUsd;
    case "perf-per-dollar":
      return evaluation.makespanMs * evaluation.costUsd;
  }
}

function tieBreak(objective: Objective, evaluation: Scored): number {
  return objective === "cost" ? evaluation.makespanMs : evaluation.costUsd;
}

/** −1 when a is strictly better than b, +1 when strictly worse, 0 on a tie (within TIE_TOLERANCE). */
export function compareEvaluations(objective: Objective, a: Scored, b: Scored): number {
  const byScore = compareNumbers(scoreEvaluation(objective, a), scoreEvaluation(objective, b));
  return byScore !== 0 ? byScore : compareNumbers(tieBreak(objective, a), tieBreak(objective, b));
}

function compareNumbers(a: number, b: number): number {
  if (Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) return 0;
  return a < b ? -1 : 1;
}
