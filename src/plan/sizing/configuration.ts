/**
 * A configuration as a DAG input: the validated DAG written back out with each stage's instance
 * count and memory size filled in from the configuration (everything else as the caller wrote it).
 * Scatter consumers are set as a multiple of their producer's count, which the caller resolves.
 */
import type { DagInput } from "../../dag/schema.js";
import type { Dag } from "../../dag/types.js";
import { validateDag } from "../../dag/validate-dag.js";

export interface ResolvedStage {
  /** A count, or undefined to leave it to the estimate (the producer's fanout, a root's 1). */
  readonly instances?: number;
  readonly memoryMb?: number;
}

export function toDagInput(dag: Dag, stages: ReadonlyMap<string, ResolvedStage>): DagInput {
  return {
    name: dag.name,
    stages: dag.stages.map((s) => {
      const r = stages.get(s.id);
      const instances = s.instances ?? r?.instances;
      const memoryMb = s.memoryMb ?? r?.memoryMb;
      return {
        id: s.id,
        function: s.function,
        ...(instances === undefined ? {} : { instances }),
        ...(memoryMb === undefined ? {} : { memoryMb }),
        ...(s.inputFraction === undefined ? {} : { inputFraction: s.inputFraction }),
        ...(s.repeat === undefined ? {} : { repeat: s.repeat }),
      };
    }),
    edges: dag.edges.map((e) => ({ from: e.from, to: e.to, pattern: e.pattern })),
  };
}

/** A stable key of a configuration, for caching scores. */
export function configurationKey(config: ReadonlyMap<string, { readonly instances?: number; readonly multiplier?: number; readonly memoryMb?: number | "fit" }>): string {
  return [...config].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id, s]) => `${id}:${s.instances ?? ""}:${s.multiplier ?? ""}:${s.memoryMb ?? ""}`).join("|");
}

/** The DAG a plan was made for: its instance counts and configured memory written into the DAG's stages (what evaluate and tests re-price a plan with). */
export function sizedDagInput(dagInput: unknown, placement: readonly { readonly stageId: string; readonly instances: number; readonly memoryMb?: number }[]): DagInput {
  return toDagInput(validateDag(dagInput), new Map(placement.map((p) => [p.stageId, { instances: p.instances, ...(p.memoryMb === undefined ? {} : { memoryMb: p.memoryMb }) }])));
}
