/**
 * Per-stage terms of the cost model that no edge decision changes: billed memory, VM slots,
 * placement on the stage's own VMs, waves, base time and compute cost.
 *
 *   billedMemoryMb = max(minMemoryMb, ceil(memoryMb / step) · step)   (above min(maxMemoryMb, vm.memoryMb): an InputError)
 *   slotsPerVm     = min(cores, floor(vm.memoryMb / billedMemoryMb))
 *   vms            = min(poolSize, ceil(n / slotsPerVm))
 *   waves          = ceil(n / (vms · slotsPerVm))
 *   baseMs         = waves · runtimeMs + [root] inputReadMs + [sink] outputWriteMs
 *   computeUsd     = n · (runtimeMs + inputReadMs + outputWriteMs) / 1000 · billedGb · priceUsdPerGbSecond + n · priceUsdPerRequest
 *   admissionFixedUsd = outputBytes · cache transfer price + n · cacheWriteMs · billedGb · priceUsdPerGbSecond   (the one write into the tier)
 *   admissionUsdPerMs = outputBytes · cache storage price   (× the time until the last cache reader finishes)
 * Roots read the app input from the object store and sinks write the result to it, whatever the plan.
 */
import type { Dag } from "../dag/types.js";
import type { StageEstimate } from "../estimate/estimate-stages.js";
import { InputError, issue, type Issue } from "../errors.js";
import type { Platform } from "../platform/schema.js";
import type { StageTerms } from "./types.js";
import { cacheWriteMs, objectStoreInstanceBytesPerSecond } from "./bandwidth.js";

const GiB = 1024 ** 3;

export function billedMemoryMb(memoryMb: number, platform: Platform): number {
  const b = platform.billing;
  return Math.max(b.minMemoryMb, Math.ceil(memoryMb / b.memoryStepMb) * b.memoryStepMb);
}

export function slotsPerVm(billedMb: number, platform: Platform): number {
  return Math.min(platform.vm.cores, Math.floor(platform.vm.memoryMb / billedMb));
}

export function buildStageTerms(dag: Dag, stages: ReadonlyMap<string, StageEstimate>, platform: Platform): Map<string, StageTerms> {
  const issues: Issue[] = [];
  const out = new Map<string, StageTerms>();
  for (const id of dag.order) {
    const s = stages.get(id)!;
    // A configured memory size is billed as configured; it must hold the predicted peak.
    const configured = dag.stageById.get(id)!.memoryMb;
    const memMb = configured ?? billedMemoryMb(s.memoryMb, platform);
    if (configured !== undefined && s.memoryMb > configured) {
      issues.push(issue("plan.configuredMemoryTooSmall", { path: ["stages", id, "memoryMb"], expected: `≤ ${configured} MB`, actual: `${Math.ceil(s.memoryMb)} MB` }));
      continue;
    }
    if (memMb > platform.billing.maxMemoryMb || memMb > platform.vm.memoryMb) {
      const limit = Math.min(platform.billing.maxMemoryMb, platform.vm.memoryMb);
      issues.push(issue("platform.stageDoesNotFit", { path: ["stages", id, "memoryMb"], expected: `≤ ${limit} MB`, actual: `${Math.ceil(s.memoryMb)} MB`, params: { reason: "the stage's predicted memory exceeds what one instance can have" } }));
      continue;
    }
    const slots = slotsPerVm(memMb, platform);
    const vms = Math.min(platform.vm.poolSize, Math.ceil(s.instances / slots));
    const waves = Math.ceil(s.instances / (vms * slots));
    const isRoot = dag.incoming.get(id)!.length === 0;
    const isSink = dag.outgoing.get(id)!.length === 0;
    const concurrent = Math.min(slots, s.instances);
    const storeBps = objectStoreInstanceBytesPerSecond(platform, concurrent);
    const inputReadMs = isRoot ? platform.objectStore.getLatencyMs + (s.instanceInputBytes / storeBps) * 1000 : 0;
    const outputWriteMs = isSink ? platform.objectStore.putLatencyMs + (s.instanceOutputBytes / storeBps) * 1000 : 0;
    const billedGb = memMb / 1024;
    const requests = s.instances * ((isRoot ? 1 : 0) + (isSink ? 1 : 0));
    out.set(id, {
      stageId: id,
      baseMs: waves * s.runtimeMs + inputReadMs + outputWriteMs,
      waves,
      vms,
      slotsPerVm: slots,
      billedMemoryMb: memMb,
      computeUsd:
        (s.instances * (s.runtimeMs + inputReadMs + outputWriteMs)) / 1000 * billedGb * platform.billing.priceUsdPerGbSecond +
        s.instances * platform.billing.priceUsdPerRequest,
      ioUsd: requests > 0 ? (isRoot ? s.instances * platform.objectStore.priceUsdPerGet : 0) + (isSink ? s.instances * platform.objectStore.priceUsdPerPut : 0) : 0,
      cacheBytes: s.outputBytes,
      admissionFixedUsd:
        (s.outputBytes / GiB) * platform.cache.priceUsdPerGibTransferred +
        ((s.instances * cacheWriteMs(platform, s.instanceOutputBytes, s.outputBytes, concurrent)) / 1000) * billedGb * platform.billing.priceUsdPerGbSecond,
      admissionUsdPerMs: ((s.outputBytes / GiB) * platform.cache.priceUsdPerGibHour) / 3.6e6,
    });
  }
  if (issues.length > 0) throw new InputError("A stage cannot run on this platform", issues);
  return out;
}
