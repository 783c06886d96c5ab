/**
 * Which incoming edge each stage keeps in the forest bound (forest-bound.ts): the one that sets its
 * ready time under given transfer times — its critical input — so the forest follows the paths
 * that decide the makespan. Ties keep the first edge in the stage's incoming order.
 */
import type { Problem } from "../../model/types.js";
import { earliestFinishMs } from "../schedule.js";

export function criticalForest(problem: Problem, transferMs: readonly number[]): Map<string, number> {
  const { dag } = problem;
  const finish = earliestFinishMs(problem, transferMs);
  const tree = new Map<string, number>();
  for (const v of dag.order) {
    let best: number | undefined;
    let readyMs = -Infinity;
    for (const i of dag.incoming.get(v)!) {
      const r = finish.get(dag.edges[i]!.from)! + transferMs[i]!;
      if (r > readyMs) {
        readyMs = r;
        best = i;
      }
    }
    if (best !== undefined) tree.set(v, best);
  }
  return tree;
}
