/**
 * The per-stage and per-edge rows of a run report, from its measured instances: a stage's span,
 * VMs, peak instances at once on one VM, output and instances over their billed memory; an edge's
 * receivers per mode (the mode of each receiver's first read of it) and bytes read per mode.
 */
import type { Dag } from "../../dag/types.js";
import type { Plan } from "../../plan/types.js";
import type { TransferMode } from "../../platform/schema.js";
import type { SimEdge, SimInstance, SimStage } from "../../simulate/types.js";

/** Stages whose input edge is vm-local, mapped to the first stage of their co-located chain. */
export function colocatedStages(dag: Dag, plan: Plan): Map<string, string> {
  const colocated = new Map<string, string>();
  for (const e of dag.edges) if ((plan.edges.find((d) => d.from === e.from && d.to === e.to)?.mode ?? "") === "vm-local") colocated.set(e.to, colocated.get(e.from) ?? e.from);
  return colocated;
}

/** `mine`: the stage's measured instances; `billedMb`: its billed memory (Infinity: none planned). */
export function measuredStage(stageId: string, mine: readonly SimInstance[], billedMb: number, colocatedWith: string | undefined): SimStage {
  const perVm = new Map<string, number>();
  for (const i of mine) perVm.set(i.vm, Math.max(perVm.get(i.vm) ?? 0, mine.filter((k) => k.vm === i.vm && k.startMs < i.finishMs && i.startMs < k.finishMs).length));
  const stage: SimStage = {
    stageId,
    instances: mine.length,
    // A stage that ran no instance (zero fanout, or a run cut short) spans nothing: 0, not ±Infinity.
    startMs: mine.length > 0 ? Math.min(...mine.map((i) => i.startMs)) : 0,
    finishMs: mine.length > 0 ? Math.max(...mine.map((i) => i.finishMs)) : 0,
    vms: [...new Set(mine.map((i) => i.vm))].sort(),
    peakPerVm: Math.max(0, ...perVm.values()),
    outputBytes: mine.reduce((a, i) => a + i.outputBytes, 0),
    overBilledMemory: mine.filter((i) => i.memoryMb > billedMb).length,
  };
  return colocatedWith !== undefined ? { ...stage, colocatedWith } : stage;
}

/** `edgeBytes`: bytes read per edge key ("from->to") and mode. */
export function measuredEdges(dag: Dag, instances: readonly SimInstance[], edgeBytes: ReadonlyMap<string, Partial<Record<TransferMode, number>>>): SimEdge[] {
  return dag.edges.map((e) => {
    const key = `${e.from}->${e.to}`;
    const byMode = edgeBytes.get(key) ?? {};
    const receiversByMode: Partial<Record<TransferMode, number>> = {};
    for (const i of instances) {
      if (i.stageId !== e.to) continue;
      const t = i.transfers.find((x) => x.direction === "read" && x.edge.split(",").includes(key) && x.kind !== "input");
      if (t !== undefined && t.kind !== "output" && t.kind !== "input") receiversByMode[t.kind] = (receiversByMode[t.kind] ?? 0) + 1;
    }
    const bytesRead = Object.values(byMode).reduce((a, b) => a + b, 0);
    return { from: e.from, to: e.to, receiversByMode, bytesOffered: bytesRead, bytesReadByMode: byMode, bytesRead };
  });
}
