/**
 * The run report: the simulator's report shape (per instance start, end, bytes read and written per
 * mode; per stage; per edge; bytes per tier; cost; cache occupancy; NIC use), measured, with the
 * plan's prediction beside it. Times are milliseconds from the run's start (the first stage's
 * dispatch). Cost prices the measured quantities as the simulator does:
 *   computeUsd     = Σ instances (finish − start) · billed GB · price per GB-s + n · price per request
 *   objectStoreUsd = PUT-class requests · price per PUT + GETs · price per GET   (app input and result included)
 *   cacheUsd       = (bytes written + read) / GiB · transfer price + ∫ resident GiB dt · price per GiB-hour
 */
import type { Dag } from "../../dag/types.js";
import type { Plan } from "../../plan/types.js";
import type { Platform, TransferMode } from "../../platform/schema.js";
import type { NicUsage, SimEdge, SimStage, SimulationReport, TierBytes, TransferInterval } from "../../simulate/types.js";
import type { InstanceOutcome } from "../queue/job-data.js";
import type { MeasuredInstance, RunReport } from "./run-report-types.js";
import { cacheOccupancy, peakRate, unionMs } from "./report-usage.js";
import type { RunState } from "../run/run-state.js";

const GiB = 1024 ** 3;

export interface ReportInput {
  readonly dag: Dag;
  readonly plan: Plan;
  readonly platform: Platform;
  readonly state: RunState;
  readonly runId: string;
  readonly t0Ms: number;
  readonly endMs: number;
  readonly bucket: string;
  readonly cleanup: RunReport["cleanup"];
  readonly notes: readonly string[];
}

export type { RunReport, StageComparison } from "./run-report-types.js";

