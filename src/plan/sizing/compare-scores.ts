/**
 * Which of two scored configurations is better, for the plan's objective: any that runs beats one
 * that cannot; within the limit beats over it; then the objective (latency: makespan; cost: cost;
 * perf-per-dollar: makespan × cost), where values within OBJECTIVE_TIE of each other count as equal
 * — they are predictions of a model whose error is several percent, so a 0.3% faster plan that needs
 * 8,000 more instances is not better — and the tie goes to the other measure (latency: cost; cost:
 * makespan), then to fewer instances and less memory. Over the limit, the one nearest to it wins
 * (cheapest for a budget, fastest for a deadline). Deterministic.
 */
import type { Objective } from "../../model/types.js";
import type { ConfigurationScore } from "./sizing-types.js";

/** Objective values within this relative difference are a tie. */
export const OBJECTIVE_TIE = 0.01;
const EXACT = 1e-9;

function differ(x: number, y: number, tolerance: number): number {
  return Math.abs(x - y) > tolerance * Math.max(Math.abs(x), Math.abs(y), 1e-12) ? x - y : 0;
}

function footprint(s: ConfigurationScore): [number, number] {
  let instances = 0, memory = 0;
  for (const st of s.stages.values()) {
    instances += st.instances;
    memory += st.instances * (st.memoryMb ?? st.peakMemoryMb);
  }
  return [instances, memory];
}

/** Negative when `a` is better than `b`, positive when worse, 0 when equal. */
export function compareScores(a: ConfigurationScore, b: ConfigurationScore, objective: Objective): number {
  if (a.ok !== b.ok) return a.ok ? -1 : 1;
  if (!a.ok) return 0;
  if (a.withinLimit !== b.withinLimit) return a.withinLimit ? -1 : 1;
  let order: [number, number, number][];
  if (objective === "perf-per-dollar") order = [[a.makespanMs * a.costUsd, b.makespanMs * b.costUsd, OBJECTIVE_TIE]];
  else if ((objective === "latency") === a.withinLimit) order = [[a.makespanMs, b.makespanMs, OBJECTIVE_TIE], [a.costUsd, b.costUsd, EXACT]];
  else order = [[a.costUsd, b.costUsd, a.withinLimit ? OBJECTIVE_TIE : EXACT], [a.makespanMs, b.makespanMs, EXACT]];
  for (const [x, y, tolerance] of order) {
    const d = differ(x, y, tolerance);
    if (d !== 0) return d;
  }
  const [ia, ma] = footprint(a), [ib, mb] = footprint(b);
  return ia - ib || ma - mb;
}
