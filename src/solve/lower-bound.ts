/**
 * Valid lower bounds by relaxation.
 * Latency: the longest path with every edge at its fastest choice (splits included), ignoring the
 * budget, the cache capacity and vm-local conflicts — no plan can be faster.
 * Cost: the stage constants plus every edge at its cheapest whole mode (a split never costs less
 * than its cheaper mode: cost is affine in the fraction), ignoring the deadline and admission.
 */
import type { Problem } from "../model/types.js";
import { fastestChoice, wholeChoices } from "./edge-choices.js";
import { earliestFinishMs, makespanOf } from "./schedule.js";

export function latencyLowerBoundMs(problem: Problem): number {
  const times = problem.edges.map((c) => fastestChoice(c, problem.allowSplits, () => false)!.timeMs);
  return makespanOf(earliestFinishMs(problem, times));
}

export function costLowerBoundUsd(problem: Problem): number {
  let usd = 0;
  for (const s of problem.stages.values()) usd += s.computeUsd + s.ioUsd;
  for (const c of problem.edges) usd += Math.min(...wholeChoices(c).map((ch) => ch.costUsd));
  return usd;
}
