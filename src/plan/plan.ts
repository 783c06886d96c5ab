/**
 * `plan(dag, inputSize, options)`: the fastest plan within the budget (or the cheapest within the
 * deadline, or the best performance per dollar). Reads as its phases:
 *   validate → estimate → candidates (prepareProblem) → [risk: every stage at its confidence level] → solve
 *   (again without vm-local where it would hold the VM pool in a hold-and-wait)
 *   → assemble (decisions, placement, explanations) → [risk: expected figures and quantiles].
 * Deterministic: the same inputs give the same plan.
 */
import { resolveSolver } from "../solve/auto-solver.js";
import { GAP_TOLERANCE } from "../solve/solver.js";
import { assemblePlan } from "./assemble-plan.js";
import { closestPlan } from "./closest-plan.js";
import { DEFAULT_TIME_LIMIT_MS, type PlanOptions } from "./options.js";
import { checkOptionsObject } from "./options-schema.js";
import { prepareProblem, timed } from "./prepare-problem.js";
import { needsSizing, sizeStages } from "./sizing/size-stages.js";
import type { Plan } from "./types.js";
import { checkFinitePlan } from "./check-finite.js";
import { evaluateOnce } from "../solve/evaluate-once.js";
import { toAssignment } from "../model/decisions.js";
import { riskProblems, withRisk } from "./risk.js";
import { solveWithinPool } from "./avoid-overdraw.js";

export async function plan(dag: unknown, inputSize: number | string, options: PlanOptions = {}): Promise<Plan> {
  // Options first: every later phase reads them (null or a string is an InputError, not a TypeError).
  checkOptionsObject(options);
  // Phase "size" (only when the DAG leaves counts open or memorySizes are given): fill them in.
  const sizingMs: Record<string, number> = {};
  const sizing = needsSizing(dag, options) ? await timed(sizingMs, "size", () => sizeStages(dag, inputSize, options)) : undefined;
  const { memorySizes: _m, ...rest } = options;
  const prepared = await prepareProblem(sizing?.dagInput ?? dag, inputSize, rest);
  const expected = prepared.problem;
  const measured: Record<string, number> = { ...sizingMs, ...prepared.timingsMs };
  // With a confidence, the solver keeps the limits on the problem with every stage at its risk level (risk.ts).
  const risk = options.confidence === undefined ? undefined : riskProblems(expected, options.confidence);
  const solver = resolveSolver(options.solver);
  const ctx = { timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, gapTolerance: options.gapTolerance ?? GAP_TOLERANCE };
  // Re-solved without vm-local where it would hold the VM pool in a hold-and-wait (avoid-overdraw.ts).
  const { problem, outcome } = await timed(measured, "solve", () => solveWithinPool(risk === undefined ? expected : risk.atConfidence, (p) => solver(p, ctx)));
  // Timings are wall-clock: in the plan only when asked, so the same inputs give the same bytes.
  const timingsMs = options.timings === true ? measured : undefined;
  // A plan is "ok" only if the model finds it within every limit, whatever the solver said.
  const withinLimits = outcome.assignment !== undefined && evaluateOnce(problem, outcome.assignment).feasible;
  const assembled = withinLimits
    ? await timed(measured, "assemble", () => assemblePlan({ problem, assignment: outcome.assignment!, outcome, status: "ok", timingsMs }))
    : await timed(measured, "assemble", () => closestPlan(problem, outcome, timingsMs, ctx));
  const risked = risk === undefined ? assembled : withRisk(assembled, expected, risk, toAssignment(expected.dag, assembled));
  return checkFinitePlan(sizing === undefined ? risked : { ...risked, sizing: sizing.report });
}
