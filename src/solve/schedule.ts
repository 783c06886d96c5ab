/** Earliest finish times for per-edge transfer times: F_v = max_e (F_u + t_e) + baseMs(v). */
import type { Problem } from "../model/types.js";

export function earliestFinishMs(problem: Problem, transferMs: readonly number[]): Map<string, number> {
  const { dag } = problem;
  const finish = new Map<string, number>();
  for (const id of dag.order) {
    let ready = 0;
    for (const i of dag.incoming.get(id)!) ready = Math.max(ready, finish.get(dag.edges[i]!.from)! + transferMs[i]!);
    finish.set(id, ready + problem.stages.get(id)!.baseMs);
  }
  return finish;
}

export function makespanOf(finish: ReadonlyMap<string, number>): number {
  let m = 0;
  for (const f of finish.values()) m = Math.max(m, f);
  return m;
}
