/**
 * The heuristic's fastest plan: the faster of a greedy forward pass (each edge its fastest choice,
 * a stage's one vm-local input where it shortens the stage's ready time most, within the cache
 * capacity and vm-local's chain rule) and the plan walked back from the hosting DP
 * (dp/fastest-with-hosting.ts), when that one fits the cache.
 */
import type { Problem } from "../../model/types.js";
import { mayHostWhenBeside } from "../../model/vm-local-chain.js";
import { fastestChoice, type EdgeChoice } from "../edge/edge-choices.js";
import { fastestWithHosting } from "../dp/fastest-with-hosting.js";
import { max, pickLocalEdge } from "./pick-local-edge.js";
import { earliestFinishMs, makespanOf } from "../schedule.js";

export interface ChosenPlan {
  readonly choices: EdgeChoice[];
  readonly admitted: Set<string>;
}

function greedyFastestPlan(problem: Problem): ChosenPlan {
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
  /** The fastest choice past the cache capacity (keeping vm-local's rules), else past every rule. */
  const fastestBreaking = (i: number, local: boolean) =>
    fastestChoice(problem.edges[i]!, problem.allowSplits, (o) => o.mode === "vm-local" && !(local && !hosted.has(dag.edges[i]!.from))) ??
    fastestChoice(problem.edges[i]!, problem.allowSplits, () => false)!;
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
      // no choice within the cache capacity (or vm-local's rules) when the allowed modes leave none:
      // take the fastest that breaks them, and the model reports the plan's violation
      const ch = fastest(i, i === localEdge) ?? fastestBreaking(i, i === localEdge);
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

/** The faster of the greedy forward pass and the plan walked back from the hosting DP, when the latter fits the cache. */
export function fastestPlan(problem: Problem): ChosenPlan {
  const greedy = greedyFastestPlan(problem);
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

