/**
 * The heuristic's backward pass: for a target makespan, each edge the cheapest choice (whole mode
 * or two-mode split) that fits its latest-finish window, consumers first, so only off-critical
 * edges slow down; cache admission where it pays; vm-local's placement rules kept.
 */
import type { Assignment, ModeOption, Problem } from "../../model/types.js";
import { mayHostWhenBeside } from "../../model/vm-local-chain.js";
import { cheapestWithin, type EdgeChoice } from "../edge/edge-choices.js";
import { pickLocalEdge, sum } from "./pick-local-edge.js";

/**
 * Cheapest plan whose makespan stays ≤ targetMs given the fastest plan's earliest finishes; undefined if none.
 * A stage that runs beside its producer in the fastest plan (`fastHosted`) keeps that option, so it
 * may not host a vm-local consumer here: its earliest finish assumed it.
 */
export function cheapestUnderTarget(problem: Problem, targetMs: number, fastFinish: ReadonlyMap<string, number>, fastHosted: ReadonlySet<string>): Assignment | undefined {
  const { dag } = problem;
  const latest = new Map<string, number>();
  for (const id of dag.order) latest.set(id, targetMs);
  const choices: EdgeChoice[] = new Array(dag.edges.length);
  const admitted = new Set<string>();
  /** Stages hosting a vm-local consumer: they cannot run beside their own producer. */
  const hosting = new Set<string>();
  let cacheBytes = 0;
  for (let k = dag.order.length - 1; k >= 0; k--) {
    const v = dag.order[k]!;
    const mayBeHosted = !hosting.has(v);
    const window = latest.get(v)! - problem.stages.get(v)!.baseMs;
    const incoming = dag.incoming.get(v)!;
    // the vm-local input goes to the edge where it saves most (or the only one that fits its window);
    // the cheapest choices with the cache allowed are kept for the pick below
    const withCacheOf = new Map<number, EdgeChoice | undefined>();
    const cheapestAllowingCache = (i: number, beside: boolean) => {
      const key = 2 * i + (beside ? 1 : 0);
      if (!withCacheOf.has(key)) withCacheOf.set(key, cheapestWithin(problem.edges[i]!, window - fastFinish.get(dag.edges[i]!.from)!, problem.allowSplits, (o) => o.mode === "vm-local" && !beside));
      return withCacheOf.get(key);
    };
    const cheapest = (i: number, local: boolean) => {
      const beside = local && (mayBeHosted || mayHostWhenBeside(problem, i)) && !fastHosted.has(dag.edges[i]!.from);
      const ch = cheapestAllowingCache(i, beside);
      return ch === undefined || (local && !ch.usesVmLocal) ? undefined : ch.costUsd;
    };
    const localEdge = pickLocalEdge(incoming, cheapest, sum);
    for (const i of incoming) {
      const u = dag.edges[i]!.from;
      const cap = window - fastFinish.get(u)!;
      const cand = problem.edges[i]!;
      const noLocal = i !== localEdge || !(mayBeHosted || mayHostWhenBeside(problem, i)) || fastHosted.has(u);
      const noCache = (o: ModeOption) => o.requiresAdmission || (o.mode === "vm-local" && noLocal);
      let ch = cheapestWithin(cand, cap, problem.allowSplits, noCache);
      const terms = problem.stages.get(u)!;
      const canAdmit = admitted.has(u) || cacheBytes + terms.cacheBytes <= problem.cacheCapacityBytes;
      if (canAdmit) {
        const withCache = cheapestAllowingCache(i, !noLocal);
        if (withCache?.usesCache) {
          const extra = admitted.has(u) ? 0 : terms.admissionFixedUsd + terms.admissionUsdPerMs * Math.max(0, latest.get(v)! - fastFinish.get(u)!);
          if (ch === undefined || withCache.costUsd + extra < ch.costUsd) {
            ch = withCache;
            if (!admitted.has(u)) {
              admitted.add(u);
              cacheBytes += terms.cacheBytes;
            }
          }
        }
      }
      if (ch === undefined) return undefined;
      choices[i] = ch;
      if (ch.usesVmLocal) hosting.add(u);
      // a choice within the rounding allowance of its cap counts as on it: overruns must not pile up upstream
      latest.set(u, Math.min(latest.get(u)!, window - Math.min(ch.timeMs, cap)));
    }
  }
  return { edges: choices.map((c) => c.shares), admitted };
}

