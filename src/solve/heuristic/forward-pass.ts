/**
 * The heuristic's forward pass, the mirror of under-target-pass.ts: for a target makespan T, stages
 * in topological order, each incoming edge the cheapest choice that still lets its consumer finish
 * in time for the fastest tail below it:
 *   cap(u → v) = T − tailMs(v) − baseMs(v) − finish(u),   finish(u) as chosen so far,
 * where tailMs(v) is the longest path from v's finish to a sink in the fastest plan. Slack goes to
 * the edges nearest the roots first (the backward pass gives it to those nearest the sinks), so
 * the two passes reach different plans and the heuristic keeps the better. vm-local's rules follow
 * the fastest plan: a stage that hosts a vm-local consumer there does not run beside its own
 * producer here, so the tails stay reachable. An edge with nothing within its cap takes its
 * fastest allowed choice (the plan then overruns T and the caller's evaluation says so).
 */
import type { Assignment, ModeOption, Problem } from "../../model/types.js";
import { mayHostWhenBeside } from "../../model/vm-local-chain.js";
import { cheapestWithin, fastestChoice, type EdgeChoice } from "../edge/edge-choices.js";
import { pickLocalEdge, sum } from "./pick-local-edge.js";

/** Cheapest plan the forward pass finds for targetMs; `fastHosts`: stages hosting a vm-local consumer in the fastest plan. */
export function cheapestForward(problem: Problem, targetMs: number, fastTail: ReadonlyMap<string, number>, fastHosts: ReadonlySet<string>): Assignment {
  const { dag } = problem;
  const finish = new Map<string, number>();
  const choices: EdgeChoice[] = new Array(dag.edges.length);
  const admitted = new Set<string>();
  /** Stages beside their producer on other VMs: their consumers may not be vm-local. */
  const noHost = new Set<string>();
  let cacheBytes = 0;
  for (const v of dag.order) {
    const baseMs = problem.stages.get(v)!.baseMs;
    const incoming = dag.incoming.get(v)!;
    const capOf = (i: number) => targetMs - fastTail.get(v)! - baseMs - finish.get(dag.edges[i]!.from)!;
    const localAllowed = (i: number) => !noHost.has(dag.edges[i]!.from) && (!fastHosts.has(v) || mayHostWhenBeside(problem, i));
    const noCache = (local: boolean) => (o: ModeOption) => o.requiresAdmission || (o.mode === "vm-local" && !local);
    // cheapest cache-free choices, kept for the pick below
    const found = new Map<number, EdgeChoice | undefined>();
    const cheapestNoCache = (i: number, local: boolean) => {
      const key = 2 * i + (local ? 1 : 0);
      if (!found.has(key)) found.set(key, cheapestWithin(problem.edges[i]!, capOf(i), problem.allowSplits, noCache(local)));
      return found.get(key);
    };
    const cheapest = (i: number, local: boolean) => {
      const ch = cheapestNoCache(i, local && localAllowed(i));
      return ch === undefined || (local && !ch.usesVmLocal) ? undefined : ch.costUsd;
    };
    const localEdge = pickLocalEdge(incoming, cheapest, sum);
    let readyMs = 0;
    for (const i of incoming) {
      const u = dag.edges[i]!.from;
      const local = i === localEdge && localAllowed(i);
      const cand = problem.edges[i]!;
      let ch = cheapestNoCache(i, local);
      const terms = problem.stages.get(u)!;
      if (admitted.has(u) || cacheBytes + terms.cacheBytes <= problem.cacheCapacityBytes) {
        const withCache = cheapestWithin(cand, capOf(i), problem.allowSplits, (o) => o.mode === "vm-local" && !local);
        const extraUsd = admitted.has(u) ? 0 : terms.admissionFixedUsd + terms.admissionUsdPerMs * Math.max(0, targetMs - fastTail.get(v)! - finish.get(u)!);
        if (withCache?.usesCache && (ch === undefined || withCache.costUsd + extraUsd < ch.costUsd)) {
          ch = withCache;
          if (!admitted.has(u)) {
            admitted.add(u);
            cacheBytes += terms.cacheBytes;
          }
        }
      }
      ch ??= fastestChoice(cand, problem.allowSplits, (o) => o.requiresAdmission || (o.mode === "vm-local" && !local)) ?? fastestChoice(cand, problem.allowSplits, () => false)!;
      if (ch.usesCache && !admitted.has(u)) {
        admitted.add(u);
        cacheBytes += terms.cacheBytes;
      }
      choices[i] = ch;
      if (ch.usesVmLocal && !mayHostWhenBeside(problem, i)) noHost.add(v);
      readyMs = Math.max(readyMs, finish.get(u)! + ch.timeMs);
    }
    finish.set(v, readyMs + baseMs);
  }
  return { edges: choices.map((c) => c.shares), admitted };
}
