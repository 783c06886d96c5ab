/**
 * The budget-aware (or deadline-aware) lower bound for a plan in hand: the forest bound
 * (forest-bound.ts) over two forests — the critical inputs of the incumbent plan and of the
 * budget-free fastest plan (dp/fastest-with-hosting.ts) — the larger wins. The cheap bounds
 * (lower-bound.ts) come with every heuristic answer; this one is worth its cost only when the
 * limit binds. Undefined for perf-per-dollar and for latency without a budget (where the
 * fastest-plan DP is already the stronger bound). Pure and deterministic; O(E · front) per forest.
 */
import type { Evaluation, Problem } from "../../model/types.js";
import { fastestWithHosting } from "../dp/fastest-with-hosting.js";
import { criticalForest } from "./critical-forest.js";
import { forestBound } from "./forest-bound.js";

export function budgetAwareBound(problem: Problem, incumbent: Evaluation | undefined): number | undefined {
  if (problem.objective === "perf-per-dollar") return undefined;
  if (problem.objective === "latency" && !Number.isFinite(problem.budgetUsd)) return undefined;
  const forests: Map<string, number>[] = [];
  if (incumbent !== undefined) forests.push(criticalForest(problem, incumbent.edges.map((e) => e.transferMs)));
  const hosting = fastestWithHosting(problem).choices;
  if (hosting.every((c) => c !== undefined)) {
    const fastest = criticalForest(problem, hosting.map((c) => c!.timeMs));
    if (forests.length === 0 || [...fastest].some(([v, i]) => forests[0]!.get(v) !== i)) forests.push(fastest);
  }
  let best: number | undefined;
  for (const forest of forests) for (const nonTree of ["side", "leaf"] as const) best = Math.max(best ?? -Infinity, forestBound(problem, forest, { nonTree })!);
  return best;
}
