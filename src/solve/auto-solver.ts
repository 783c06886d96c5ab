/**
 * Solver choice by name, and "auto": the heuristic first, then a bound, and more search only
 * while the proven gap exceeds the tolerance (SolverContext.gapTolerance, default 1%):
 *   1. heuristic (heuristic/heuristic.ts) → a plan;
 *   2. its gap against the cheap bound (bounds/lower-bound.ts), then, under a budget or deadline,
 *      against the forest bound (bounds/proven-bound.ts) — within the tolerance, done;
 *   3. chains up to AUTO_DP_MAX_EDGES edges: the chain DP, raced against the heuristic;
 *      DAGs up to AUTO_EXACT_MAX_EDGES edges: the exact MILP, started from the heuristic's plan,
 *      stopping at the tolerance or AUTO_MAX_NODES nodes;
 *      larger DAGs up to AUTO_LP_BOUND_MAX_EDGES edges: the LP relaxation bound (iteration-limited);
 *   4. still not proven within the tolerance, and every plan is a whole-mode plan (no edge can split)
 *      with at most AUTO_ENUMERATE_MAX_COMBINATIONS of them: every plan enumerated, those a cost floor
 *      cannot rule out scored (referee/pruned-enumeration.ts), which proves the best one optimal. The MILP's bound can stay loose where it does not see the
 *      model: it bills the VM pool at the pool of the fastest plan, while a plan whose stages overlap
 *      more leases more VMs at its peak (docs/solvers.md).
 * The better evaluated answer wins, so more search never makes a plan worse. Every stop is a work
 * limit, so the same inputs give the same plan; the wall-clock limit is a safety net, and an
 * exact search it cuts short is discarded in favour of the plan already in hand (noted).
 *
 * The heuristic and the cheap bounds settle the example DAGs; the chain DP, the MILP (and its LP
 * engines), the LP bound and brute force are imported on first use, so `sluice plan` does not load them.
 */
import { show, sluiceError } from "../errors.js";
import type { Problem } from "../model/types.js";
import { evaluateOnce } from "./evaluate-once.js";
import type { ExactMilpOptions } from "./milp/exact-milp.js";
import { forwardHeuristicSolver, heuristicSolver, quickHeuristicSolver } from "./heuristic/heuristic.js";
import { budgetAwareBound } from "./bounds/proven-bound.js";
import { scoreEvaluation } from "./objective-score.js";
import { GAP_TOLERANCE, type SolverContext, type SolverFn, type SolverName, type SolverOutcome } from "./solver.js";

export const AUTO_EXACT_MAX_EDGES = 40;
export const AUTO_DP_MAX_EDGES = 200;
export const AUTO_LP_BOUND_MAX_EDGES = 500;
/** Past this many edges the forward pass is not tried: at 13,000 edges it would add about as much again as the first pass (docs/solvers.md). */
export const AUTO_FORWARD_MAX_EDGES = 5_000;
/**
 * The most whole-mode plans "auto" enumerates to close a gap the bounds leave open (4 modes on 7
 * edges); branches the cost floor cuts are not scored (referee/pruned-enumeration.ts). Scoring all
 * 16,384 takes about 0.5 s on this machine, paid only where no bound proves the plan.
 */
export const AUTO_ENUMERATE_MAX_COMBINATIONS = 4 ** 7;
/** Branch-and-bound nodes the exact MILP may spend per solve inside "auto". */
export const AUTO_MAX_NODES = 2_000;

export function isChain(problem: Problem): boolean {
  const { dag } = problem;
  return dag.stages.every((s) => dag.incoming.get(s.id)!.length <= 1 && dag.outgoing.get(s.id)!.length <= 1);
}

/** The plan's objective under the model (Infinity when it breaks a limit or has none). */
function valueOf(problem: Problem, o: SolverOutcome): number {
  if (o.assignment === undefined) return Infinity;
  const e = evaluateOnce(problem, o.assignment);
  return e.feasible ? scoreEvaluation(problem.objective, e) : Infinity;
}

