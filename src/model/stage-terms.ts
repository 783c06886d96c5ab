/**
 * Per-stage terms of the cost model that no edge decision changes: billed memory, VM slots,
 * placement on the stage's own VMs, waves, the stage's span with its stragglers, compute cost.
 *
 *   billedMemoryMb = max(minMemoryMb, ceil(memoryMb / step) · step)   (above min(maxMemoryMb, vm.memoryMb): an InputError)
 *   slotsPerVm     = min(cores, floor(vm.memoryMb / billedMemoryMb));  vms = min(poolSize, ceil(n / slotsPerVm))
 *   waves          = ceil(n / (vms · slotsPerVm))
 *   ioMs           = [root] app-input read + side-input read + [sink] result write, each
 *                    rounds · latency + bytes through the instance's limits (bandwidth.ts), the root
 *                    read no faster than the stage's GETs / the prefix's rate; each no faster than the
 *                    bytes of the instances running at once through the store's aggregate bandwidth
 *                    (when it has one)
 *   D              = runtime (its atoms) + ioMs + cold start (coldStartMs with probability coldFraction;
 *                    where traces gave a cold-start profile, a cold instance runs at it instead)
 *   spanMs         = E[span of n draws of D on vms · slots slots]        (physics/order-statistics.ts),
 *                    each instance queued for a slot starting invocation.pickupMs after it frees (physics/slot-pickup.ts)
 *   baseMs         = invocation.stepMs + spanMs
 *   computeUsd     = function billing: n · E[D] · billed GB · price per GB-s + n · price per request;  VM-pool billing: 0 (the pool is billed once, evaluate-assignment.ts)
 *   ioUsd          = GETs of the input and side input, PUTs of the result
 *   admissionFixedUsd = outputBytes · cache transfer price + [function billing] the senders' write into the tier
 *   admissionUsdPerMs = outputBytes · cache storage price   (× the time until the last cache reader finishes)
 */
import type { Dag } from "../dag/types.js";
import type { StageEstimate } from "../estimate/estimate-stages.js";
import { InputError, issue, type Issue } from "../errors.js";
import type { Platform } from "../platform/schema.js";
import { meanOf, mixAtoms, shiftAtoms } from "../physics/distribution.js";
import { expectedSpan } from "../physics/order-statistics.js";
import { spanWithPickupMs } from "../physics/slot-pickup.js";
import { rangedGets, requestBoundMs, requestRounds } from "../physics/object-store.js";
import { functionUsd, requestUsd } from "./modes/mode-module.js";
import type { StageTerms } from "./types.js";
import { cacheWriteMs, storeAggregateMs, storeTransferMs } from "./bandwidth.js";

const GiB = 1024 ** 3;

export function billedMemoryMb(memoryMb: number, platform: Platform): number {
  const b = platform.billing;
  return Math.max(b.minMemoryMb, Math.ceil(memoryMb / b.memoryStepMb) * b.memoryStepMb);
}

export function slotsPerVm(billedMb: number, platform: Platform): number {
  return Math.min(platform.vm.cores, Math.floor(platform.vm.memoryMb / billedMb));
}

/** One instance's GET of `bytes` from the object store: requests and time, with `concurrent` instances on its VM. */
export function storeReadMs(platform: Platform, bytes: number, concurrent: number): { readonly ms: number; readonly gets: number } {
  if (!(bytes > 0)) return { ms: 0, gets: 0 };
  const o = platform.objectStore;
  const gets = rangedGets(1, bytes, o.rangeBytes, o.connectionsPerInstance);
  return { ms: requestRounds(gets, o.connectionsPerInstance) * o.getLatencyMs + storeTransferMs(platform, bytes, concurrent), gets };
}

export function buildStageTerms(dag: Dag, stages: ReadonlyMap<string, StageEstimate>, platform: Platform): Map<string, StageTerms> {
  const issues: Issue[] = [];
  const out = new Map<string, StageTerms>();
  const o = platform.objectStore;
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
    const input = isRoot ? storeReadMs(platform, s.instanceInputBytes, concurrent) : { ms: 0, gets: 0 };
    // a store with an aggregate bandwidth shares it among the stage's instances running at once
    const running = Math.min(s.instances, vms * slots);
    const inputReadMs = Math.max(input.ms, requestBoundMs(s.instances * input.gets, o.readsPerSecond, o.prefixes), isRoot ? storeAggregateMs(platform, running * s.instanceInputBytes) : 0);
    const side = storeReadMs(platform, s.sideInputBytes, concurrent);
    const sideReadMs = Math.max(side.ms, storeAggregateMs(platform, running * s.sideInputBytes));
    const outputWriteMs = isSink && s.instanceOutputBytes > 0 ? Math.max(o.putLatencyMs + storeTransferMs(platform, s.instanceOutputBytes, concurrent), storeAggregateMs(platform, running * s.instanceOutputBytes)) : 0;
    const ioMs = inputReadMs + sideReadMs + outputWriteMs;
    const inv = platform.invocation;
    // a cold instance pays the cold start — or runs at the traced cold-start profile, which includes it
    const duration =
      s.coldRuntimeAtoms === undefined || inv.coldFraction === 0
        ? shiftAtoms(s.runtimeAtoms, [
            { value: ioMs, prob: 1 - inv.coldFraction },
            { value: ioMs + inv.coldStartMs, prob: inv.coldFraction },
          ])
        : mixAtoms([
            { atoms: shiftAtoms(s.runtimeAtoms, [{ value: ioMs, prob: 1 }]), prob: 1 - inv.coldFraction },
            { atoms: shiftAtoms(s.coldRuntimeAtoms, [{ value: ioMs, prob: 1 }]), prob: inv.coldFraction },
          ]);
    const meanInstanceMs = meanOf(duration);
    const spanMs = spanWithPickupMs((a) => expectedSpan(a, s.instances, vms * slots), duration, s.instances, vms * slots, inv.pickupMs);
    const gets = s.instances * (input.gets + side.gets);
    const puts = isSink && s.instanceOutputBytes > 0 ? s.instances : 0;
    out.set(id, {
      stageId: id,
      baseMs: inv.stepMs + spanMs,
      spanMs,
      meanInstanceMs,
      durationAtoms: duration,
      waves,
      vms,
      slotsPerVm: slots,
      billedMemoryMb: memMb,
      computeUsd: functionUsd(s.instances, meanInstanceMs, memMb, platform) + requestUsd(s.instances * (s.runs ?? 1), platform),
      ioUsd: gets * o.priceUsdPerGet + puts * o.priceUsdPerPut,
      cacheBytes: s.outputBytes,
      admissionFixedUsd:
        (s.outputBytes / GiB) * platform.cache.priceUsdPerGibTransferred + functionUsd(s.instances, cacheWriteMs(platform, s.instanceOutputBytes, s.outputBytes, concurrent), memMb, platform),
      admissionUsdPerMs: platform.cache.pricing === "serverless" ? ((s.outputBytes / GiB) * platform.cache.priceUsdPerGibHour) / 3.6e6 : 0,
    });
  }
  if (issues.length > 0) throw new InputError("A stage cannot run on this platform", issues);
  return out;
}
