/**
 * `vm-local` on hand-built contexts. Round-number platform: local storage 200 MB/s (10 MB = 50 ms);
 * the consumer's runtime is 1000 ms; instances billed 1 GB at $0.001/GB-s (n · ms · 1e-6 USD).
 *   receiversPerVm = ceil(n_v / vms_u); localWaves = ceil(receiversPerVm / slots_v)
 *   localIo = (sendersPerVm · bytesPerSender + min(slots_v, receiversPerVm) · bytesPerReader) / 200 MB/s
 *   time    = localIo + max(0, localWaves − waves_v) · (1000 + localIo)
 */
import { describe, expect, it } from "vitest";
import type { Pattern } from "../dag/types.js";
import { edgeFlow } from "../estimate/edge-flow.js";
import type { StageEstimate } from "../estimate/estimate-stages.js";
import type { StageTerms } from "../model/types.js";
import { resolvePlatform } from "../platform/resolve-platform.js";
import type { Platform, PlatformOverrides } from "../platform/schema.js";
import { pieceTimeMs, type EdgeContext } from "./mode-module.js";
import { vmLocalMode } from "./vm-local.js";

const PLATFORM_OVERRIDES: PlatformOverrides = {
  vm: { cores: 4, memoryMb: 4096, nicBytesPerSecond: 100e6, localStorageBytesPerSecond: 200e6, networkLatencyMs: 1, poolSize: 10, priceUsdPerHour: 0 },
  objectStore: { getLatencyMs: 20, putLatencyMs: 40, connectionBytesPerSecond: 10e6, connectionsPerInstance: 1, readsPerSecond: 1000, writesPerSecond: 500, priceUsdPerGet: 1e-6, priceUsdPerPut: 1e-5 },
  cache: { capacityBytes: 1e9, aggregateBytesPerSecond: 1e9, connectionBytesPerSecond: 50e6, latencyMs: 1, priceUsdPerGibHour: 1, priceUsdPerGibTransferred: 0.5 },
  billing: { priceUsdPerGbSecond: 0.001, priceUsdPerRequest: 0, minMemoryMb: 128, maxMemoryMb: 4096, memoryStepMb: 1 },
};
const PLATFORM = resolvePlatform(PLATFORM_OVERRIDES);

interface Shape {
  pattern: Pattern;
  totalBytes: number;
  nu: number;
  nv: number;
  slotsU?: number;
  slotsV?: number;
  vmsU?: number;
  vmsV?: number;
}

function estimate(id: string, instances: number, outputBytes: number): StageEstimate {
  return { stageId: id, function: id, instances, instanceInputBytes: 0, stageInputBytes: 0, runtimeMs: 1000, memoryMb: 1024, instanceOutputBytes: outputBytes / instances, outputBytes, predictedFanout: 1 };
}

function terms(id: string, instances: number, slots: number, vms: number): StageTerms {
  return { stageId: id, baseMs: 0, waves: Math.ceil(instances / (vms * slots)), vms, slotsPerVm: slots, billedMemoryMb: 1024, computeUsd: 0, ioUsd: 0, cacheBytes: 0, admissionFixedUsd: 0, admissionUsdPerMs: 0 };
}

function context(s: Shape, platform: Platform = PLATFORM): EdgeContext {
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

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 9);

