/**
 * The large-DAG solver. (1) A forward pass gives the fastest plan that respects the cache capacity
 * one vm-local input per stage, and no vm-local chains. (2) For a target makespan T, a backward pass gives each edge
 * the cheapest choice (whole mode or two-mode split) that still fits its latest-finish window —
 * so only off-critical edges are slowed down. (3) Depending on the objective, T is bisected: the
 * smallest T whose plan fits the budget (latency), T = the deadline (cost), or the best 1/(M·C)
 * over a sweep (perf-per-dollar). Every candidate is re-scored with evaluateAssignment.
 * Runs in O(iterations · E · modes²).
 */
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { Assignment, Evaluation, ModeOption, Problem } from "../model/types.js";
import { cheapestWithin, fastestChoice, type EdgeChoice } from "./edge-choices.js";
import { costLowerBoundUsd, latencyLowerBoundMs } from "./lower-bound.js";
import { mayHostWhenBeside } from "../model/vm-local-chain.js";
import { fastestWithHosting } from "./fastest-with-hosting.js";
import { earliestFinishMs, makespanOf } from "./schedule.js";
import type { SolverFn, SolverOutcome } from "./solver.js";

function toAssignment(choices: readonly EdgeChoice[], admitted: Set<string>): Assignment {
  return { edges: choices.map((c) => c.shares), admitted };
}

/**
 * Which incoming edge of a stage (if any) runs vm-local: at most one may. `score(i, local)` gives
 * edge i's figure with vm-local allowed (local) or excluded, undefined when no choice fits; the
 * edge whose permission lowers `combine` over all edges the most wins (ties: the first).
 */
function pickLocalEdge(incoming: readonly number[], score: (i: number, local: boolean) => number | undefined, combine: (xs: number[]) => number): number | undefined {
  const without = incoming.map((i) => score(i, false));
  const base = without.every((x) => x !== undefined) ? combine(without as number[]) : Infinity;
  let pick: number | undefined;
  let bestValue = base;
  incoming.forEach((i, k) => {
    const local = score(i, true);
    if (local === undefined) return;
    const others = without.filter((_, j) => j !== k);
    if (others.some((x) => x === undefined)) return;
    const value = combine([...(others as number[]), local]);
    if (!Number.isFinite(bestValue) || value < bestValue - 1e-12 * Math.max(1, Math.abs(bestValue))) {
      bestValue = value;
      pick = i;
    }
  });
  return pick;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);

function fastestPlan(problem: Problem): { choices: EdgeChoice[]; admitted: Set<string> } {
  const { dag } = problem;
  const choices: EdgeChoice[] = new Array(dag.edges.length);
  const admitted = new Set<string>();
  const finish = new Map<string, number>();
  /** Stages running beside their producer's output: they cannot host a vm-local consumer. */
  const hosted = new Set<string>();
  let cacheBytes = 0;
  const fitsCache = (u: string) => admitted.has(u) || cacheBytes + problem.stages.get(u)!.cacheBytes <= problem.cacheCapacityBytes;
  const fastest = (i: number, local: boolean) => {
    const fits = fitsCache(dag.edges[i]!.from);
    const mayHost = !hosted.has(dag.edges[i]!.from);
    return fastestChoice(problem.edges[i]!, problem.allowSplits, (o) => (o.mode === "vm-local" && !(local && mayHost)) || (o.requiresAdmission && !fits));
  };
  for (const v of dag.order) {
    const incoming = dag.incoming.get(v)!;
    // the vm-local input goes to the edge where it shortens the stage's ready time most
    const ready = (i: number, local: boolean) => {
      const ch = fastest(i, local);
      return ch === undefined || (local && !ch.usesVmLocal) ? undefined : finish.get(dag.edges[i]!.from)! + ch.timeMs;
    };
    const localEdge = pickLocalEdge(incoming, ready, max);
    let readyMs = 0;
    for (const i of incoming) {
      const u = dag.edges[i]!.from;
      const ch = fastest(i, i === localEdge)!;
      if (ch.usesCache && !admitted.has(u)) {
        admitted.add(u);
        cacheBytes += problem.stages.get(u)!.cacheBytes;
      }
      choices[i] = ch;
      if (ch.usesVmLocal && !mayHostWhenBeside(problem, i)) hosted.add(v);
      readyMs = Math.max(readyMs, finish.get(u)! + ch.timeMs);
    }
    finish.set(v, readyMs + problem.stages.get(v)!.baseMs);
  }
  return { choices, admitted };
}

/**
 * Cheapest plan whose makespan stays ≤ targetMs given the fastest plan's earliest finishes; undefined if none.
 * A stage that runs beside its producer in the fastest plan (`fastHosted`) keeps that option, so it
 * may not host a vm-local consumer here: its earliest finish assumed it.
 */
