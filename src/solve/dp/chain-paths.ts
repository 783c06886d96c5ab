/**
 * A chain DAG (every stage has at most one input and at most one output edge) is a set of
 * disjoint paths. `findChainPaths` lists them, each from its root, in dag.order of the roots.
 */
import type { Dag } from "../../dag/types.js";

export interface ChainPath {
  /** Stage ids from the root to the sink. */
  readonly stages: readonly string[];
  /** Edge indexes: edges[k] runs from stages[k] to stages[k + 1]. */
  readonly edges: readonly number[];
}

export function isChainDag(dag: Dag): boolean {
  return dag.stages.every((s) => dag.incoming.get(s.id)!.length <= 1 && dag.outgoing.get(s.id)!.length <= 1);
}

/** Pre: isChainDag(dag). */
export function findChainPaths(dag: Dag): ChainPath[] {
  const paths: ChainPath[] = [];
  for (const root of dag.order) {
    if (dag.incoming.get(root)!.length > 0) continue;
    const stages = [root];
    const edges: number[] = [];
    let next = dag.outgoing.get(root)![0];
    while (next !== undefined) {
      const to = dag.edges[next]!.to;
      edges.push(next);
      stages.push(to);
      next = dag.outgoing.get(to)![0];
    }
    paths.push({ stages, edges });
  }
  return paths;
}
