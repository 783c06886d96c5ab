/**
 * The boundary from a plan to the run's records: one StageRt per stage (from its placement,
 * checked) and one EdgeRt per edge (its receivers' modes dealt from the edge's shares).
 *
 * Pre: `setup.dag` is validated. Post: every stage has a record with n ≥ 1 instances and VMs;
 * every edge has one mode per receiver (remote when it has no shares). Throws InputError for a
 * missing or malformed placement.
 */
import { edgeKey } from "../dag/types.js";
import { sluiceError } from "../errors.js";
import type { TransferMode } from "../model/types.js";
import { assignReceiverModes } from "./receivers.js";
import type { EdgeRt, SimulationSetup, StageRt } from "./sim-state.js";

export function buildStages(setup: SimulationSetup): Map<string, StageRt> {
  const { dag } = setup;
  const stages = new Map<string, StageRt>();
  for (const id of dag.order) {
    const p = setup.placement.get(id);
    if (p === undefined) throw sluiceError("simulate.missingPlacement", { path: ["plan", "placement"], params: { stage: id } });
    if (!(Number.isInteger(p.instances) && p.instances >= 1 && Number.isInteger(p.vms) && p.vms >= 1)) {
      throw sluiceError("simulate.badPlacement", { path: ["plan", "placement", id], actual: `${p.instances} instances on ${p.vms} VMs` });
    }
    const incoming = dag.incoming.get(id)!;
    const outgoing = dag.outgoing.get(id)!;
    stages.set(id, {
      id,
      fn: dag.stageById.get(id)!.function,
      n: p.instances,
      billedMemoryMb: p.billedMemoryMb,
      incoming,
      outgoing,
      admitted: setup.admitted.has(id),
      sideInputBytes: dag.stageById.get(id)!.sideInputBytes ?? 0,
      vmIds: [],
      lease: "none",
      awaitingLease: [],
      hostedLeft: 0,
      cacheReadersLeft: 0,
      instances: [],
      pending: incoming.length === 0 ? [] : Array.from({ length: p.instances }, (_, j) => j),
      done: 0,
      readyMs: NaN,
      finishMs: NaN,
      overflowInstances: 0,
      overflowBytes: 0,
    });
  }
  return stages;
}

export function buildEdges(setup: SimulationSetup, stages: ReadonlyMap<string, StageRt>): EdgeRt[] {
  return setup.dag.edges.map((e, index) => {
    const shares = setup.shares[index] ?? [];
    const modes = assignReceiverModes(shares.length > 0 ? shares : [{ mode: "remote", fraction: 1 }], stages.get(e.to)!.n);
    const receiversByMode: Partial<Record<TransferMode, number>> = {};
    for (const m of modes) receiversByMode[m] = (receiversByMode[m] ?? 0) + 1;
    if (modes.includes("cache")) stages.get(e.from)!.cacheReadersLeft++;
    return { index, key: edgeKey(e), pattern: e.pattern, from: e.from, to: e.to, shares, modes, receiversByMode, bytesOffered: 0, bytesReadByMode: {}, written: new Map(), available: new Set() };
  });
}
