/**
 * The writes an instance makes once it has computed, all at once: the final output (sinks) to the
 * object store; its output to local storage when a consumer reads it direct or vm-local; one set of
 * PUTs per edge with remote receivers (only the partitions they read); its output into the cache
 * tier when its stage is admitted and the tier has room — else to the object store (overflow, or a
 * cache edge from a stage not admitted). Each group names the (edge, mode) receivers it serves;
 * `immediate` are those with nothing to wait for.
 */
import type { TransferMode } from "../model/types.js";
import { receiversOfScatter } from "./receivers.js";
import type { EdgeRt, InstanceRt, SimState } from "./sim-state.js";
import { CACHE, local, nicOut, storePut, type RequestGroup } from "./transfer-request.js";
import type { TransferKind } from "./types.js";

export interface OutputWrites {
  readonly groups: RequestGroup[];
  /** (edge, mode) pairs this instance serves without writing anything. */
  readonly immediate: [EdgeRt, TransferMode][];
}

export function writeGroups(sim: SimState, inst: InstanceRt): OutputWrites {
  const { platform } = sim.setup;
  const p = platform.objectStore.connectionsPerInstance;
  const s = inst.stage;
  const vm = inst.vm;
  const out = inst.draw.outputBytes;
  const groups: RequestGroup[] = [];
  const servedBy = (e: EdgeRt, mode: TransferMode): [EdgeRt, TransferMode][] => (e.modes.includes(mode) ? [[e, mode]] : []);
  const outgoing = s.outgoing.map((i) => sim.edges[i]!);
  if (outgoing.length === 0) groups.push({ reqs: [storePut(sim, vm, "output", undefined, "output", out, false)], parallel: p, serves: [] });

  const localEdges = outgoing.filter((e) => e.modes.some((m) => m === "direct" || m === "vm-local"));
  if (localEdges.length > 0) {
    const kind: TransferKind = localEdges.some((e) => e.modes.includes("vm-local")) ? "vm-local" : "direct";
    groups.push({
      reqs: [{ edge: localEdges.map((e) => e.key).join(", "), kind, direction: "write", fallback: false, tier: "local", bytes: out, capBps: Infinity, resources: [local(vm)], latencyMs: 0 }],
      parallel: 1,
      serves: localEdges.flatMap((e) => [...servedBy(e, "direct"), ...servedBy(e, "vm-local")]),
    });
  }
  const immediate: [EdgeRt, TransferMode][] = [];
  for (const e of outgoing) {
    if (!e.modes.includes("remote")) continue;
    const puts = remotePuts(e, inst.index, s.n, out);
    if (puts.length > 0) groups.push({ reqs: puts.map((bytes) => storePut(sim, vm, e.key, e.index, "remote", bytes, false)), parallel: p, serves: [[e, "remote"]] });
    else immediate.push([e, "remote"]);
  }
  const cacheServed = outgoing.flatMap((e) => servedBy(e, "cache"));
  if (s.admitted) {
    if (sim.cache.reserve(s.id, out, sim.kernel.nowMs)) {
      inst.cacheResident = true;
      groups.push({ reqs: [{ edge: "admission", kind: "cache", direction: "write", fallback: false, tier: "cache", bytes: out, capBps: platform.cache.connectionBytesPerSecond, resources: [nicOut(vm), CACHE], latencyMs: platform.cache.latencyMs }], parallel: 1, serves: cacheServed });
    } else {
      s.overflowInstances++;
      s.overflowBytes += out;
      groups.push({ reqs: [storePut(sim, vm, "admission", undefined, "remote", out, true)], parallel: p, serves: cacheServed });
    }
  } else if (cacheServed.length > 0) {
    groups.push({ reqs: [storePut(sim, vm, "admission", undefined, "remote", out, true)], parallel: p, serves: cacheServed });
  }
  return { groups, immediate };
}

/** Bytes of each PUT sender i makes for an edge's remote receivers: only the partitions they read. */
function remotePuts(e: EdgeRt, i: number, senders: number, out: number): number[] {
  const receivers = e.modes.length;
  const remote = (j: number) => e.modes[j] === "remote";
  switch (e.pattern) {
    case "one-to-one":
      return remote(i) ? [out] : [];
    case "scatter": {
      const { first, end } = receiversOfScatter(i, senders, receivers);
      const puts: number[] = [];
      for (let j = first; j < end; j++) if (remote(j)) puts.push(out / (end - first));
      return puts;
    }
    case "shuffle": {
      const count = e.receiversByMode.remote ?? 0;
      return count > 0 ? [(out * count) / receivers] : [];
    }
    case "broadcast":
    case "gather":
      return e.modes.includes("remote") ? [out] : [];
  }
}
