/**
 * A budget-aware (or deadline-aware) lower bound: a dynamic program over a spanning forest of the
 * DAG. Every non-root stage keeps one incoming edge (its "tree edge"); the other edges are
 * relaxed — they take no time and cost their cheapest whole mode. Along the forest the DP keeps,
 * per stage v, the Pareto front of (time from v's finish to the last finish below it, cost of the
 * tree edges below it) over every choice of those edges (edge-frontier.ts: exact for whole modes,
 * a staircase from below for splits); children combine by (max, +), as disjoint chains do.
 *
 * Why it bounds every plan: a plan's makespan ≥ its finish along any tree path (finish times
 * grow by transfer + base along every edge), and its cost ≥ stage constants + Σ tree-edge costs
 * + Σ other edges' cheapest costs (admissions and residency only add). So the plan's own point,
 * seen through the forest, lies on or above the front, and
 *   latency: bound = earliest time whose cost fits the budget
 *   cost:    bound = cheapest cost whose time fits the deadline
 * vm-local's placement rules hold inside a tree (one tree edge into each stage) and the chain
 * rule is kept (a stage beside its producer on other VMs has children without vm-local). Cache
 * admission: a tree edge reading from the cache is charged its share of the producer's admission,
 * (write + storage until its reader finishes) / (cache-capable tree edges out of the producer).
 * Large fronts are coarsened (time-cost-front.ts), which only lowers the bound.
 */
import type { Problem } from "../../model/types.js";
import { mayHostWhenBeside } from "../../model/vm-local-chain.js";
import { edgeFrontier, type FrontierPoint } from "../edge/edge-frontier.js";
import { admissionShareUsd, fastestTailMs, sideInputsUsd, type SideInputsUsd } from "./forest-terms.js";
import { cheapestBy, coarsen, combineMax, earliestWithin, ORIGIN, pruneFront, type FrontPoint } from "./time-cost-front.js";
import { computeEarliestFinishBoundMs } from "../milp/safe-bounds.js";

export interface ForestBoundOptions {
  /** Most points kept per front. */
  readonly maxFrontPoints: number;
  /** Time a coarsened run may span, relative to its start. */
  readonly relativeStep: number;
  /**
   * How edges outside the forest count. "side": no time, their cheapest cost, keeping the
   * consumer's one vm-local input. "leaf": hung below their producer as a branch of their own —
   * any choice, its time plus the consumer's run and its fastest tail to a sink, its own cost
   * (vm-local's one-input rule relaxed across branches).
   */
  readonly nonTree: "side" | "leaf";
}

export const DEFAULT_FOREST_BOUND_OPTIONS: ForestBoundOptions = { maxFrontPoints: 400, relativeStep: 1e-5, nonTree: "side" };

/** Limits at the model's tolerance (evaluateAssignment accepts a plan up to 1e-9 over a limit). */
const LIMIT_SLACK = 1 + 1e-9;

/**
 * `treeEdge`: per non-root stage, the index of the incoming edge the forest keeps.
 * Returns the bound on the objective (ms or USD), Infinity when no plan meets the limit, or
 * undefined for perf-per-dollar.
 */
