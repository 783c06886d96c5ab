/**
 * The budget-aware (or deadline-aware) lower bound for a plan in hand: the forest bound
 * (forest-bound.ts) tried over forests and modes, cheapest first, until one proves the plan within
 * the caller's target: the incumbent's critical inputs with off-forest edges at their cheapest,
 * then with them as leaves, then the same for the budget-free fastest plan's critical inputs
 * (dp/fastest-with-hosting.ts). Past LARGE_EDGES edges only the first, on coarser fronts (its
 * cost grows with E · front size). The cheap bounds (lower-bound.ts) come with every heuristic
 * answer; this one is worth its cost only when the limit binds. Undefined for perf-per-dollar and
 * for latency without a budget (where the fastest-plan DP is the stronger bound).
 * Pure and deterministic.
 */
import type { Evaluation, Problem } from "../../model/types.js";
import { fastestWithHosting } from "../dp/fastest-with-hosting.js";
import { criticalForest } from "./critical-forest.js";
import { forestBound, type ForestBoundOptions } from "./forest-bound.js";

/** Above this many edges one forest on coarser fronts: measured at 1,264 edges, 100 points per front cost 0.03% of gap against 400. */
export const LARGE_EDGES = 1_000;
const COARSE: Partial<ForestBoundOptions> = { maxFrontPoints: 100, relativeStep: 1e-4 };

/** `enoughBound`: stop as soon as a bound reaches it (the plan is then proven within the tolerance). */
export function budgetAwareBound(problem: Problem, incumbent: Evaluation | undefined, enoughBound = Infinity): number | undefined {
  if (problem.objective === "perf-per-dollar") return undefined;
  if (problem.objective === "latency" && !Number.isFinite(problem.budgetUsd)) return undefined;
  const large = problem.dag.edges.length > LARGE_EDGES;
  const forests: Map<string, number>[] = [];
  if (incumbent !== undefined) forests.push(criticalForest(problem, incumbent.edges.map((e) => e.transferMs)));
  const hosting = fastestWithHosting(problem).choices;
  if (!(large && forests.length > 0) && hosting.every((c) => c !== undefined)) {
    const fastest = criticalForest(problem, hosting.map((c) => c!.timeMs));
    if (forests.length === 0 || [...fastest].some(([v, i]) => forests[0]!.get(v) !== i)) forests.push(fastest);
  }
  let best: number | undefined;
  for (const forest of forests) {
    for (const nonTree of large ? (["side"] as const) : (["side", "leaf"] as const)) {
      best = Math.max(best ?? -Infinity, forestBound(problem, forest, { nonTree, ...(large ? COARSE : {}) })!);
      if (best >= enoughBound) return best;
    }
  }
  return best;
}
