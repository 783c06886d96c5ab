/**
 * How many instances a stage runs: a root stage its own count (1 when unset); any other stage what
 * its producers' real outputs give through each input edge's pattern (routing.ts). Two input edges
 * that disagree are an execute.instanceCountMismatch naming the stage.
 */
import type { Dag } from "../../dag/types.js";
import { edgeKey } from "../../dag/types.js";
import { sluiceError } from "../../errors/index.js";
import type { InstanceOutcome } from "../queue/job-data.js";
import { receiverCount } from "../routing/routing.js";

/** `outcomes`: each finished producer's outcome per instance. */
export function instanceCount(dag: Dag, id: string, outcomes: ReadonlyMap<string, readonly InstanceOutcome[]>): number {
  const inEdges = dag.incoming.get(id)!;
  if (inEdges.length === 0) return dag.stageById.get(id)!.instances ?? 1;
  let n: number | undefined;
  for (const i of inEdges) {
    const e = dag.edges[i]!;
    const parts = outcomes.get(e.from)!.map((o) => o.partitionBytes.length);
    let m: number;
    try {
      m = receiverCount(e.pattern, parts, edgeKey(e));
    } catch (err) {
      throw sluiceError("execute.instanceCountMismatch", { path: ["stages", id], params: { detail: (err as Error).message } });
    }
    if (n !== undefined && m !== n) throw sluiceError("execute.instanceCountMismatch", { path: ["stages", id], params: { detail: `${edgeKey(e)} gives ${m}, an earlier input ${n}` } });
    n = m;
  }
  return n!;
}