export function forestBound(problem: Problem, treeEdge: ReadonlyMap<string, number>, options: Partial<ForestBoundOptions> = {}): number | undefined {
  if (problem.objective === "perf-per-dollar") return undefined;
  const { maxFrontPoints, relativeStep, nonTree } = { ...DEFAULT_FOREST_BOUND_OPTIONS, ...options };
  const { dag } = problem;
  const front = new Map<string, { any: FrontPoint[]; noLocal: FrontPoint[] }>();
  const trim = (f: FrontPoint[]) => coarsen(f, maxFrontPoints, relativeStep);
  const leaves = nonTree === "leaf";
  let constantUsd = 0;
  for (const s of problem.stages.values()) constantUsd += s.computeUsd + s.ioUsd;
  const sideUsd = new Map<string, SideInputsUsd>();
  for (const v of dag.order) {
    const side = leaves ? { besideTreeUsd: 0, besideNoneUsd: 0 } : sideInputsUsd(problem, v, treeEdge.get(v));
    if (treeEdge.has(v)) sideUsd.set(v, side);
    else constantUsd += side.besideNoneUsd;
  }
  const tail = leaves ? fastestTailMs(problem) : undefined;
  const isTree = (i: number) => treeEdge.get(dag.edges[i]!.to) === i;
  const childrenOf = (v: string) => dag.outgoing.get(v)!.filter((i) => leaves || isTree(i));
  const cacheChildrenOf = (v: string) => childrenOf(v).filter((i) => problem.edges[i]!.options.some((o) => o.requiresAdmission)).length;
  /** What a point of edge i = (v, w) adds by itself: its cost, its admission share, the consumer's side inputs. */
  const ownUsd = (i: number, p: FrontierPoint, cacheChildren: number) => {
    const w = dag.edges[i]!.to;
    const shareUsd = p.costUsd + admissionShareUsd(problem, dag.edges[i]!.from, p, problem.stages.get(w)!.baseMs, cacheChildren);
    if (!isTree(i)) return shareUsd;
    const side = sideUsd.get(w)!;
    return shareUsd + (p.usesVmLocal ? side.besideTreeUsd : side.besideNoneUsd);
  };
  // Limits prune: a point whose cost, plus the least the rest of the DAG can cost, breaks the
  // budget (or whose time, after the earliest its stage can finish, breaks the deadline) can be
  // part of no plan within the limit, so dropping it leaves the bound as it is.
  const branchMinUsd = new Map<number, number>();
  const subtreeMinUsd = new Map<string, number>();
  for (let k = dag.order.length - 1; k >= 0; k--) {
    const v = dag.order[k]!;
    const cacheChildren = cacheChildrenOf(v);
    let sum = 0;
    for (const i of childrenOf(v)) {
      let min = Infinity;
      for (const p of edgeFrontier(problem.edges[i]!, problem.allowSplits)) min = Math.min(min, ownUsd(i, p, cacheChildren) + (isTree(i) ? subtreeMinUsd.get(dag.edges[i]!.to)! : 0));
      branchMinUsd.set(i, min);
      sum += min;
    }
    subtreeMinUsd.set(v, sum);
  }
  let leastUsd = constantUsd;
  for (const r of dag.order) if (dag.incoming.get(r)!.length === 0) leastUsd += subtreeMinUsd.get(r)!;
  const budgetUsd = problem.objective === "latency" ? problem.budgetUsd * LIMIT_SLACK : Infinity;
  const deadlineMs = problem.objective === "cost" ? problem.deadlineMs * LIMIT_SLACK : Infinity;
  const earliest = Number.isFinite(deadlineMs) ? computeEarliestFinishBoundMs(problem) : undefined;

  for (let k = dag.order.length - 1; k >= 0; k--) {
    const v = dag.order[k]!;
    const children = childrenOf(v);
    const cacheChildren = cacheChildrenOf(v);
    const maxMs = deadlineMs - (earliest?.get(v) ?? 0);
    const branchOf = (i: number, noLocal: boolean): FrontPoint[] => {
      const w = dag.edges[i]!.to;
      const baseMs = problem.stages.get(w)!.baseMs;
      const maxUsd = budgetUsd - (leastUsd - branchMinUsd.get(i)!);
      const out: FrontPoint[] = [];
      const keep = (timeMs: number, costUsd: number) => {
        if (costUsd <= maxUsd && timeMs <= maxMs) out.push({ timeMs, costUsd });
      };
      for (const p of edgeFrontier(problem.edges[i]!, problem.allowSplits, noLocal)) {
        const extraUsd = ownUsd(i, p, cacheChildren);
        if (!isTree(i)) {
          keep(p.timeMs + baseMs + tail!.get(w)!, extraUsd);
          continue;
        }
        const below = front.get(w)!;
        const sub = p.usesVmLocal && !mayHostWhenBeside(problem, i) ? below.noLocal : below.any;
        for (const q of sub) keep(p.timeMs + baseMs + q.timeMs, extraUsd + q.costUsd);
      }
      return trim(pruneFront(out));
    };
    const build = (noLocal: boolean) => children.reduce<FrontPoint[]>((acc, i) => trim(combineMax(acc, branchOf(i, noLocal))), [...ORIGIN]);
    const any = build(false);
    const needsNoLocal = children.some((i) => problem.edges[i]!.options.some((o) => o.mode === "vm-local"));
    front.set(v, { any, noLocal: needsNoLocal ? build(true) : any });
    for (const i of children) if (isTree(i)) front.delete(dag.edges[i]!.to);
  }

  let whole: FrontPoint[] = [...ORIGIN];
  for (const r of dag.order) {
    if (dag.incoming.get(r)!.length > 0) continue;
    const baseMs = problem.stages.get(r)!.baseMs;
    whole = trim(combineMax(whole, front.get(r)!.any.map((q) => ({ timeMs: q.timeMs + baseMs, costUsd: q.costUsd }))));
  }
  if (problem.objective === "latency") return earliestWithin(whole, problem.budgetUsd * LIMIT_SLACK - constantUsd);
  return cheapestBy(whole, problem.deadlineMs * LIMIT_SLACK) + constantUsd;
}
