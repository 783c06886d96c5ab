/**
 * The chain solver: for DAGs whose stages each have at most one input and one output edge (a set
 * of disjoint paths). Along a path, a dynamic program over edges keeps the Pareto front of partial
 * plans over (finish time, cost, cache bytes); the paths' fronts are then combined (makespan =
 * max, cost and bytes add) and the best point under the objective and limits wins. Residency is
 * local on a chain: u's admitted output stays for t(u, v) + baseMs(v), its one consumer's wait
 * and run. Exact over whole modes; with splits it adds the fastest split of each splittable pair
 * (chain-edge-choices.ts), so it is then "feasible", not proven optimal.
 */
import { sluiceError } from "../../errors.js";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import { mayHostWhenBeside } from "../../model/vm-local-chain.js";
import type { Assignment, ModeShare, Problem } from "../../model/types.js";
import type { SolverFn, SolverOutcome } from "../solver.js";
import { findChainPaths, isChainDag, type ChainPath } from "./chain-paths.js";
import { listChainEdgeChoices, type ChainEdgeChoice } from "./chain-edge-choices.js";
import { compareEvaluations, scoreEvaluation } from "../objective-score.js";
import { pruneDominated, type FrontPoint } from "./pareto-front.js";

export const CHAIN_DP_NAME = "chain-dp";
/** Largest front kept per step; past it the front is cut (and the answer no longer proven optimal). */
export const MAX_FRONT = 2000;
const SLACK = 1 + 1e-9;

interface Trail {
  readonly edgeIndex: number;
  readonly shares: readonly ModeShare[];
  readonly admits?: string;
  readonly prev: Trail | undefined;
}

interface State extends FrontPoint {
  readonly trails: readonly (Trail | undefined)[];
  /** The path's last stage runs beside its producer's output on fewer or more VMs than its own, so its out-edge cannot be vm-local. */
  readonly lastLocal: boolean;
}

export const chainDpSolver: SolverFn = (problem) => {
  if (!isChainDag(problem.dag)) throw sluiceError("solve.notAChain", { path: ["dag"] });
  let truncated = false;
  const keep = (states: State[]): State[] => {
    const within = states.filter((s) => s.costUsd <= problem.budgetUsd * SLACK && s.timeMs <= problem.deadlineMs * SLACK && s.cacheBytes <= problem.cacheCapacityBytes * SLACK);
    // States that may still take a vm-local edge are not comparable with those that may not.
    const front = [...pruneDominated(within.filter((s) => !s.lastLocal)), ...pruneDominated(within.filter((s) => s.lastLocal))];
    if (front.length <= MAX_FRONT) return front;
    truncated = true;
    return front.sort((a, b) => compareEvaluations(problem.objective, toScored(a), toScored(b))).slice(0, MAX_FRONT);
  };
  let combined: State[] = [{ timeMs: 0, costUsd: 0, cacheBytes: 0, trails: [], lastLocal: false }];
  for (const path of findChainPaths(problem.dag)) {
    const front = solvePath(problem, path, keep);
    const next: State[] = [];
    for (const c of combined) for (const s of front) next.push({ timeMs: Math.max(c.timeMs, s.timeMs), costUsd: c.costUsd + s.costUsd, cacheBytes: c.cacheBytes + s.cacheBytes, trails: [...c.trails, ...s.trails], lastLocal: false });
    combined = keep(next);
  }
  return pickBest(problem, combined, truncated);
};

function solvePath(problem: Problem, path: ChainPath, keep: (s: State[]) => State[]): State[] {
  const root = problem.stages.get(path.stages[0]!)!;
  let front: State[] = keep([{ timeMs: root.baseMs, costUsd: root.computeUsd + root.ioUsd, cacheBytes: 0, trails: [undefined], lastLocal: false }]);
  for (const edgeIndex of path.edges) {
    const choices = listChainEdgeChoices(problem.edges[edgeIndex]!, problem.allowSplits);
    const next: State[] = [];
    for (const s of front) for (const c of choices) if (!(s.lastLocal && c.usesVmLocal)) next.push(extend(problem, s, c, edgeIndex));
    front = keep(next);
  }
  return front;
}

/** One more edge u → v on a path state (whose one trail ends at u): v finishes after the transfer and its own run. */
function extend(problem: Problem, s: State, c: ChainEdgeChoice, edgeIndex: number): State {
  const edge = problem.dag.edges[edgeIndex]!;
  const from = edge.from;
  const u = problem.stages.get(from)!;
  const v = problem.stages.get(edge.to)!;
  const timeMs = s.timeMs + c.timeMs + v.baseMs;
  const residencyMs = timeMs - s.timeMs;
  const admissionUsd = c.usesCache ? u.admissionFixedUsd + u.admissionUsdPerMs * residencyMs : 0;
  const trail: Trail = { edgeIndex, shares: c.shares, prev: s.trails[0], ...(c.usesCache ? { admits: from } : {}) };
  return { timeMs, costUsd: s.costUsd + c.costUsd + v.computeUsd + v.ioUsd + admissionUsd, cacheBytes: s.cacheBytes + (c.usesCache ? u.cacheBytes : 0), trails: [trail], lastLocal: c.usesVmLocal && !mayHostWhenBeside(problem, edgeIndex) };
}

function toScored(s: FrontPoint) {
  return { makespanMs: s.timeMs, costUsd: s.costUsd };
}

function toAssignment(problem: Problem, state: State): Assignment {
  const edges: ModeShare[][] = problem.dag.edges.map(() => []);
  const admitted = new Set<string>();
  for (const head of state.trails) {
    for (let t = head; t !== undefined; t = t.prev) {
      edges[t.edgeIndex] = [...t.shares];
      if (t.admits !== undefined) admitted.add(t.admits);
    }
  }
  return { edges, admitted };
}

function pickBest(problem: Problem, front: readonly State[], truncated: boolean): SolverOutcome {
  const ranked = [...front].sort((a, b) => compareEvaluations(problem.objective, toScored(a), toScored(b)));
  const splitsMatter = problem.allowSplits && problem.edges.some((c) => c.options.filter((o) => o.splittable).length > 1);
  const notes = [`${front.length} plans on the final Pareto front`, ...(truncated ? [`fronts cut to ${MAX_FRONT} plans`] : []), ...(splitsMatter ? ["splits searched for the fastest fraction of each mode pair only"] : [])];
  for (const state of ranked) {
    const assignment = toAssignment(problem, state);
    const evaluation = evaluateAssignment(problem, assignment);
    if (!evaluation.feasible) continue;
    const exact = !truncated && !splitsMatter;
    const bound = exact && problem.objective !== "perf-per-dollar" ? { lowerBound: scoreEvaluation(problem.objective, evaluation) } : {};
    return { name: CHAIN_DP_NAME, status: exact ? "optimal" : "feasible", assignment, ...bound, notes };
  }
  return { name: CHAIN_DP_NAME, status: "infeasible", notes };
}
