/**
 * The large-DAG solver. (1) The fastest plan that respects the cache capacity and vm-local's
 * placement rules (heuristic/fastest-pass.ts). (2) For a target makespan T, a backward pass gives each
 * edge the cheapest choice that still fits its latest-finish window (heuristic/under-target-pass.ts)
 * and — with `passes: "both"` — a forward pass gives the slack to the edges nearest the roots
 * instead (heuristic/forward-pass.ts); the better plan at each T is kept. (3) Depending on the
 * objective: the smallest T whose plan fits the budget, by a safeguarded secant search
 * (target-search.ts; latency), T = the deadline (cost), or the best 1/(M·C) over a sweep
 * (perf-per-dollar). Every candidate is re-scored with
 * evaluateAssignment. Runs in O(iterations · E · modes²); both passes take about twice as long.
 */
import { evaluateOnce } from "../evaluate-once.js";
import type { Assignment, Evaluation, ModeOption, Problem } from "../../model/types.js";
import { edgeTransferMs } from "../../model/edge-time.js";
import { mayHostWhenBeside } from "../../model/vm-local-chain.js";
import type { EdgeChoice } from "../edge/edge-choices.js";
import { fastestPlan } from "./fastest-pass.js";
import { cheapestUnderTarget } from "./under-target-pass.js";
import { cheapestForward } from "./forward-pass.js";
import { tailMs } from "../schedule.js";
import { searchTarget } from "./target-search.js";
import { compareEvaluations } from "../objective-score.js";
import { costLowerBoundUsd, latencyLowerBoundMs } from "../bounds/lower-bound.js";
import { earliestFinishMs, makespanOf } from "../schedule.js";
import { GAP_TOLERANCE, type SolverContext, type SolverFn, type SolverOutcome } from "../solver.js";

/**
 * A floor under a plan's evaluated makespan: its earliest finishes with each edge's transfer time
 * alone (evaluate-assignment.ts adds the pool's waits and the read-after-last-write rule, which
 * only delay a stage). 0 when a share names a mode the edge does not offer (the model rejects it).
 */
function makespanFloorMs(problem: Problem, a: Assignment): number {
  const times: number[] = new Array(a.edges.length);
  for (let i = 0; i < a.edges.length; i++) {
    const c = problem.edges[i]!;
    const parts: [ModeOption, number][] = [];
    for (const share of a.edges[i]!) {
      const o = c.options.find((x) => x.mode === share.mode);
      if (o === undefined) return 0;
      parts.push([o, share.fraction]);
    }
    times[i] = edgeTransferMs(parts, c.nicOffsetsMs);
  }
  return makespanOf(earliestFinishMs(problem, times));
}

function toAssignment(choices: readonly EdgeChoice[], admitted: Set<string>): Assignment {
  return { edges: choices.map((c) => c.shares), admitted };
}

interface Scored {
  readonly assignment: Assignment;
  readonly evaluation: Evaluation;
}

export interface HeuristicOptions {
  /** "backward" or "forward": that pass alone; "both": each target's better plan of the two. */
  readonly passes: "backward" | "forward" | "both";
}

/** The heuristic solver: both passes (the `solver: "heuristic"` choice). */
export const heuristicSolver: SolverFn = (problem, ctx) => solveHeuristic(problem, ctx, { passes: "both" });

/** The backward pass alone: "auto"'s first, cheapest try. */
export const quickHeuristicSolver: SolverFn = (problem, ctx) => solveHeuristic(problem, ctx, { passes: "backward" });

/** The forward pass alone: "auto"'s second try, when the first is not proven within the tolerance. */
export const forwardHeuristicSolver: SolverFn = (problem, ctx) => solveHeuristic(problem, ctx, { passes: "forward" });