/** The outcome with the larger bound, its status set by the gap: "optimal" when it meets the bound. */
function withBound(problem: Problem, o: SolverOutcome, bound: number | undefined, note?: string): SolverOutcome {
  const lowerBound = Math.max(bound ?? -Infinity, o.lowerBound ?? -Infinity);
  const notes = [...(o.notes ?? []), ...(note === undefined ? [] : [note])];
  if (!Number.isFinite(lowerBound)) return { ...o, notes };
  const meets = valueOf(problem, o) <= lowerBound * (1 + 1e-9) + 1e-12;
  return { ...o, lowerBound, notes, status: meets ? "optimal" : o.status };
}

/** The bound that proves o within the tolerance. */
function enough(problem: Problem, o: SolverOutcome, tolerance: number): number {
  return valueOf(problem, o) * (1 - tolerance);
}

function gapOf(problem: Problem, o: SolverOutcome): number {
  const value = valueOf(problem, o);
  if (o.lowerBound === undefined || !Number.isFinite(value)) return Infinity;
  return value > 0 ? Math.max(0, (value - o.lowerBound) / value) : 0;
}

export const autoSolver: SolverFn = async (problem, ctx) => {
  const tolerance = ctx.gapTolerance ?? GAP_TOLERANCE;
  const small = problem.dag.edges.length > 0 && problem.dag.edges.length <= AUTO_EXACT_MAX_EDGES;
  let quick = await quickHeuristicSolver(problem, ctx);
  let bounded = withBound(problem, quick, undefined);
  if (gapOf(problem, bounded) <= tolerance || problem.dag.edges.length === 0) return bounded;
  if (quick.assignment !== undefined) {
    const forest = budgetAwareBound(problem, evaluateOnce(problem, quick.assignment), enough(problem, quick, tolerance));
    bounded = withBound(problem, bounded, forest, forest === undefined ? undefined : `forest bound ${forest.toPrecision(8)}`);
    if (gapOf(problem, bounded) <= tolerance) return bounded;
  }
  // the heuristic's forward pass: as much work again, a different share of the slack
  const thorough = problem.dag.edges.length <= AUTO_FORWARD_MAX_EDGES ? await forwardHeuristicSolver(problem, ctx) : { name: "heuristic", status: "infeasible" as const };
  if (valueOf(problem, thorough) < valueOf(problem, quick) * (1 - 1e-12)) {
    quick = thorough;
    const forest = budgetAwareBound(problem, evaluateOnce(problem, thorough.assignment!), enough(problem, thorough, tolerance));
    bounded = withBound(problem, { ...thorough, notes: [...(bounded.notes ?? []), "forward pass: better plan"] }, Math.max(bounded.lowerBound ?? -Infinity, forest ?? -Infinity));
    if (gapOf(problem, bounded) <= tolerance) return bounded;
  }
  if (quick.assignment === undefined) return small ? enumerateIfOpen(problem, ctx, await (await exactMilp({ maxNodes: AUTO_MAX_NODES }))(problem, ctx), tolerance) : quick;
  if (isChain(problem) && problem.dag.edges.length <= AUTO_DP_MAX_EDGES) return enumerateIfOpen(problem, ctx, race(problem, bounded, await chainDp(problem, ctx)), tolerance);
  if (small) {
    const exact = await (await exactMilp({ start: quick.assignment, relativeGap: tolerance, maxNodes: AUTO_MAX_NODES, breakTies: false }))(problem, ctx);
    if (exact.stoppedByTime === true) return { ...bounded, notes: [...(bounded.notes ?? []), `${exact.name}: stopped by the ${ctx.timeLimitMs} ms safety limit, not by work; its answer is not used so the plan repeats exactly`] };
    return enumerateIfOpen(problem, ctx, race(problem, bounded, exact), tolerance);
  }
  return withLpBound(problem, ctx, bounded);
};

/**
 * Every whole-mode plan scored, when the gap is still above the tolerance, no edge can split (so
 * those are all the plans) and there are at most AUTO_ENUMERATE_MAX_COMBINATIONS: the best is then
 * the optimum, and its value the bound. Otherwise `o` unchanged.
 */
