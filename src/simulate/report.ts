/**
 * Turns a finished Simulation into the report: makespan, cost in the model's categories,
 * per-stage and per-instance timelines, bytes per tier and per edge, cache occupancy, NIC use.
 *
 *   computeUsd     = VM-pool billing: max(the plan's reserved VMs, peak leased at once) · billed time of the run (physics/vm-billing.ts);
 *                    function billing: Σ instances (finish − slot start) · billed GB · price per GB-s + n · repeat · price per request (one invocation per run)
 *   objectStoreUsd = PUTs · price per PUT + GETs · price per GET
 *   cacheUsd       = (bytes written + read) / GiB · transfer price + ∫ resident GiB dt · price per GiB-hour
 *                    (node pricing instead of the storage term: nodes · price per started hour of the run, if anything was admitted)
 */
import type { CostBreakdown } from "../model/types.js";
import type { Platform } from "../platform/schema.js";
import { intervalsOf } from "./account-transfer.js";
import type { Simulation } from "./simulation.js";
import type { NicUsage, SimEdge, SimInstance, SimStage, SimulationReport } from "./types.js";
import { billedVmSeconds, vmPoolUsd } from "../physics/vm-billing.js";
import { cacheNodesUsd } from "../physics/cache-residency.js";

const GiB = 1024 ** 3;

export function buildReport(sim: Simulation, platform: Platform, meta: { dagName: string; seed: number; inputBytes: number; notes: string[]; reservedVms: number }): SimulationReport {
  const instances: SimInstance[] = [];
  const stages: SimStage[] = [];
  let makespanMs = 0;
  let computeUsd = 0;
  for (const s of sim.stages.values()) {
    const perVm = new Map<string, number>();
    let startMs = Infinity;
    let outputBytes = 0;
    let overBilled = 0;
    for (const i of s.instances) {
      makespanMs = Math.max(makespanMs, i.finishMs);
      startMs = Math.min(startMs, i.startMs);
      outputBytes += i.draw.outputBytes;
      if (i.draw.memoryMb > s.billedMemoryMb) overBilled++;
      if (platform.billing.compute === "function") computeUsd += ((i.finishMs - i.startMs) / 1000) * (s.billedMemoryMb / 1024) * platform.billing.priceUsdPerGbSecond + platform.billing.priceUsdPerRequest * (sim.setup.dag.stageById.get(s.id)!.repeat ?? 1);
      instances.push({
        stageId: s.id,
        index: i.index,
        vm: i.vm,
        readyMs: i.readyMs,
        startMs: i.startMs,
        computeStartMs: i.computeStartMs,
        computeEndMs: i.computeEndMs,
        finishMs: i.finishMs,
        inputBytes: i.inputBytes,
        outputBytes: i.draw.outputBytes,
        runtimeMs: i.draw.runtimeMs,
        memoryMb: i.draw.memoryMb,
        transfers: intervalsOf(i),
      });
    }
    // Peak instances of this stage at once on one VM, from its own intervals.
    const byVm = new Map<string, { t: number; d: number }[]>();
    for (const i of s.instances) {
      const list = byVm.get(i.vm) ?? [];
      list.push({ t: i.startMs, d: 1 }, { t: i.finishMs, d: -1 });
      byVm.set(i.vm, list);
    }
    for (const [vm, list] of byVm) {
      list.sort((a, b) => a.t - b.t || a.d - b.d);
      let cur = 0;
      let peak = 0;
      for (const x of list) peak = Math.max(peak, (cur += x.d));
      perVm.set(vm, peak);
    }
    const stage: SimStage = {
      stageId: s.id,
      instances: s.n,
      startMs,
      finishMs: s.finishMs,
      vms: [...new Set(s.instances.map((i) => i.vm))].sort(),
      peakPerVm: Math.max(0, ...perVm.values()),
      outputBytes,
      overBilledMemory: overBilled,
    };
    stages.push(s.hostId === undefined ? stage : { ...stage, colocatedWith: s.hostId });
  }

  const vm = platform.vm;
  const billedVms = Math.max(meta.reservedVms, sim.pool.peakVms);
  if (platform.billing.compute === "vm-pool") computeUsd = vmPoolUsd(billedVms, makespanMs, vm.priceUsdPerHour, vm.billing, vm.minimumBilledSeconds);
  const objectStoreUsd = sim.store.usd();
  const t = sim.tierBytes;
  const c = platform.cache;
  const anyAdmitted = [...sim.stages.values()].some((s) => s.admitted);
  const storageUsd = c.pricing === "nodes" ? (anyAdmitted ? cacheNodesUsd(c.nodes, c.priceUsdPerNodeHour, billedVmSeconds(makespanMs, "per-hour", 0) * 1000) : 0) : sim.cache.gibHours(makespanMs) * c.priceUsdPerGibHour;
  const cacheUsd = ((t.cacheWritten + t.cacheRead) / GiB) * c.priceUsdPerGibTransferred + storageUsd;
  const cost: CostBreakdown = { computeUsd, objectStoreUsd, cacheUsd, totalUsd: computeUsd + objectStoreUsd + cacheUsd };

  const stats = new Map(sim.kernel.network.stats().map((r) => [r.id, r]));
  const span = Math.max(makespanMs, 1e-9);
  const nics: NicUsage[] = sim.vmIds.map((vm) => {
    const i = stats.get(`nic-in:${vm}`)!;
    const o = stats.get(`nic-out:${vm}`)!;
    return { vm, busyFractionIn: i.busyMs / span, busyFractionOut: o.busyMs / span, peakIn: i.peakUtilisation, peakOut: o.peakUtilisation, bytesIn: i.bytes, bytesOut: o.bytes };
  });

  const edges: SimEdge[] = sim.edges.map((e) => {
    const bytesRead = Object.values(e.bytesReadByMode).reduce((a, b) => a + b, 0);
    return { from: e.from, to: e.to, receiversByMode: { ...e.receiversByMode }, bytesOffered: e.bytesOffered, bytesReadByMode: { ...e.bytesReadByMode }, bytesRead };
  });

  return {
    dagName: meta.dagName,
    seed: meta.seed,
    inputBytes: meta.inputBytes,
    makespanMs,
    cost,
    stages,
    instances,
    edges,
    tiers: {
      objectStore: { written: sim.store.bytesWritten, read: sim.store.bytesRead, puts: sim.store.puts, gets: sim.store.gets, throttledMs: sim.store.throttledMs },
      cache: { written: t.cacheWritten, read: t.cacheRead },
      network: { written: t.networkBytes, read: t.networkBytes },
      local: { written: t.localWritten, read: t.localRead },
    },
    bytesByMode: { ...sim.bytesByMode },
    cache: {
      capacityBytes: sim.cache.capacityBytes,
      peakBytes: sim.cache.peakBytes,
      occupancy: sim.cache.occupancy.map((p) => ({ ...p })),
      overflowBytes: sim.cache.overflowBytes,
      aggregateBusyFraction: (stats.get("cache")?.busyMs ?? 0) / span,
    },
    nics,
    violations: [...sim.violations],
    notes: meta.notes,
    events: sim.kernel.events,
    vmPool: { peakVms: sim.pool.peakVms, billedVms, poolSize: sim.pool.poolSize, waitedMs: sim.pool.waitedMs },
  };
}
