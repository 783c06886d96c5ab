/**
 * The reads an instance makes once it has a slot, one group per input, each by its receiver's
 * mode: the app input (roots) and the stage's side input from the object store; a remote edge's
 * pieces as GETs (ranged GETs with several connections); a cache edge's pieces from the cache tier
 * where the sender's output is resident, else from the store (fallback); a direct or vm-local
 * edge's pieces locally where they sit on this VM, and the rest as one pull drawing on every sender
 * VM's NIC in proportion to the bytes it holds — one flow per sender VM, each capped at the
 * platform's per-flow bandwidth, so the pull is capped at flowBytesPerSecond / the largest share.
 */
import { stageOf, type InstanceRt, type SimState } from "./sim-state.js";
import { CACHE, local, nicIn, nicOut, storeGets, type RequestGroup, type TransferRequest } from "./transfer-request.js";

export function readGroups(sim: SimState, inst: InstanceRt, vm: string): RequestGroup[] {
  const { platform } = sim.setup;
  const store = platform.objectStore;
  const p = store.connectionsPerInstance;
  const groups: RequestGroup[] = [];
  const s = inst.stage;
  if (s.incoming.length === 0 && inst.inputBytes > 0) {
    groups.push({ reqs: storeGets(sim, vm, "input", undefined, "input", inst.inputBytes, false), parallel: p });
  }
  if (s.sideInputBytes > 0) groups.push({ reqs: storeGets(sim, vm, "side-input", undefined, "input", s.sideInputBytes, false), parallel: p });
  s.incoming.forEach((ei, k) => {
    const e = sim.edges[ei]!;
    const producer = stageOf(sim, e.from);
    const mode = e.modes[inst.index]!;
    const pieces = inst.pieces[k]!;
    if (mode === "remote") {
      groups.push({ reqs: pieces.flatMap((pc) => storeGets(sim, vm, e.key, ei, "remote", pc.bytes, false)), parallel: p });
    } else if (mode === "cache") {
      const reqs = pieces.flatMap((pc): TransferRequest[] =>
        producer.instances[pc.sender]!.cacheResident
          ? [{ edge: e.key, edgeIndex: ei, kind: "cache", direction: "read", fallback: false, tier: "cache", bytes: pc.bytes, capBps: platform.cache.connectionBytesPerSecond, resources: [nicIn(vm), CACHE], latencyMs: platform.cache.latencyMs }]
          : storeGets(sim, vm, e.key, ei, "remote", pc.bytes, true),
      );
      groups.push({ reqs, parallel: p });
    } else {
      // direct and vm-local: what sits on this VM is read locally; the rest is one pull that
      // draws on every sender VM's NIC in proportion to the bytes it holds.
      const byVm = new Map<string, number>();
      for (const pc of pieces) {
        const sv = producer.instances[pc.sender]!.vm;
        byVm.set(sv, (byVm.get(sv) ?? 0) + pc.bytes);
      }
      const reqs: TransferRequest[] = [];
      const here = byVm.get(vm);
      if (here !== undefined) {
        byVm.delete(vm);
        reqs.push({ edge: e.key, edgeIndex: ei, kind: mode, direction: "read", fallback: false, tier: "local", bytes: here, capBps: Infinity, resources: [local(vm)], latencyMs: 0 });
      }
      if (byVm.size > 0) {
        if (mode === "vm-local") sim.vmLocalRemoteReads.set(s.id, (sim.vmLocalRemoteReads.get(s.id) ?? 0) + byVm.size);
        let total = 0;
        let largest = 0;
        for (const b of byVm.values()) {
          total += b;
          largest = Math.max(largest, b);
        }
        const senders = [...byVm.keys()];
        reqs.push({
          edge: e.key,
          edgeIndex: ei,
          kind: "direct",
          direction: "read",
          fallback: mode === "vm-local",
          tier: "network",
          bytes: total,
          capBps: total > 0 ? platform.vm.flowBytesPerSecond / (largest / total) : Infinity,
          resources: [nicIn(vm), ...senders.map(nicOut)],
          weights: [1, ...senders.map((sv) => (total > 0 ? byVm.get(sv)! / total : 1))],
          latencyMs: platform.vm.networkLatencyMs,
        });
      }
      groups.push({ reqs, parallel: reqs.length });
    }
  });
  return groups;
}