function cheapestUnderTarget(problem: Problem, targetMs: number, fastFinish: ReadonlyMap<string, number>, fastHosted: ReadonlySet<string>): Assignment | undefined {
  const { dag } = problem;
  const latest = new Map<string, number>();
  for (const id of dag.order) latest.set(id, targetMs);
  const choices: EdgeChoice[] = new Array(dag.edges.length);
  const admitted = new Set<string>();
  /** Stages hosting a vm-local consumer: they cannot run beside their own producer. */
  const hosting = new Set<string>();
  let cacheBytes = 0;
  for (let k = dag.order.length - 1; k >= 0; k--) {
    const v = dag.order[k]!;
    const mayBeHosted = !hosting.has(v);
    const window = latest.get(v)! - problem.stages.get(v)!.baseMs;
    const incoming = dag.incoming.get(v)!;
    // the vm-local input goes to the edge where it saves most (or the only one that fits its window)
    const cheapest = (i: number, local: boolean) => {
      const beside = local && (mayBeHosted || mayHostWhenBeside(problem, i)) && !fastHosted.has(dag.edges[i]!.from);
      const ch = cheapestWithin(problem.edges[i]!, window - fastFinish.get(dag.edges[i]!.from)!, problem.allowSplits, (o) => o.mode === "vm-local" && !beside);
      return ch === undefined || (local && !ch.usesVmLocal) ? undefined : ch.costUsd;
    };
    const localEdge = pickLocalEdge(incoming, cheapest, sum);
    for (const i of incoming) {
      const u = dag.edges[i]!.from;
      const cap = window - fastFinish.get(u)!;
      const cand = problem.edges[i]!;
      const noLocal = i !== localEdge || !(mayBeHosted || mayHostWhenBeside(problem, i)) || fastHosted.has(u);
      const noCache = (o: ModeOption) => o.requiresAdmission || (o.mode === "vm-local" && noLocal);
      let ch = cheapestWithin(cand, cap, problem.allowSplits, noCache);
      const terms = problem.stages.get(u)!;
      const canAdmit = admitted.has(u) || cacheBytes + terms.cacheBytes <= problem.cacheCapacityBytes;
      if (canAdmit) {
        const withCache = cheapestWithin(cand, cap, problem.allowSplits, (o) => o.mode === "vm-local" && noLocal);
        if (withCache?.usesCache) {
          const extra = admitted.has(u) ? 0 : terms.admissionFixedUsd + terms.admissionUsdPerMs * Math.max(0, latest.get(v)! - fastFinish.get(u)!);
          if (ch === undefined || withCache.costUsd + extra < ch.costUsd) {
            ch = withCache;
            if (!admitted.has(u)) {
              admitted.add(u);
              cacheBytes += terms.cacheBytes;
            }
          }
        }
      }
      if (ch === undefined) return undefined;
      choices[i] = ch;
      if (ch.usesVmLocal) hosting.add(u);
      // a choice within the rounding allowance of its cap counts as on it: overruns must not pile up upstream
      latest.set(u, Math.min(latest.get(u)!, window - Math.min(ch.timeMs, cap)));
    }
  }
  return toAssignment(choices, admitted);
}

interface Scored {
  readonly assignment: Assignment;
  readonly evaluation: Evaluation;
}

/** The faster of the greedy forward pass and the plan walked back from the hosting DP, when the latter fits the cache. */
function fastestOfBoth(problem: Problem): { choices: EdgeChoice[]; admitted: Set<string> } {
  const greedy = fastestPlan(problem);
  const walked = fastestWithHosting(problem).choices;
  if (walked.some((c) => c === undefined)) return greedy;
  const choices = walked as EdgeChoice[];
  const admitted = new Set<string>();
  problem.dag.edges.forEach((e, i) => {
    if (choices[i]!.usesCache) admitted.add(e.from);
  });
  let cacheBytes = 0;
  for (const u of admitted) cacheBytes += problem.stages.get(u)!.cacheBytes;
  if (cacheBytes > problem.cacheCapacityBytes) return greedy;
  const makespan = (c: readonly EdgeChoice[]) => makespanOf(earliestFinishMs(problem, c.map((x) => x.timeMs)));
  return makespan(choices) < makespan(greedy.choices) ? { choices, admitted } : greedy;
}

export const heuristicSolver: SolverFn = (problem): SolverOutcome => {
  const fast = fastestOfBoth(problem);
  const fastAssignment = toAssignment(fast.choices, fast.admitted);
  const fastFinish = earliestFinishMs(problem, fast.choices.map((c) => c.timeMs));
  const fastHosted = new Set(problem.dag.edges.filter((_, i) => fast.choices[i]!.usesVmLocal && !mayHostWhenBeside(problem, i)).map((e) => e.to));
  const score = (a: Assignment): Scored => ({ assignment: a, evaluation: evaluateAssignment(problem, a) });
  const fastest = score(fastAssignment);
  const atTarget = (t: number): Scored | undefined => {
    const a = cheapestUnderTarget(problem, t, fastFinish, fastHosted);
    return a === undefined ? undefined : score(a);
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
};