describe("vm-local time and cost", () => {
  it.each([
    {
      // 8 senders on 2 VMs, 8 receivers (4 slots; on their own they would take 2 VMs, 1 wave).
      // receiversPerVm = 4, localWaves = 1; localIo = (4 · 10 MB + 4 · 10 MB) / 200 MB/s = 400 ms; no queue.
      name: "one-to-one, no queueing",
      shape: { pattern: "one-to-one" as const, totalBytes: 80e6, nu: 8, nv: 8 },
      time: 400,
      queue: 0,
      localWaves: 1,
      usd: 8 * 400 * 1e-6,
    },
    {
      // 2 senders on 1 VM scatter 32 MB to 16 receivers (own placement: 4 VMs, 1 wave).
      // Beside the data: receiversPerVm = 16, localWaves = ceil(16 / 4) = 4.
      // localIo = (2 · 16 MB + 4 · 2 MB) / 200 MB/s = 40 MB / 200 MB/s = 200 ms.
      // queue = (4 − 1) · (1000 + 200) = 3600 → time 3800. Billed: 16 · 200 · 1e-6 (queueing is not billed).
      name: "scatter onto one VM: the receivers queue in waves",
      shape: { pattern: "scatter" as const, totalBytes: 32e6, nu: 2, nv: 16 },
      time: 3800,
      queue: 3600,
      localWaves: 4,
      usd: 16 * 200 * 1e-6,
    },
    {
      // The same scatter from 2 senders on 2 VMs (1 slot each): receiversPerVm = 8, localWaves = 2.
      // localIo = (1 · 16 MB + 4 · 2 MB) / 200 MB/s = 120 ms; queue = 1 · (1000 + 120) → 1240.
      name: "scatter onto two VMs: half the queue",
      shape: { pattern: "scatter" as const, totalBytes: 32e6, nu: 2, nv: 16, slotsU: 1, vmsU: 2 },
      time: 1240,
      queue: 1120,
      localWaves: 2,
      usd: 16 * 120 * 1e-6,
    },
    {
      // 20 receivers that run in waves anyway (on their own 2 VMs × 4 slots: ceil(20 / 8) = 3 waves);
      // beside 1 producer VM: localWaves = ceil(20 / 4) = 5, extra = 5 − 3 = 2.
      // 1 sender of 20 MB; localIo = (20 MB + 4 · 1 MB) / 200 MB/s = 120 ms; queue = 2 · 1120 = 2240 → 2360.
      name: "only the waves beyond the consumer's own count as queueing",
      shape: { pattern: "scatter" as const, totalBytes: 20e6, nu: 1, nv: 20, vmsV: 2 },
      time: 2360,
      queue: 2240,
      localWaves: 5,
      usd: 20 * 120 * 1e-6,
    },
    {
      // 4 senders on 1 VM shuffle 40 MB to 4 receivers: localWaves 1;
      // localIo = (4 · 10 MB + 4 · 10 MB) / 200 MB/s = 400 ms.
      name: "shuffle within one VM",
      shape: { pattern: "shuffle" as const, totalBytes: 40e6, nu: 4, nv: 4 },
      time: 400,
      queue: 0,
      localWaves: 1,
      usd: 4 * 400 * 1e-6,
    },
  ])("$name", ({ shape, time, queue, localWaves, usd }) => {
    const ctx = context(shape);
    expect(vmLocalMode.isFeasible(ctx).feasible).toBe(true);
    const o = vmLocalMode.estimate(ctx);
    close(pieceTimeMs(o.timePieces, 1), time);
    close(o.terms.queueMs!, queue);
    close(o.terms.localWaves!, localWaves);
    close(o.fixedUsd, usd);
    close(o.perFractionUsd, 0);
    expect(o.splittable).toBe(false);
    // No term depends on f: a receiver runs beside its data or not.
    close(pieceTimeMs(o.timePieces, 0.3), time);
  });
});

describe("vm-local feasibility", () => {
  it.each([
    { pattern: "shuffle" as const, nu: 8, nv: 8, vmsU: 2, feasible: false },
    { pattern: "broadcast" as const, nu: 8, nv: 8, vmsU: 2, feasible: false },
    { pattern: "gather" as const, nu: 8, nv: 1, vmsU: 3, feasible: false },
    { pattern: "shuffle" as const, nu: 4, nv: 8, vmsU: 1, feasible: true },
    { pattern: "gather" as const, nu: 4, nv: 1, vmsU: 1, feasible: true },
    // Each receiver reads one sender: always on one VM.
    { pattern: "one-to-one" as const, nu: 8, nv: 8, vmsU: 2, feasible: true },
    { pattern: "scatter" as const, nu: 8, nv: 16, vmsU: 2, feasible: true },
  ])("$pattern from $nu senders on $vmsU VMs: feasible = $feasible", ({ pattern, nu, nv, vmsU, feasible }) => {
    const verdict = vmLocalMode.isFeasible(context({ pattern, totalBytes: 1e6, nu, nv, vmsU }));
    expect(verdict.feasible).toBe(feasible);
    if (!verdict.feasible) {
      expect(verdict.reason).toContain(pattern);
      expect(verdict.reason).toContain(`${vmsU} VMs`);
    }
  });
});
