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
import { wholeChoices } from "../edge/edge-choices.js";
import { cheapestBy, coarsen, combineMax, earliestWithin, ORIGIN, pruneFront, type FrontPoint } from "./time-cost-front.js";

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

  for (let k = dag.order.length - 1; k >= 0; k--) {
    const v = dag.order[k]!;
    const isTree = (i: number) => treeEdge.get(dag.edges[i]!.to) === i;
    const children = dag.outgoing.get(v)!.filter((i) => leaves || isTree(i));
    const cacheChildren = children.filter((i) => problem.edges[i]!.options.some((o) => o.requiresAdmission)).length;
    const branchOf = (i: number, noLocal: boolean): FrontPoint[] => {
      const w = dag.edges[i]!.to;
      const baseMs = problem.stages.get(w)!.baseMs;
      const out: FrontPoint[] = [];
      for (const p of edgeFrontier(problem.edges[i]!, problem.allowSplits, noLocal)) {
        const shareUsd = p.costUsd + admissionShareUsd(problem, v, p, baseMs, cacheChildren);
        if (!isTree(i)) {
          out.push({ timeMs: p.timeMs + baseMs + tail!.get(w)!, costUsd: shareUsd });
          continue;
        }
        const below = front.get(w)!;
        const sub = p.usesVmLocal && !mayHostWhenBeside(problem, i) ? below.noLocal : below.any;
        const side = sideUsd.get(w)!;
        const extraUsd = shareUsd + (p.usesVmLocal ? side.besideTreeUsd : side.besideNoneUsd);
        for (const q of sub) out.push({ timeMs: p.timeMs + baseMs + q.timeMs, costUsd: extraUsd + q.costUsd });
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

/** Per stage, a time no plan beats from its finish to a sink's: every edge below at its fastest choice. */
function fastestTailMs(problem: Problem): Map<string, number> {
  const { dag } = problem;
  const tail = new Map<string, number>();
  for (let k = dag.order.length - 1; k >= 0; k--) {
    const u = dag.order[k]!;
    let t = 0;
    for (const i of dag.outgoing.get(u)!) {
      const w = dag.edges[i]!.to;
      const fastest = Math.min(...edgeFrontier(problem.edges[i]!, problem.allowSplits).map((p) => p.timeMs));
      t = Math.max(t, fastest + problem.stages.get(w)!.baseMs + tail.get(w)!);
    }
    tail.set(u, t);
  }
  return tail;
}

interface SideInputsUsd {
  /** Cheapest cost of the stage's other inputs when its tree edge is vm-local (none of them may be). */
  readonly besideTreeUsd: number;
  /** … when it is not (one of them may be vm-local). */
  readonly besideNoneUsd: number;
}

/** The cheapest cost of a stage's non-tree inputs, keeping its one vm-local input. */
function sideInputsUsd(problem: Problem, v: string, tree: number | undefined): SideInputsUsd {
  let besideTreeUsd = 0;
  let localSavingUsd = 0;
  for (const i of problem.dag.incoming.get(v)!) {
    if (i === tree) continue;
    const choices = wholeChoices(problem.edges[i]!);
    const other = Math.min(...choices.filter((c) => !c.usesVmLocal).map((c) => c.costUsd));
    const local = Math.min(...choices.filter((c) => c.usesVmLocal).map((c) => c.costUsd));
    besideTreeUsd += other;
    localSavingUsd = Math.max(localSavingUsd, other - local);
  }
  return { besideTreeUsd, besideNoneUsd: besideTreeUsd - localSavingUsd };
}

/** A cache-reading tree edge's share of its producer's admission: write + storage until the reader finishes, split over the cache-capable tree edges. */
function admissionShareUsd(problem: Problem, producer: string, p: FrontierPoint, readerBaseMs: number, cacheChildren: number): number {
  if (!p.usesCache || cacheChildren === 0) return 0;
  const u = problem.stages.get(producer)!;
  return (u.admissionFixedUsd + u.admissionUsdPerMs * (p.timeMs + readerBaseMs)) / cacheChildren;
}
