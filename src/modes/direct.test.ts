/**
 * `direct` on hand-built contexts. Round-number platform: NIC 100 MB/s (10 MB = 100 ms), local
 * storage 200 MB/s (10 MB = 50 ms), network latency 1 ms; instances billed 1 GB at $0.001/GB-s,
 * so billed time costs n · ms · 1e-6 USD.
 *   time(f) = 1 + localWrite + max(f · senderNic, receiverNic)
 */
import { describe, expect, it } from "vitest";
import type { Pattern } from "../dag/types.js";
import { edgeFlow } from "../estimate/edge-flow.js";
import type { StageEstimate } from "../estimate/estimate-stages.js";
import type { StageTerms } from "../model/types.js";
import { resolvePlatform } from "../platform/resolve-platform.js";
import type { Platform, PlatformOverrides } from "../platform/schema.js";
import { directMode } from "./direct.js";
import { pieceTimeMs, type EdgeContext } from "./mode-module.js";

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

describe("direct time", () => {
  it.each([
    // One sender (1 VM) broadcasting D = 10 MB to n_v receivers, 4 slots per receiver VM:
    //   localWrite = 10 MB / 200 MB/s = 50 ms
    //   senderNic  = n_v · 10 MB / 100 MB/s = 100 · n_v ms  (n_v copies through one NIC)
    //   receiverNic = min(4, n_v) · 10 MB / 100 MB/s = 100 · min(4, n_v) ms
    //   time(1) = 1 + 50 + 100 · n_v
    { nv: 1, time: 151, senderNic: 100, receiverNic: 100 },
    { nv: 4, time: 451, senderNic: 400, receiverNic: 400 },
    { nv: 16, time: 1651, senderNic: 1600, receiverNic: 400 },
    { nv: 64, time: 6451, senderNic: 6400, receiverNic: 400 },
  ])("broadcast to $nv receivers: the sender NIC grows with fanout ($time ms)", ({ nv, time, senderNic, receiverNic }) => {
    const o = directMode.estimate(context({ pattern: "broadcast", totalBytes: 10e6, nu: 1, nv }));
    close(pieceTimeMs(o.timePieces, 1), time);
    close(o.terms.senderNicMs!, senderNic);
    close(o.terms.receiverNicMs!, receiverNic);
    close(o.terms.localWriteMs!, 50);
  });

  it("a split relieves the sender NIC until the receiver NIC binds", () => {
    // Broadcast to 16: senderNic 1600 · f, receiverNic 400.
    //   f = 0.5  → 1 + 50 + max(800, 400) = 851
    //   f = 0.25 → 1 + 50 + max(400, 400) = 451
    //   f = 0.1  → 1 + 50 + max(160, 400) = 451 (the receiver side does not shrink with f)
    const o = directMode.estimate(context({ pattern: "broadcast", totalBytes: 10e6, nu: 1, nv: 16 }));
    close(pieceTimeMs(o.timePieces, 0.5), 851);
    close(pieceTimeMs(o.timePieces, 0.25), 451);
    close(pieceTimeMs(o.timePieces, 0.1), 451);
  });

  it("shuffle: the busiest sender VM carries all its instances' outputs", () => {
    // 8 senders on 2 VMs (4 per VM), D = 80 MB: 10 MB per sender, 10 MB per reader; 8 readers, 4 per VM.
    //   localWrite  = 4 · 10 MB / 200 MB/s = 200 ms
    //   senderNic   = 4 · 10 MB / 100 MB/s = 400 ms; receiverNic = 4 · 10 MB / 100 MB/s = 400 ms
    //   time = 1 + 200 + 400 = 601, at f = 1 and f = 0.5 alike (the receiver NIC binds).
    const o = directMode.estimate(context({ pattern: "shuffle", totalBytes: 80e6, nu: 8, nv: 8 }));
    close(o.terms.sendersPerVm!, 4);
    close(o.terms.receiversPerVm!, 4);
    close(pieceTimeMs(o.timePieces, 1), 601);
    close(pieceTimeMs(o.timePieces, 0.5), 601);
  });

  it("gather: one receiver VM takes everything", () => {
    // 4 senders on 1 VM × 10 MB → 1 reader: localWrite = 40 MB / 200 MB/s = 200; senderNic = 400;
    // receiverNic = 1 · 40 MB / 100 MB/s = 400 → 601.
    const o = directMode.estimate(context({ pattern: "gather", totalBytes: 40e6, nu: 4, nv: 1 }));
    close(pieceTimeMs(o.timePieces, 1), 601);
    expect(o.splittable).toBe(true);
    expect(o.requiresAdmission).toBe(false);
  });
});

describe("direct cost", () => {
  it("bills the receivers' pull time per fraction served, nothing fixed", () => {
    // Broadcast to 16: pull at f = 1 = max(1600, 400) = 1600 ms; billed 16 · (1 + 1600) · 1e-6 = 0.025616.
    const o = directMode.estimate(context({ pattern: "broadcast", totalBytes: 10e6, nu: 1, nv: 16 }));
    close(o.costParts.computeUsd.fixedUsd, 0);
    close(o.costParts.computeUsd.perFractionUsd, 0.025616);
    close(o.fixedUsd, 0);
    close(o.perFractionUsd, 0.025616);
    close(o.costParts.objectStoreUsd.perFractionUsd + o.costParts.cacheUsd.perFractionUsd, 0);
  });
});
