/**
 * Plans under risk: `plan(dag, size, { confidence: c })` keeps the budget (latency objective) or the
 * deadline (cost objective) with probability at least c, over the instances' runtime spread
 * (stragglers, cold starts) the model knows — a chance constraint, as Jolteon (NSDI'24) sets for
 * serverless workflows. The solver is handed the problem with every stage at its per-stage level
 * 1 − (1 − c)/S (model/quantile-problem.ts: a union bound, conservative), so any plan it keeps within
 * the limits there keeps them with probability ≥ c. The plan reports its expected figures
 * (`predicted`), and `risk`: the medians (every stage at its median) and the c-bound.
 */
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import { quantileProblem, unionBoundLevel } from "../model/quantile-problem.js";
import type { Assignment, Problem } from "../model/types.js";
import type { Plan } from "./types.js";

export interface RiskProblems {
  readonly confidence: number;
  /** Every stage at the level that makes the plan's figures hold with probability ≥ confidence. */
  readonly atConfidence: Problem;
  readonly level: number;
}

export function riskProblems(expected: Problem, confidence: number): RiskProblems {
  const level = unionBoundLevel(confidence, expected.dag.order.length);
  return { confidence, level, atConfidence: quantileProblem(expected, level) };
}

/** The plan as assembled on the risk problem, with its expected figures and its quantiles. */
export function withRisk(plan: Plan, expected: Problem, risk: RiskProblems, assignment: Assignment): Plan {
  const mean = evaluateAssignment(expected, assignment);
  const median = evaluateAssignment(quantileProblem(expected, 0.5), assignment);
  const bound = evaluateAssignment(risk.atConfidence, assignment);
  return {
    ...plan,
    stages: mean.stages,
    predicted: { makespanMs: mean.makespanMs, costUsd: mean.costUsd, cost: mean.cost, cacheBytes: mean.cacheBytes, peakVms: mean.peakVms },
    risk: {
      confidence: risk.confidence,
      stageLevel: risk.level,
      p50: { makespanMs: median.makespanMs, costUsd: median.costUsd },
      atConfidence: { makespanMs: bound.makespanMs, costUsd: bound.costUsd },
    },
  };
}
