/**
 * What the sizing search may change, stage by stage: an open instance count (`"auto"` or a range,
 * unless the stage's input pattern fixes it: a one-to-one consumer runs its producer's count, a
 * gather consumer one) over powers of two within the range and its ends — or, after a scatter edge,
 * over multiples 1, 2, 4, … of the producer's count; and, with memorySizes, the memory size.
 */
import type { Dag } from "../../dag/types.js";

export interface StageSpace {
  readonly stageId: string;
  /** Instance counts to try (or multipliers, when `scatterFrom` is set); empty when not open. */
  readonly counts: readonly number[];
  readonly scatterFrom?: string;
  /** Open in the DAG but fixed by its input pattern. */
  readonly fixedByPattern: boolean;
  /** Memory is searched (memorySizes given and the DAG sets none). */
  readonly memory: boolean;
}

/** min, the powers of two strictly between, max. */
export function powerGrid(min: number, max: number): number[] {
  const out = [min];
  for (let p = 1; p < max; p *= 2) if (p > min) out.push(p);
  if (max > min) out.push(max);
  return out;
}

export function searchSpace(dag: Dag, withSizes: boolean): StageSpace[] {
  return dag.order.map((id) => {
    const stage = dag.stageById.get(id)!;
    const incoming = dag.incoming.get(id)!.map((i) => dag.edges[i]!);
    const memory = withSizes && stage.memoryMb === undefined;
    const range = stage.instanceRange;
    if (range === undefined) return { stageId: id, counts: [], fixedByPattern: false, memory };
    if (incoming.some((e) => e.pattern === "one-to-one" || e.pattern === "gather")) return { stageId: id, counts: [], fixedByPattern: true, memory };
    const scatter = incoming.find((e) => e.pattern === "scatter");
    if (scatter !== undefined) return { stageId: id, counts: powerGrid(1, Math.max(1, range.max)), scatterFrom: scatter.from, fixedByPattern: false, memory };
    return { stageId: id, counts: powerGrid(range.min, range.max), fixedByPattern: false, memory };
  });
}
