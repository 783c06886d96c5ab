/**
 * The large-DAG solver. (1) The fastest plan that respects the cache capacity and vm-local's
 * placement rules (heuristic/fastest-pass.ts). (2) For a target makespan T, a backward pass gives each
 * edge the cheapest choice that still fits its latest-finish window (heuristic/under-target-pass.ts)
 * and — with `passes: "both"` — a forward pass gives the slack to the edges nearest the roots
 * instead (heuristic/forward-pass.ts); the better plan at each T is kept. (3) Depending on the
 * objective, T is bisected: the smallest T whose plan fits the budget (latency), T = the deadline
 * (cost), or the best 1/(M·C) over a sweep (perf-per-dollar). Every candidate is re-scored with
 * evaluateAssignment. Runs in O(iterations · E · modes²); both passes take about twice as long.
 */
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { Assignment, Evaluation, Problem } from "../../model/types.js";
import { mayHostWhenBeside } from "../../model/vm-local-chain.js";
import type { EdgeChoice } from "../edge/edge-choices.js";
import { fastestPlan } from "./fastest-pass.js";
import { cheapestUnderTarget } from "./under-target-pass.js";
import { cheapestForward, tailMs } from "./forward-pass.js";
import { compareEvaluations } from "../objective-score.js";
import { costLowerBoundUsd, latencyLowerBoundMs } from "../bounds/lower-bound.js";
import { earliestFinishMs } from "../schedule.js";
import type { SolverFn, SolverOutcome } from "../solver.js";

function toAssignment(choices: readonly EdgeChoice[], admitted: Set<string>): Assignment {
  return { edges: choices.map((c) => c.shares), admitted };
}

interface Scored {
  readonly assignment: Assignment;
  readonly evaluation: Evaluation;
}

export interface HeuristicOptions {
  /** "backward": the backward pass alone (fastest); "both": backward and forward, the better per target. */
  readonly passes: "backward" | "both";
}

/** The heuristic solver: both passes (the `solver: "heuristic"` choice). */
export const heuristicSolver: SolverFn = (problem) => solveHeuristic(problem, { passes: "both" });

/** The backward pass alone: "auto"'s first, cheapest try. */
export const quickHeuristicSolver: SolverFn = (problem) => solveHeuristic(problem, { passes: "backward" });

function solveHeuristic(problem: Problem, options: HeuristicOptions): SolverOutcome {
  const fast = fastestPlan(problem);
  const fastAssignment = toAssignment(fast.choices, fast.admitted);
  const fastFinish = earliestFinishMs(problem, fast.choices.map((c) => c.timeMs));
  const fastHosted = new Set(problem.dag.edges.filter((_, i) => fast.choices[i]!.usesVmLocal && !mayHostWhenBeside(problem, i)).map((e) => e.to));
  const score = (a: Assignment): Scored => ({ assignment: a, evaluation: evaluateAssignment(problem, a) });
  const fastest = score(fastAssignment);
  const fastTail = tailMs(problem, fast.choices.map((c) => c.timeMs));
  const fastHosts = new Set(problem.dag.edges.filter((_, i) => fast.choices[i]!.usesVmLocal).map((e) => e.from));
  const LIMITS = new Set(["budget", "deadline"]);
  const valid = (s: Scored) => s.evaluation.violations.every((v) => LIMITS.has(v.code));
  const withinLimits = (s: Scored) => s.evaluation.violations.length === 0;
  /** The backward and the forward pass's plans for target t: a valid one within the limits first, then the better for the objective. */
  const atTarget = (t: number): Scored | undefined => {
    const back = cheapestUnderTarget(problem, t, fastFinish, fastHosted);
    const forward = options.passes === "both" ? [score(cheapestForward(problem, t, fastTail, fastHosts))] : [];
    const plans = [...(back === undefined ? [] : [score(back)]), ...forward].filter(valid);
    return plans.reduce<Scored | undefined>((a, b) => {
      if (a === undefined) return b;
      if (withinLimits(a) !== withinLimits(b)) return withinLimits(a) ? a : b;
      return compareEvaluations(problem.objective, b.evaluation, a.evaluation) < 0 ? b : a;
    }, undefined);
  };
  const cheapest = atTarget(Infinity) ?? fastest;
  const lowMs = fastest.evaluation.makespanMs;
  const highMs = Math.max(lowMs, cheapest.evaluation.makespanMs);
  const fitsBudget = (s: Scored) => s.evaluation.costUsd <= problem.budgetUsd * (1 + 1e-9) && s.evaluation.cacheBytes <= problem.cacheCapacityBytes;
  const better = (a: Scored | undefined, b: Scored) => (a === undefined ? b : b.evaluation.makespanMs < a.evaluation.makespanMs - 1e-9 || (Math.abs(b.evaluation.makespanMs - a.evaluation.makespanMs) <= 1e-9 && b.evaluation.costUsd < a.evaluation.costUsd) ? b : a);
  let best: Scored | undefined;

  if (problem.objective === "latency") {
    const tight = atTarget(lowMs);
    for (const s of [fastest, tight, cheapest]) if (s !== undefined && fitsBudget(s)) best = better(best, s);
    if (best === undefined) return { name: "heuristic", status: "infeasible", notes: [`cheapest plan found costs $${cheapest.evaluation.costUsd.toPrecision(4)}`] };
    let lo = lowMs;
    let hi = best.evaluation.makespanMs;
    for (let iter = 0; iter < 40 && hi - lo > 1e-4 * Math.max(1, hi); iter++) {
      const mid = (lo + hi) / 2;
      const s = atTarget(mid);
      if (s !== undefined && fitsBudget(s)) {
        best = better(best, s);
        hi = mid;
      } else lo = mid;
    }
  } else if (problem.objective === "cost") {
    for (const s of [atTarget(problem.deadlineMs), fastest, cheapest]) {
      if (s === undefined || s.evaluation.makespanMs > problem.deadlineMs * (1 + 1e-9)) continue;
      if (best === undefined || s.evaluation.costUsd < best.evaluation.costUsd) best = s;
    }
    if (best === undefined) return { name: "heuristic", status: "infeasible", notes: [`fastest plan found takes ${fastest.evaluation.makespanMs.toFixed(1)} ms`] };
  } else {
    const ppd = (s: Scored) => 1 / (s.evaluation.makespanMs * s.evaluation.costUsd);
    const steps = 24;
    for (let k = 0; k <= steps; k++) {
      const t = lowMs * Math.pow(highMs / lowMs, k / steps);
      const s = k === 0 ? fastest : atTarget(t);
      if (s !== undefined && fitsBudget(s) && (best === undefined || ppd(s) > ppd(best))) best = s;
    }
    if (best === undefined) return { name: "heuristic", status: "infeasible" };
  }
  const lowerBound = problem.objective === "latency" ? latencyLowerBoundMs(problem) : problem.objective === "cost" ? costLowerBoundUsd(problem) : undefined;
  return { name: "heuristic", status: "feasible", assignment: best.assignment, ...(lowerBound === undefined ? {} : { lowerBound }) };
}