async function enumerateIfOpen(problem: Problem, ctx: SolverContext, o: SolverOutcome, tolerance: number): Promise<SolverOutcome> {
  if (o.status === "optimal" || (o.assignment !== undefined && gapOf(problem, o) <= tolerance)) return o;
  // no plan in hand within the limits: plan() has its own remedies (plan/avoid-overdraw.ts, closest plan)
  if (problem.objective === "perf-per-dollar" || !Number.isFinite(valueOf(problem, o))) return o;
  const splits = problem.allowSplits && problem.edges.some((c) => c.options.filter((x) => x.splittable).length > 1);
  if (splits) return o;
  const { countCombinations } = await import("./referee/brute-force.js");
  const combinations = countCombinations(problem);
  if (combinations > AUTO_ENUMERATE_MAX_COMBINATIONS) return o;
  const { prunedEnumeration } = await import("./referee/pruned-enumeration.js");
  const all = prunedEnumeration(problem, o.assignment, combinations)!;
  const note = `enumerated ${combinations} whole-mode plans (${all.scored} scored, the rest cut by the cost floor)`;
  if (all.best === undefined) return { ...o, notes: [...(o.notes ?? []), note] };
  const value = scoreEvaluation(problem.objective, all.best.evaluation);
  const better = value < valueOf(problem, o) * (1 - 1e-12) ? { name: "enumeration (auto)", status: "optimal" as const, assignment: all.best.assignment } : o;
  return withBound(problem, { ...better, notes: [...(o.notes ?? []), note], lowerBound: value }, undefined);
}

/** The better evaluated answer of two, carrying the larger bound and both notes. */
function race(problem: Problem, incumbent: SolverOutcome, challenger: SolverOutcome): SolverOutcome {
  const notes = [...(incumbent.notes ?? []), `${challenger.name}: ${challenger.status}`, ...(challenger.notes ?? [])];
  const bound = challenger.status === "infeasible" ? undefined : challenger.lowerBound;
  const better = valueOf(problem, challenger) < valueOf(problem, incumbent) * (1 - 1e-12) ? challenger : incumbent;
  return withBound(problem, { ...better, notes, lowerBound: Math.max(incumbent.lowerBound ?? -Infinity, bound ?? -Infinity) }, undefined);
}

/** Iterations the LP bound may spend: a work limit, measured to cover the relaxation at 500 edges. */
export const LP_BOUND_MAX_ITERATIONS = 50_000;

/** The heuristic's answer with the LP relaxation bound where the limit is finite and the DAG small enough. */
async function withLpBound(problem: Problem, ctx: SolverContext, quick: SolverOutcome): Promise<SolverOutcome> {
  const limited = problem.objective === "latency" ? Number.isFinite(problem.budgetUsd) : problem.objective === "cost" && Number.isFinite(problem.deadlineMs);
  if (!limited || problem.dag.edges.length > AUTO_LP_BOUND_MAX_EDGES) return quick;
  const { lpRelaxationBound } = await import("./bounds/lp-relaxation-bound.js");
  const lp = await lpRelaxationBound(problem, { timeLimitMs: ctx.timeLimitMs, maxIterations: LP_BOUND_MAX_ITERATIONS, ...(quick.assignment === undefined ? {} : { start: quick.assignment }) });
  if (lp.bound === undefined) return { ...quick, notes: [...(quick.notes ?? []), `LP bound: ${lp.status}${lp.message === undefined ? "" : ` (${lp.message})`}`] };
  return withBound(problem, quick, lp.bound, `LP relaxation bound ${lp.bound.toPrecision(8)}`);
}

const exactMilp = async (options?: ExactMilpOptions): Promise<SolverFn> => (await import("./milp/exact-milp.js")).exactMilpSolver(options);
const chainDp: SolverFn = async (problem, ctx) => (await import("./dp/chain-dp.js")).chainDpSolver(problem, ctx);
const bruteForce: SolverFn = async (problem, ctx) => (await import("./referee/brute-force.js")).bruteForceSolver(problem, ctx);

export function resolveSolver(solver: SolverName | SolverFn | undefined): SolverFn {
  if (typeof solver === "function") return solver;
  switch (solver ?? "auto") {
    case "auto":
      return autoSolver;
    case "exact":
      return async (problem, ctx) => (await exactMilp())(problem, ctx);
    case "heuristic":
      return heuristicSolver;
    case "dp":
      return chainDp;
    case "brute-force":
      return bruteForce;
    default:
      throw sluiceError("option.unknownSolver", { path: ["options", "solver"], actual: show(solver) });
  }
}
