/**
 * On which VM each instance runs. A stage with a vm-local input runs each such receiver on the VM
 * that holds its first input range (the plan's co-location); any other stage spreads its instances
 * over its own VMs in contiguous blocks, as the plan's `vms` count says, starting where the stages
 * before it (in the DAG's order) left off, so that consecutive stages land on different VMs:
 *   own VM of instance j = live[(offset + ⌊j · k / n⌋) mod L],  k = min(plan vms, L), L live VMs
 *   offset of stage s    = Σ over earlier stages without a vm-local input of their k, mod L
 */

export interface StagePlacementInput {
  readonly stageId: string;
  /** The plan's VMs for the stage (at least 1). */
  readonly vms: number;
  /** True when the stage runs beside a producer (a vm-local input). */
  readonly colocated: boolean;
}

/** Each stage's offset into the live VM list, in DAG order. */
export function stageOffsets(stages: readonly StagePlacementInput[], liveCount: number): Map<string, number> {
  const out = new Map<string, number>();
  let next = 0;
  for (const s of stages) {
    out.set(s.stageId, next % Math.max(1, liveCount));
    if (!s.colocated) next += Math.max(1, Math.min(s.vms, liveCount));
  }
  return out;
}

export function ownVm(live: readonly string[], offset: number, planVms: number, instances: number, j: number): string {
  if (live.length === 0) throw new RangeError("live VMs: expected at least one");
  const k = Math.max(1, Math.min(planVms, live.length));
  return live[(offset + Math.floor((j * k) / Math.max(1, instances))) % live.length]!;
}
