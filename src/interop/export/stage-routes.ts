/**
 * What each stage of an exported state machine is told: where each input comes from (per mode
 * share: the object-store prefix of a remote edge, the cache endpoint and key prefix of a cached
 * one, the producer's VM group for direct and vm-local reads), where its output goes (the cache
 * when admitted, always the object store for a sink), and which stages share its VMs. Pure data
 * from the DAG and the plan.
 */
import type { DagInput } from "../../dag/schema.js";
import type { Plan } from "../../plan/types.js";
import type { TransferMode } from "../../platform/schema.js";

export interface ExportLocations {
  /** Bucket of remote edges; default the placeholder `${SluiceBucket}` for a template to fill. */
  readonly bucket: string;
  /** Key prefix under which every edge gets its own prefix; default `sluice/<dag>/`. */
  readonly keyPrefix: string;
  /** Cache tier endpoint; default the placeholder `${SluiceCacheEndpoint}`. */
  readonly cacheEndpoint: string;
}

export interface InputRoute {
  readonly from: string;
  readonly pattern: string;
  readonly mode: TransferMode;
  readonly fraction: number;
  readonly location: string;
}

export interface StageRoute {
  readonly stage: string;
  readonly instances: number;
  readonly repeat?: number;
  readonly inputFraction?: number;
  readonly inputs: readonly InputRoute[];
  /** For a root: where it reads the app input (roots always read it from the object store). */
  readonly appInput?: string;
  readonly output: { readonly admitted: boolean; readonly locations: readonly string[] };
  readonly placement: { readonly vmGroup: string; readonly vms: number; readonly slotsPerVm: number; readonly waves: number; readonly billedMemoryMb: number; readonly colocatedWith?: string; readonly sharesVmsWith: readonly string[] };
  readonly predicted: { readonly startMs: number; readonly finishMs: number };
}

const SHARE_ORDER: readonly TransferMode[] = ["vm-local", "direct", "remote", "cache"];

/** VM groups: a stage runs on its `colocatedWith` producer's VMs, transitively; each group is named after its first stage. */
function vmGroups(plan: Plan): Map<string, string> {
  const parent = new Map(plan.placement.map((p) => [p.stageId, p.colocatedWith ?? p.stageId]));
  const root = (id: string): string => {
    let r = id;
    for (let guard = 0; parent.get(r) !== undefined && parent.get(r) !== r && guard < parent.size; guard++) r = parent.get(r)!;
    return r;
  };
  return new Map(plan.placement.map((p) => [p.stageId, `vms:${root(p.stageId)}`]));
}

export function stageRoutes(dag: DagInput, plan: Plan, where: ExportLocations): StageRoute[] {
  const groups = vmGroups(plan);
  const admitted = new Set(plan.admitted);
  const decision = new Map(plan.edges.map((e) => [`${e.from}\u0000${e.to}`, e]));
  const timing = new Map(plan.stages.map((s) => [s.stageId, s]));
  const hasOutput = new Set((dag.edges ?? []).map((e) => e.from));
  const locate = (from: string, to: string, mode: TransferMode): string => {
    switch (mode) {
      case "remote":
        return `s3://${where.bucket}/${where.keyPrefix}${from}/to-${to}/`;
      case "cache":
        return `${where.cacheEndpoint}/${where.keyPrefix}${from}/`;
      case "direct":
        return `pull from ${groups.get(from)}`;
      case "vm-local":
        return `local storage of ${groups.get(from)}`;
    }
  };
  return plan.placement.map((p) => {
    const stage = dag.stages.find((s) => s.id === p.stageId);
    const inputs = (dag.edges ?? [])
      .filter((e) => e.to === p.stageId)
      .flatMap((e) => {
        const d = decision.get(`${e.from}\u0000${e.to}`);
        const shares = d?.split !== undefined ? SHARE_ORDER.filter((m) => (d.split![m] ?? 0) > 0).map((m) => [m, d.split![m]!] as const) : [[d?.mode ?? "remote", 1] as const];
        return shares.map(([mode, fraction]) => ({ from: e.from, pattern: e.pattern, mode, fraction, location: locate(e.from, e.to, mode) }));
      });
    const locations = [...(admitted.has(p.stageId) ? [`${where.cacheEndpoint}/${where.keyPrefix}${p.stageId}/`] : []), ...(hasOutput.has(p.stageId) ? [] : [`s3://${where.bucket}/${where.keyPrefix}${p.stageId}/result/`])];
    const group = groups.get(p.stageId)!;
    const t = timing.get(p.stageId);
    return {
      stage: p.stageId,
      instances: p.instances,
      ...(stage?.repeat !== undefined && stage.repeat > 1 ? { repeat: stage.repeat } : {}),
      ...(stage?.inputFraction !== undefined ? { inputFraction: stage.inputFraction } : {}),
      inputs,
      ...(inputs.length === 0 ? { appInput: `s3://${where.bucket}/${where.keyPrefix}input/` } : {}),
      output: { admitted: admitted.has(p.stageId), locations },
      placement: {
        vmGroup: group,
        vms: p.vms,
        slotsPerVm: p.slotsPerVm,
        waves: p.waves,
        billedMemoryMb: p.billedMemoryMb,
        ...(p.colocatedWith !== undefined ? { colocatedWith: p.colocatedWith } : {}),
        sharesVmsWith: plan.placement.filter((q) => q.stageId !== p.stageId && groups.get(q.stageId) === group).map((q) => q.stageId),
      },
      predicted: { startMs: round1(t?.startMs ?? 0), finishMs: round1(t?.finishMs ?? 0) },
    };
  });
}

function round1(ms: number): number {
  return Math.round(ms * 10) / 10;
}
