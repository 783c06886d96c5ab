/**
 * Earliest finish times for per-edge transfer times, F_v = max_e (F_u + t_e) + baseMs(v), and the
 * mirror: the longest time from each stage's finish to a sink.
 */
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

/** Longest time from each stage's finish to a sink with the given per-edge transfer times. */
export function tailMs(problem: Problem, transferMs: readonly number[]): Map<string, number> {
  const { dag } = problem;
  const tail = new Map<string, number>();
  for (let k = dag.order.length - 1; k >= 0; k--) {
    const u = dag.order[k]!;
    let t = 0;
    for (const i of dag.outgoing.get(u)!) {
      const v = dag.edges[i]!.to;
      t = Math.max(t, transferMs[i]! + problem.stages.get(v)!.baseMs + tail.get(v)!);
    }
    tail.set(u, t);
  }
  return tail;
}