function solveHeuristic(problem: Problem, ctx: SolverContext, options: HeuristicOptions): SolverOutcome {
  const fast = fastestPlan(problem);
  const fastAssignment = toAssignment(fast.choices, fast.admitted);
  const fastFinish = earliestFinishMs(problem, fast.choices.map((c) => c.timeMs));
  const fastHosted = new Set(problem.dag.edges.filter((_, i) => fast.choices[i]!.usesVmLocal && !mayHostWhenBeside(problem, i)).map((e) => e.to));
  const score = (a: Assignment): Scored => ({ assignment: a, evaluation: evaluateOnce(problem, a) });
  const fastest = score(fastAssignment);
  const fastTail = tailMs(problem, fast.choices.map((c) => c.timeMs));
  const fastHosts = new Set(problem.dag.edges.filter((_, i) => fast.choices[i]!.usesVmLocal).map((e) => e.from));
  const LIMITS = new Set(["budget", "deadline"]);
  const valid = (s: Scored) => s.evaluation.violations.every((v) => LIMITS.has(v.code));
  const withinLimits = (s: Scored) => s.evaluation.violations.length === 0;
  /**
   * The backward and the forward pass's plans for target t: a valid one within the limits first,
   * then the better for the objective. With `unlessSlowerThanMs`, "slower" — without scoring —
   * when every plan's makespan floor (makespanFloorMs) is above it: then none could win a
   * comparison by makespan against a plan that fast.
   */
  const atTarget = (t: number, unlessSlowerThanMs = Infinity): Scored | "slower" | undefined => {
    const back = options.passes === "forward" ? undefined : cheapestUnderTarget(problem, t, fastFinish, fastHosted);
    const built = [...(back === undefined ? [] : [back]), ...(options.passes === "backward" ? [] : [cheapestForward(problem, t, fastTail, fastHosts)])];
    if (built.length > 0 && Number.isFinite(unlessSlowerThanMs) && built.every((a) => makespanFloorMs(problem, a) * (1 - 1e-9) > unlessSlowerThanMs + 1e-9)) return "slower";
    const plans = built.map(score).filter(valid);
    return plans.reduce<Scored | undefined>((a, b) => {
      if (a === undefined) return b;
      if (withinLimits(a) !== withinLimits(b)) return withinLimits(a) ? a : b;
      return compareEvaluations(problem.objective, b.evaluation, a.evaluation) < 0 ? b : a;
    }, undefined);
  };
  const scored = (s: Scored | "slower" | undefined) => (s === "slower" ? undefined : s);
  // latency: the plan at an unbounded target is only a fallback, scored when it could win (below)
  const lazyCheapest = problem.objective === "latency";
  const cheapest = lazyCheapest ? fastest : (scored(atTarget(Infinity)) ?? fastest);
  const lowMs = fastest.evaluation.makespanMs;
  const highMs = Math.max(lowMs, cheapest.evaluation.makespanMs);
  const fitsBudget = (s: Scored) => s.evaluation.costUsd <= problem.budgetUsd * (1 + 1e-9) && s.evaluation.cacheBytes <= problem.cacheCapacityBytes;
  const better = (a: Scored | undefined, b: Scored) => (a === undefined ? b : b.evaluation.makespanMs < a.evaluation.makespanMs - 1e-9 || (Math.abs(b.evaluation.makespanMs - a.evaluation.makespanMs) <= 1e-9 && b.evaluation.costUsd < a.evaluation.costUsd) ? b : a);
  let best: Scored | undefined;

  if (problem.objective === "latency") {
    const tight = scored(atTarget(lowMs));
    for (const s of [fastest, tight]) if (s !== undefined && fitsBudget(s)) best = better(best, s);
    // a plan slower than the best so far cannot replace it (better() ranks by makespan first)
    const loose = atTarget(Infinity, best?.evaluation.makespanMs ?? Infinity);
    const cheapestPlan = loose === "slower" ? undefined : (loose ?? fastest);
    if (cheapestPlan !== undefined && fitsBudget(cheapestPlan)) best = better(best, cheapestPlan);
    if (best === undefined) return { name: "heuristic", status: "infeasible", notes: [`cheapest plan found costs $${(cheapestPlan ?? fastest).evaluation.costUsd.toPrecision(4)}`] };
    // the smallest target that fits the budget (target-search.ts), to a tenth of the gap tolerance
    // (finer steps cannot move the plan across the tolerance by more than that), at least 1e-4
    const precision = Math.max(1e-4, (ctx.gapTolerance ?? GAP_TOLERANCE) / 10);
    const excess = (s: Scored | undefined) => (s === undefined || s.evaluation.cacheBytes > problem.cacheCapacityBytes ? Infinity : s.evaluation.costUsd - problem.budgetUsd * (1 + 1e-9));
    const probe = (targetMs: number) => {
      const s = scored(atTarget(targetMs));
      if (s !== undefined && fitsBudget(s)) best = better(best, s);
      if (s === undefined) return { targetMs, excessUsd: Infinity };
      return { targetMs, excessUsd: fitsBudget(s) ? Math.min(0, excess(s)) : Math.max(excess(s), Number.MIN_VALUE) };
    };
    searchTarget({ targetMs: lowMs, excessUsd: excess(tight) > 0 ? excess(tight) : Infinity }, { targetMs: best.evaluation.makespanMs, excessUsd: Math.min(0, excess(best)) }, probe, precision);
  } else if (problem.objective === "cost") {
    for (const s of [scored(atTarget(problem.deadlineMs)), fastest, cheapest]) {
      if (s === undefined || s.evaluation.makespanMs > problem.deadlineMs * (1 + 1e-9)) continue;
      if (best === undefined || s.evaluation.costUsd < best.evaluation.costUsd) best = s;
    }
    if (best === undefined) return { name: "heuristic", status: "infeasible", notes: [`fastest plan found takes ${fastest.evaluation.makespanMs.toFixed(1)} ms`] };
  } else {
    const ppd = (s: Scored) => 1 / (s.evaluation.makespanMs * s.evaluation.costUsd);
    const steps = 24;
    for (let k = 0; k <= steps; k++) {
      const t = lowMs * Math.pow(highMs / lowMs, k / steps);
      const s = k === 0 ? fastest : scored(atTarget(t));
      if (s !== undefined && fitsBudget(s) && (best === undefined || ppd(s) > ppd(best))) best = s;
    }
    if (best === undefined) return { name: "heuristic", status: "infeasible" };
  }
  const lowerBound = problem.objective === "latency" ? latencyLowerBoundMs(problem) : problem.objective === "cost" ? costLowerBoundUsd(problem) : undefined;
  return { name: "heuristic", status: "feasible", assignment: best.assignment, ...(lowerBound === undefined ? {} : { lowerBound }) };
}