export function buildRunReport(r: ReportInput): RunReport {
  const rel = (t: number) => t - r.t0Ms;
  const billedMb = new Map(r.plan.placement.map((p) => [p.stageId, p.billedMemoryMb]));
  const instances: MeasuredInstance[] = [];
  const stages: SimStage[] = [];
  let computeUsd = 0;
  const tiers = { store: { written: 0, read: 0, puts: 0, gets: 0 }, cacheW: 0, cacheR: 0, net: 0, localW: 0, localR: 0 };
  const bytesByMode: Record<TransferMode, number> = { "vm-local": 0, direct: 0, remote: 0, cache: 0 };
  const edgeBytes = new Map<string, Partial<Record<TransferMode, number>>>();
  const nicBytes = new Map<string, { in: number; out: number; busyIn: [number, number][]; busyOut: [number, number][] }>();
  const nicOf = (vm: string) => nicBytes.get(vm) ?? (nicBytes.set(vm, { in: 0, out: 0, busyIn: [], busyOut: [] }), nicBytes.get(vm)!);
  const resultKeys: string[] = [];
  let resultBytes = 0;
  const colocated = new Map<string, string>();
  for (const e of r.dag.edges) if ((r.plan.edges.find((d) => d.from === e.from && d.to === e.to)?.mode ?? "") === "vm-local") colocated.set(e.to, colocated.get(e.from) ?? e.from);

  for (const id of r.dag.order) {
    const outs = (r.state.outcomes.get(id) ?? []).filter((o): o is InstanceOutcome => o !== undefined);
    const mb = billedMb.get(id) ?? r.platform.billing.minMemoryMb;
    for (const o of outs) {
      computeUsd += ((o.finishMs - o.startMs) / 1000) * (mb / 1024) * r.platform.billing.priceUsdPerGbSecond + r.platform.billing.priceUsdPerRequest;
      const transfers: TransferInterval[] = o.transfers.map((t) => ({ edge: t.edge, kind: t.kind, direction: t.direction, startMs: rel(t.startMs), endMs: rel(t.endMs), bytes: t.bytes, requests: t.requests, ...(t.fallback ? { fallback: true } : {}) }));
      for (const t of o.transfers) {
        const nic = nicOf(o.vm);
        if (t.kind === "remote" || t.kind === "input" || t.kind === "output") {
          if (t.direction === "write") (tiers.store.written += t.bytes), (tiers.store.puts += t.requests);
          else (tiers.store.read += t.bytes), (tiers.store.gets += t.requests);
        }
        if (t.kind === "cache") t.direction === "write" ? (tiers.cacheW += t.bytes) : (tiers.cacheR += t.bytes);
        if (t.kind === "vm-local" || (t.kind === "direct" && t.direction === "write")) t.direction === "write" ? (tiers.localW += t.bytes) : (tiers.localR += t.bytes);
        if (t.kind === "direct" && t.direction === "read") tiers.net += t.bytes;
        const crossesNic = t.kind !== "vm-local" && !(t.kind === "direct" && t.direction === "write");
        if (crossesNic) {
          if (t.direction === "read") (nic.in += t.bytes), nic.busyIn.push([rel(t.startMs), rel(t.endMs)]);
          else (nic.out += t.bytes), nic.busyOut.push([rel(t.startMs), rel(t.endMs)]);
        }
        if (t.direction === "read" && t.kind !== "input" && t.kind !== "output") {
          bytesByMode[t.kind] += t.bytes;
          for (const edge of t.edge.split(",")) {
            const m = edgeBytes.get(edge) ?? {};
            m[t.kind] = (m[t.kind] ?? 0) + t.bytes;
            edgeBytes.set(edge, m);
          }
        }
      }
      for (const c of o.copies) if (c.kind === "result") (resultKeys.push(c.at.name), (resultBytes += o.outputBytes));
      instances.push({
        stageId: id,
        index: o.index,
        vm: o.vm,
        readyMs: rel(r.state.readyMs.get(id) ?? o.startMs),
        startMs: rel(o.startMs),
        computeStartMs: rel(o.computeStartMs),
        computeEndMs: rel(o.computeEndMs),
        finishMs: rel(o.finishMs),
        inputBytes: o.inputBytes,
        outputBytes: o.outputBytes,
        runtimeMs: o.runtimeMs,
        memoryMb: o.memoryBytes / (1024 * 1024),
        transfers,
        ...(o.cold === true ? { cold: true } : {}),
      });
    }
    const mine = instances.filter((i) => i.stageId === id);
    const perVm = new Map<string, number>();
    for (const i of mine) perVm.set(i.vm, Math.max(perVm.get(i.vm) ?? 0, mine.filter((k) => k.vm === i.vm && k.startMs < i.finishMs && i.startMs < k.finishMs).length));
    const stage: SimStage = {
      stageId: id,
      instances: mine.length,
      startMs: Math.min(...mine.map((i) => i.startMs)),
      finishMs: Math.max(...mine.map((i) => i.finishMs)),
      vms: [...new Set(mine.map((i) => i.vm))].sort(),
      peakPerVm: Math.max(0, ...perVm.values()),
      outputBytes: mine.reduce((a, i) => a + i.outputBytes, 0),
      overBilledMemory: mine.filter((i) => i.memoryMb > (billedMb.get(id) ?? Infinity)).length,
    };
    stages.push(colocated.has(id) ? { ...stage, colocatedWith: colocated.get(id)! } : stage);
  }
  const makespanMs = Math.max(0, ...instances.map((i) => i.finishMs));
  const span = Math.max(makespanMs, 1e-9);

  const { occupancy, peakBytes, gibMs } = cacheOccupancy(r.state.cacheLife, rel, r.endMs);
  const store = r.platform.objectStore;
  const objectStoreUsd = tiers.store.puts * store.priceUsdPerPut + tiers.store.gets * store.priceUsdPerGet;
  const cacheUsd = ((tiers.cacheW + tiers.cacheR) / GiB) * r.platform.cache.priceUsdPerGibTransferred + (gibMs / 3.6e6) * r.platform.cache.priceUsdPerGibHour;
  const nics: NicUsage[] = [...nicBytes].sort(([a], [b]) => a.localeCompare(b)).map(([vm, n]) => ({
    vm,
    busyFractionIn: unionMs(n.busyIn) / span,
    busyFractionOut: unionMs(n.busyOut) / span,
    peakIn: peakRate(instances, vm, "read") / r.platform.vm.nicBytesPerSecond,
    peakOut: peakRate(instances, vm, "write") / r.platform.vm.nicBytesPerSecond,
    bytesIn: n.in,
    bytesOut: n.out,
  }));
  const edges: SimEdge[] = r.dag.edges.map((e) => {
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
  const cost = { computeUsd, objectStoreUsd, cacheUsd, totalUsd: computeUsd + objectStoreUsd + cacheUsd };
  const tierBytes = (written: number, read: number): TierBytes => ({ written, read });
  const measuredStage = new Map(stages.map((s) => [s.stageId, s]));
  return {
    runId: r.runId,
    kind: "measured",
    dagName: r.plan.dagName,
    seed: 0,
    inputBytes: r.plan.inputBytes,
    makespanMs,
    cost,
    stages,
    instances,
    edges,
    tiers: {
      objectStore: { ...tierBytes(tiers.store.written, tiers.store.read), puts: tiers.store.puts, gets: tiers.store.gets, throttledMs: 0 },
      cache: tierBytes(tiers.cacheW, tiers.cacheR),
      network: tierBytes(tiers.net, tiers.net),
      local: tierBytes(tiers.localW, tiers.localR),
    },
    bytesByMode,
    cache: { capacityBytes: r.platform.cache.capacityBytes, peakBytes, occupancy, overflowBytes: 0, aggregateBusyFraction: 0 },
    nics,
    violations: [],
    notes: [...r.notes, ...r.state.events],
    events: r.state.history.length,
    predicted: { ...r.plan.predicted, stages: r.plan.stages },
    comparison: {
      makespanError: r.plan.predicted.makespanMs > 0 ? (makespanMs - r.plan.predicted.makespanMs) / r.plan.predicted.makespanMs : 0,
      stages: r.plan.stages.map((p) => ({
        stageId: p.stageId,
        predictedStartMs: p.startMs,
        predictedFinishMs: p.finishMs,
        measuredStartMs: measuredStage.get(p.stageId)?.startMs ?? NaN,
        measuredFinishMs: measuredStage.get(p.stageId)?.finishMs ?? NaN,
      })),
    },
    result: { bucket: r.bucket, keys: resultKeys.sort(), bytes: resultBytes },
    reruns: r.state.history.length - instances.length,
    cleanup: r.cleanup,
  };
}
