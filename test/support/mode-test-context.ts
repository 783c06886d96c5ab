/**
 * Shared fixture of the mode tests: a platform with round numbers and hand-built edge contexts.
 * One object-store connection carries 10 MB/s (10^6 B = 100 ms), PUT 40 ms, GET 20 ms, 500 PUT/s
 * and 1,000 GET/s; NIC 100 MB/s with no burst (burst rate = baseline) and no per-flow cap; local
 * storage 200 MB/s; cache 1 GB/s aggregate, 50 MB/s per connection, 1 ms. Function billing: every
 * instance is billed 1024 MB = 1 GB at $0.001/GB-s, so billed time costs n · ms · 1e-6 USD;
 * producer and consumer instances run 1,000 ms. `BURSTING` adds a token bucket to the NIC.
 */
import { expect } from "vitest";
import type { Pattern } from "../../src/dag/types.js";
import { edgeFlow } from "../../src/estimate/edge-flow.js";
import type { StageEstimate } from "../../src/estimate/estimate-stages.js";
import type { StageTerms } from "../../src/model/types.js";
import { resolvePlatform } from "../../src/platform/resolve-platform.js";
import type { Platform, PlatformOverrides } from "../../src/platform/schema.js";
import type { EdgeContext } from "../../src/model/modes/mode-module.js";
import { pointAtoms } from "../../src/physics/distribution.js";

export const PLATFORM_OVERRIDES: PlatformOverrides = {
  vm: { cores: 4, memoryMb: 4096, nicBytesPerSecond: 100e6, nicBurstBytesPerSecond: 100e6, nicBurstBytes: 0, flowBytesPerSecond: 1e12, localStorageBytesPerSecond: 200e6, networkLatencyMs: 1, poolSize: 10, priceUsdPerHour: 0 },
  objectStore: { getLatencyMs: 20, putLatencyMs: 40, connectionBytesPerSecond: 10e6, connectionsPerInstance: 1, readsPerSecond: 1000, writesPerSecond: 500, priceUsdPerGet: 1e-6, priceUsdPerPut: 1e-5 },
  cache: { capacityBytes: 1e9, aggregateBytesPerSecond: 1e9, connectionBytesPerSecond: 50e6, latencyMs: 1, priceUsdPerGibHour: 1, priceUsdPerGibTransferred: 0.5 },
  billing: { compute: "function", priceUsdPerGbSecond: 0.001, priceUsdPerRequest: 0, minMemoryMb: 128, maxMemoryMb: 4096, memoryStepMb: 1 },
  invocation: { stepMs: 0, coldStartMs: 0, coldFraction: 0 },
};
export const PLATFORM = resolvePlatform(PLATFORM_OVERRIDES);
/** The same NIC as a token bucket: 100 MB/s baseline, bursting at 400 MB/s on 30 MB of credit (40 MB move at the burst rate: 30 · 400 / (400 − 100)). */
export const BURSTING = resolvePlatform({ ...PLATFORM_OVERRIDES, vm: { ...PLATFORM_OVERRIDES.vm, nicBurstBytesPerSecond: 400e6, nicBurstBytes: 30e6 } });

export interface Shape {
  pattern: Pattern;
  totalBytes: number;
  nu: number;
  nv: number;
  slotsU?: number;
  slotsV?: number;
  vmsU?: number;
  vmsV?: number;
}

export function estimate(id: string, instances: number, outputBytes: number): StageEstimate {
  return { stageId: id, function: id, instances, instanceInputBytes: 0, stageInputBytes: 0, runtimeMs: 1000, runtimeAtoms: pointAtoms(1000), sideInputBytes: 0, memoryMb: 1024, instanceOutputBytes: outputBytes / instances, outputBytes, predictedFanout: 1 };
}

export function terms(id: string, instances: number, slots: number, vms: number): StageTerms {
  const waves = Math.ceil(instances / (vms * slots));
  // every instance runs 1,000 ms: the span is waves · 1,000 ms
  return { stageId: id, baseMs: 0, spanMs: waves * 1000, meanInstanceMs: 1000, durationAtoms: pointAtoms(1000), waves, vms, slotsPerVm: slots, billedMemoryMb: 1024, computeUsd: 0, ioUsd: 0, cacheBytes: 0, admissionFixedUsd: 0, admissionUsdPerMs: 0 };
}

export function context(s: Shape, platform: Platform = PLATFORM): EdgeContext {
  const slotsU = s.slotsU ?? 4;
  const slotsV = s.slotsV ?? 4;
  return {
    edge: { from: "u", to: "v", pattern: s.pattern },
    flow: edgeFlow(s.pattern, s.totalBytes, s.nu, s.nv),
    producer: estimate("u", s.nu, s.totalBytes),
    consumer: estimate("v", s.nv, 0),
    producerTerms: terms("u", s.nu, slotsU, s.vmsU ?? Math.ceil(s.nu / slotsU)),
    consumerTerms: terms("v", s.nv, slotsV, s.vmsV ?? Math.ceil(s.nv / slotsV)),
    platform,
  };
}

export const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 9);
