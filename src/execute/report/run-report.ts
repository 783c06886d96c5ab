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
import type { Platform } from "../../platform/schema.js";
import type { SimStage, TierBytes, TransferInterval } from "../../simulate/types.js";
import type { InstanceOutcome } from "../queue/job-data.js";
import type { RunState } from "../run/run-state.js";
import { colocatedStages, measuredEdges, measuredStage } from "./measured-parts.js";
import { cacheOccupancy } from "./report-usage.js";
import type { MeasuredInstance, RunReport } from "./run-report-types.js";
import { TransferTally } from "./transfer-tally.js";

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
  const tally = new TransferTally();
  const resultKeys: string[] = [];
  let resultBytes = 0;
  const colocated = colocatedStages(r.dag, r.plan);

  for (const id of r.dag.order) {
    const outs = (r.state.outcomes.get(id) ?? []).filter((o): o is InstanceOutcome => o !== undefined);
    const mb = billedMb.get(id) ?? r.platform.billing.minMemoryMb;
    for (const o of outs) {
      computeUsd += ((o.finishMs - o.startMs) / 1000) * (mb / 1024) * r.platform.billing.priceUsdPerGbSecond + r.platform.billing.priceUsdPerRequest;
      const transfers: TransferInterval[] = o.transfers.map((t) => ({ edge: t.edge, kind: t.kind, direction: t.direction, startMs: rel(t.startMs), endMs: rel(t.endMs), bytes: t.bytes, requests: t.requests, ...(t.fallback ? { fallback: true } : {}) }));
      for (const t of transfers) tally.add(o.vm, t);
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
    stages.push(measuredStage(id, instances.filter((i) => i.stageId === id), billedMb.get(id) ?? Infinity, colocated.get(id)));
  }
  const makespanMs = Math.max(0, ...instances.map((i) => i.finishMs));
  const span = Math.max(makespanMs, 1e-9);

  const { occupancy, peakBytes, gibMs } = cacheOccupancy(r.state.cacheLife, rel, r.endMs);
  const store = r.platform.objectStore;
  const objectStoreUsd = tally.store.puts * store.priceUsdPerPut + tally.store.gets * store.priceUsdPerGet;
  const cacheUsd = ((tally.cacheWritten + tally.cacheRead) / GiB) * r.platform.cache.priceUsdPerGibTransferred + (gibMs / 3.6e6) * r.platform.cache.priceUsdPerGibHour;
  const cost = { computeUsd, objectStoreUsd, cacheUsd, totalUsd: computeUsd + objectStoreUsd + cacheUsd };
  const tierBytes = (written: number, read: number): TierBytes => ({ written, read });
  const measuredStageById = new Map(stages.map((s) => [s.stageId, s]));
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
    edges: measuredEdges(r.dag, instances, tally.edgeBytes),
    tiers: {
      objectStore: { ...tierBytes(tally.store.written, tally.store.read), puts: tally.store.puts, gets: tally.store.gets, throttledMs: 0 },
      cache: tierBytes(tally.cacheWritten, tally.cacheRead),
      network: tierBytes(tally.network, tally.network),
      local: tierBytes(tally.localWritten, tally.localRead),
    },
    bytesByMode: tally.bytesByMode,
    cache: { capacityBytes: r.platform.cache.capacityBytes, peakBytes, occupancy, overflowBytes: 0, aggregateBusyFraction: 0 },
    nics: tally.nicUsage(instances, span, r.platform.vm.nicBytesPerSecond),
    violations: [],
    notes: [...r.notes, ...r.state.events],
    events: r.state.history.length,
    predicted: { ...r.plan.predicted, stages: r.plan.stages },
    comparison: {
      makespanError: r.plan.predicted.makespanMs > 0 ? (makespanMs - r.plan.predicted.makespanMs) / r.plan.predicted.makespanMs : 0,
      stages: r.plan.stages.map((p) => {
        const measured = measuredStageById.get(p.stageId);
        const ran = measured !== undefined && measured.instances > 0;
        return {
          stageId: p.stageId,
          predictedStartMs: p.startMs,
          predictedFinishMs: p.finishMs,
          measuredStartMs: ran ? measured.startMs : null,
          measuredFinishMs: ran ? measured.finishMs : null,
        };
      }),
    },
    result: { bucket: r.bucket, keys: resultKeys.sort(), bytes: resultBytes },
    reruns: r.state.history.length - instances.length,
    cleanup: r.cleanup,
  };
}
