/**
 * The forest bound's terms for what lies off the forest (forest-bound.ts): a stage's non-tree
 * inputs at their cheapest, keeping its one vm-local input; the fastest tail below a stage for
 * edges hung as leaves; a cache-reading edge's share of its producer's admission. Each is at or
 * below what any plan pays or takes there, so the bound stays a bound.
 */
import type { Problem } from "../../model/types.js";
import { wholeChoices } from "../edge/edge-choices.js";
import { edgeFrontier, type FrontierPoint } from "../edge/edge-frontier.js";
import { tailMs } from "../schedule.js";

/** Per stage, a time no plan beats from its finish to a sink's: every edge below at its fastest choice. */
export function fastestTailMs(problem: Problem): Map<string, number> {
  const fastestMs = problem.edges.map((e) => Math.min(...edgeFrontier(e, problem.allowSplits).map((p) => p.timeMs)));
  return tailMs(problem, fastestMs);
}

export interface SideInputsUsd {
  /** Cheapest cost of the stage's other inputs when its tree edge is vm-local (none of them may be). */
  readonly besideTreeUsd: number;
  /** … when it is not (one of them may be vm-local). */
  readonly besideNoneUsd: number;
}

/**
 * The cheapest cost of a stage's non-tree inputs, keeping its one vm-local input: with the tree
 * edge vm-local none of them may be; otherwise the one that saves most may (and must, if it has
 * nothing but vm-local; two such inputs leave no plan: Infinity).
 */
export function sideInputsUsd(problem: Problem, v: string, tree: number | undefined): SideInputsUsd {
  let besideTreeUsd = 0;
  let bestSavingUsd = 0;
  let onlyLocal = 0;
  let onlyLocalUsd = 0;
  for (const i of problem.dag.incoming.get(v)!) {
    if (i === tree) continue;
    const choices = wholeChoices(problem.edges[i]!);
    const other = Math.min(...choices.filter((c) => !c.usesVmLocal).map((c) => c.costUsd));
    const local = Math.min(...choices.filter((c) => c.usesVmLocal).map((c) => c.costUsd));
    if (!Number.isFinite(other)) {
      onlyLocal++;
      onlyLocalUsd = local;
      continue;
    }
    besideTreeUsd += other;
    bestSavingUsd = Math.max(bestSavingUsd, other - local);
  }
  if (onlyLocal === 0) return { besideTreeUsd, besideNoneUsd: besideTreeUsd - bestSavingUsd };
  return { besideTreeUsd: Infinity, besideNoneUsd: onlyLocal === 1 ? besideTreeUsd + onlyLocalUsd : Infinity };
}

/** A cache-reading tree edge's share of its producer's admission: write + storage until the reader finishes, split over the cache-capable tree edges. */
export function admissionShareUsd(problem: Problem, producer: string, p: FrontierPoint, readerBaseMs: number, cacheChildren: number): number {
  if (!p.usesCache || cacheChildren === 0) return 0;
  const u = problem.stages.get(producer)!;
  return (u.admissionFixedUsd + u.admissionUsdPerMs * (p.timeMs + readerBaseMs)) / cacheChildren;
}
