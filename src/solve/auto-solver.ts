/**
 * Solver choice by name. "auto": the heuristic first — when its answer meets its lower bound it
 * is optimal and returned at once; otherwise the chain DP for chains, and for DAGs up to AUTO_EXACT_MAX_EDGES edges the exact
 * MILP, each raced against the heuristic's answer (the better evaluated answer wins, so a time-limited
 * MILP never makes a plan worse); past that, the heuristic alone — and when a budget or deadline is
 * finite and the DAG has at most AUTO_LP_BOUND_MAX_EDGES edges, its gap is stated against the LP
 * relaxation bound (bounds/lp-relaxation-bound.ts), solved within LP_BOUND_TIME_SHARE of the time limit.
 */
import { InputError } from "../errors.js";
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { Problem } from "../model/types.js";
import { bruteForceSolver } from "./referee/brute-force.js";
import { chainDpSolver } from "./dp/chain-dp.js";
import { exactMilpSolver } from "./milp/exact-milp.js";
import { heuristicSolver } from "./heuristic/heuristic.js";
import { lpRelaxationBound } from "./bounds/lp-relaxation-bound.js";
import type { SolverContext, SolverFn, SolverName, SolverOutcome } from "./solver.js";

export const AUTO_EXACT_MAX_EDGES = 40;
export const AUTO_DP_MAX_EDGES = 200;
/**
 * The LP bound's size rule, measured (HiGHS, budgeted random DAGs, docs/solvers.md): about 0.1–0.2 s
 * at 100 stages (~115 edges), 0.2–0.25 s at 300 (~390 edges), 0.7–1.2 s at 1,000 (~1,300 edges),
 * which would break the 1 s planning target there; past this the cheap bound stays.
 */
export const AUTO_LP_BOUND_MAX_EDGES = 500;
export const LP_BOUND_TIME_SHARE = 0.25;

export function isChain(problem: Problem): boolean {
  const { dag } = problem;
  return dag.stages.every((s) => dag.incoming.get(s.id)!.length <= 1 && dag.outgoing.get(s.id)!.length <= 1);
}

function objectiveOf(problem: Problem, o: SolverOutcome): number {
  if (o.assignment === undefined) return Infinity;
  const e = evaluateAssignment(problem, o.assignment);
  if (!e.feasible) return Infinity;
  if (problem.objective === "latency") return e.makespanMs + 1e-9 * e.costUsd;
  if (problem.objective === "cost") return e.costUsd + 1e-12 * e.makespanMs;
  return e.makespanMs * e.costUsd;
}

async function bestOf(problem: Problem, ctx: SolverContext, solvers: readonly SolverFn[]): Promise<SolverOutcome> {
  let best: SolverOutcome | undefined;
  const notes: string[] = [];
  let lowerBound: number | undefined;
  for (const s of solvers) {
    const o = await s(problem, ctx);
    notes.push(`${o.name}: ${o.status}`, ...(o.notes ?? []));
    if (o.lowerBound !== undefined && o.status !== "infeasible") lowerBound = Math.max(lowerBound ?? -Infinity, o.lowerBound);
    if (best === undefined || objectiveOf(problem, o) < objectiveOf(problem, best) - 1e-9) best = o;
    if (o.status === "optimal" || o.status === "infeasible") break;
  }
  const b = best!;
  return { ...b, notes, ...(lowerBound === undefined ? {} : { lowerBound }) };
}

/** The heuristic's answer is optimal when its objective meets its own lower bound. */
function provenByBound(problem: Problem, o: SolverOutcome): boolean {
  if (o.assignment === undefined || o.lowerBound === undefined || problem.objective === "perf-per-dollar") return false;
  const e = evaluateAssignment(problem, o.assignment);
  const value = problem.objective === "latency" ? e.makespanMs : e.costUsd;
  return e.feasible && value <= o.lowerBound * (1 + 1e-9) + 1e-12;
}

export const autoSolver: SolverFn = async (problem, ctx) => {
  const quick = await heuristicSolver(problem, ctx);
  if (provenByBound(problem, quick)) return { ...quick, status: "optimal", notes: [...(quick.notes ?? []), "heuristic answer meets the lower bound: optimal"] };
  if (problem.dag.edges.length > 0 && isChain(problem) && problem.dag.edges.length <= AUTO_DP_MAX_EDGES) return bestOf(problem, ctx, [chainDpSolver, () => quick]);
  if (problem.dag.edges.length > 0 && problem.dag.edges.length <= AUTO_EXACT_MAX_EDGES) return bestOf(problem, ctx, [exactMilpSolver(), () => quick]);
  return withLpBound(problem, ctx, quick);
};

/** The heuristic's answer with the LP relaxation bound where the limit is finite and the DAG small enough. */
async function withLpBound(problem: Problem, ctx: SolverContext, quick: SolverOutcome): Promise<SolverOutcome> {
  const limited = problem.objective === "latency" ? Number.isFinite(problem.budgetUsd) : problem.objective === "cost" && Number.isFinite(problem.deadlineMs);
  if (quick.assignment === undefined || !limited || problem.dag.edges.length > AUTO_LP_BOUND_MAX_EDGES) return quick;
  const lp = await lpRelaxationBound(problem, { timeLimitMs: ctx.timeLimitMs * LP_BOUND_TIME_SHARE });
  if (lp.bound === undefined) return { ...quick, notes: [...(quick.notes ?? []), `LP bound: ${lp.status}${lp.message === undefined ? "" : ` (${lp.message})`}`] };
  const bounded = { ...quick, lowerBound: Math.max(quick.lowerBound ?? -Infinity, lp.bound), notes: [...(quick.notes ?? []), `LP relaxation bound ${lp.bound.toPrecision(8)}`] };
  return provenByBound(problem, bounded) ? { ...bounded, status: "optimal", notes: [...bounded.notes, "heuristic answer meets the LP bound: optimal"] } : bounded;
}

export function resolveSolver(solver: SolverName | SolverFn | undefined): SolverFn {
  if (typeof solver === "function") return solver;
  switch (solver ?? "auto") {
    case "auto":
      return autoSolver;
    case "exact":
      return exactMilpSolver();
    case "heuristic":
      return heuristicSolver;
    case "dp":
      return chainDpSolver;
    case "brute-force":
      return bruteForceSolver;
    default:
      throw new InputError("Invalid option", [{ code: "invalid_value", path: ["options", "solver"], message: "unknown solver", expected: '"auto" | "exact" | "heuristic" | "dp" | "brute-force" | a function', actual: String(solver) }]);
  }
}
