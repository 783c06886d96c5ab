/**
 * Invariants every mode option keeps, on random contexts: time is non-decreasing and convex in the
 * fraction f served (checked on a grid), every cost part is non-negative, the time at f = 1
 * equals the summary in `terms`, and the sender NIC's lines (token bucket) stay within the mode's
 * own time. Platforms with bursting NICs, per-flow caps and function billing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PATTERNS, type Pattern } from "../../dag/types.js";
import { edgeFlow } from "../../estimate/edge-flow.js";
import type { StageEstimate } from "../../estimate/estimate-stages.js";
import type { ModeOption, StageTerms } from "../types.js";
import { resolvePlatform } from "../../platform/resolve-platform.js";
import type { Platform, TransferMode } from "../../platform/schema.js";
import { pieceTimeMs, type EdgeContext } from "./mode-module.js";
import { pointAtoms } from "../../physics/distribution.js";
import { nicOffsetsMs } from "../bandwidth.js";
import { MODE_REGISTRY } from "./registry.js";

const GRID = Array.from({ length: 21 }, (_, i) => i / 20);

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const platformArb = fc
  .record({
    cores: fc.integer({ min: 1, max: 16 }),
    vmMemoryMb: fc.integer({ min: 1024, max: 65536 }),
    nic: positive(1e6, 5e9),
    burstFactor: positive(1, 10),
    burstBytes: positive(0, 1e11),
    flow: positive(1e6, 1e10),
    local: positive(1e6, 5e9),
    netLatency: positive(0, 10),
    pool: fc.integer({ min: 1, max: 128 }),
    getLatency: positive(0, 100),
    putLatency: positive(0, 100),
    storeConn: positive(1e6, 1e9),
    connections: fc.integer({ min: 1, max: 8 }),
    reads: positive(10, 1e5),
    writes: positive(10, 1e5),
    cacheAggregate: positive(1e6, 1e11),
    cacheConn: positive(1e6, 1e9),
    cacheLatency: positive(0, 5),
  })
  .map(
    (p): Platform =>
      resolvePlatform({
        vm: { cores: p.cores, memoryMb: p.vmMemoryMb, nicBytesPerSecond: p.nic, nicBurstBytesPerSecond: p.nic * p.burstFactor, nicBurstBytes: p.burstBytes, flowBytesPerSecond: p.flow, localStorageBytesPerSecond: p.local, networkLatencyMs: p.netLatency, poolSize: p.pool },
        billing: { compute: "function" },
        objectStore: { getLatencyMs: p.getLatency, putLatencyMs: p.putLatency, connectionBytesPerSecond: p.storeConn, connectionsPerInstance: p.connections, readsPerSecond: p.reads, writesPerSecond: p.writes },
        cache: { aggregateBytesPerSecond: p.cacheAggregate, connectionBytesPerSecond: p.cacheConn, latencyMs: p.cacheLatency, capacityBytes: 1e15 },
      }),
  );

/** Instance counts the pattern allows: one-to-one equal, scatter a multiple, gather a single receiver. */
function counts(pattern: Pattern, nu: number, k: number, free: number): [number, number] {
  switch (pattern) {
    case "one-to-one":
      return [nu, nu];
    case "scatter":
      return [nu, nu * k];
    case "gather":
      return [nu, 1];
    default:
      return [nu, free];
  }
}

function stage(id: string, n: number, outputBytes: number, runtimeMs: number, memoryMb: number): StageEstimate {
  return { stageId: id, function: id, instances: n, instanceInputBytes: 0, stageInputBytes: 0, runtimeMs, runtimeAtoms: pointAtoms(runtimeMs), sideInputBytes: 0, memoryMb, instanceOutputBytes: outputBytes / n, outputBytes, predictedFanout: 1 };
}

function stageTerms(id: string, n: number, memoryMb: number, runtimeMs: number, platform: Platform): StageTerms {
  const slots = Math.max(1, Math.min(platform.vm.cores, Math.floor(platform.vm.memoryMb / memoryMb)));
  const vms = Math.min(platform.vm.poolSize, Math.ceil(n / slots));
  const waves = Math.ceil(n / (vms * slots));
  return { stageId: id, baseMs: 0, spanMs: waves * runtimeMs, meanInstanceMs: runtimeMs, durationAtoms: pointAtoms(runtimeMs), waves, vms, slotsPerVm: slots, billedMemoryMb: memoryMb, computeUsd: 0, ioUsd: 0, cacheBytes: 0, admissionFixedUsd: 0, admissionUsdPerMs: 0 };
}

const contextArb = fc
  .record({
    platform: platformArb,
    pattern: fc.constantFrom(...PATTERNS),
    nu: fc.integer({ min: 1, max: 300 }),
    k: fc.integer({ min: 1, max: 8 }),
    free: fc.integer({ min: 1, max: 300 }),
    totalBytes: positive(1, 1e11),
    runtimeMs: positive(0, 1e5),
    memU: fc.integer({ min: 128, max: 1024 }),
    memV: fc.integer({ min: 128, max: 1024 }),
  })
  .map(({ platform, pattern, nu, k, free, totalBytes, runtimeMs, memU, memV }): EdgeContext => {
    const [n_u, n_v] = counts(pattern, nu, k, free);
    return {
      edge: { from: "u", to: "v", pattern },
      flow: edgeFlow(pattern, totalBytes, n_u, n_v),
      producer: stage("u", n_u, totalBytes, runtimeMs, memU),
      consumer: stage("v", n_v, 0, runtimeMs, memV),
      producerTerms: stageTerms("u", n_u, memU, runtimeMs, platform),
      consumerTerms: stageTerms("v", n_v, memV, runtimeMs, platform),
      platform,
    };
  });

/** The f = 1 time each mode's `terms` summarises. */
const SUMMARY: Record<TransferMode, (o: ModeOption, ctx: EdgeContext) => number> = {
  "vm-local": (o) => o.terms.localIoMs! + o.terms.queueMs!,
  direct: (o, ctx) => ctx.platform.vm.networkLatencyMs + o.terms.localWriteMs! + Math.max(o.terms.senderNicMs!, o.terms.receiverNicMs!, o.terms.flowCapMs!),
  remote: (o) => o.terms.writeMs! + o.terms.readMs!,
  cache: (o) => o.terms.writeMs! + o.terms.readMs!,
};

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe("mode options (property)", () => {
  for (const mode of Object.keys(MODE_REGISTRY) as TransferMode[]) {
    it(`${mode}: time non-decreasing and convex in f, costs ≥ 0, f = 1 time matches terms, sender NIC within own time`, () => {
      fc.assert(
        fc.property(contextArb, (ctx) => {
          const module = MODE_REGISTRY[mode];
          if (!module.isFeasible(ctx).feasible) return;
          const o = module.estimate(ctx);
          const t = GRID.map((f) => pieceTimeMs(o.timePieces, f));
          for (const x of t) expect(Number.isFinite(x) && x >= 0).toBe(true);
          for (let i = 1; i < t.length; i++) expect(t[i]! >= t[i - 1]! || near(t[i]!, t[i - 1]!)).toBe(true);
          for (let i = 1; i + 1 < t.length; i++) {
            const mid = (t[i - 1]! + t[i + 1]!) / 2;
            expect(t[i]! <= mid || near(t[i]!, mid)).toBe(true);
          }
          for (const part of Object.values(o.costParts)) {
            expect(part.fixedUsd).toBeGreaterThanOrEqual(0);
            expect(part.perFractionUsd).toBeGreaterThanOrEqual(0);
          }
          expect(near(o.fixedUsd, Object.values(o.costParts).reduce((a, p) => a + p.fixedUsd, 0))).toBe(true);
          expect(near(o.perFractionUsd, Object.values(o.costParts).reduce((a, p) => a + p.perFractionUsd, 0))).toBe(true);
          expect(near(t[t.length - 1]!, SUMMARY[mode](o, ctx))).toBe(true);
          if (!o.splittable) for (const x of t.slice(1)) expect(near(x, t[t.length - 1]!)).toBe(true);
          // Alone, a mode's own time already covers its sender-NIC time: the shared-NIC term of
          // edge-time.ts binds only for splits.
          const offsets = nicOffsetsMs(ctx.platform);
          GRID.forEach((f, k) => {
            const nic = Math.max(0, ...o.senderNic.map((line, j) => offsets[j]! + line.fixedMs + line.perFractionMs * f));
            expect(nic <= t[k]! || near(nic, t[k]!)).toBe(true);
          });
        }),
        { numRuns: 400, seed: 20240611 },
      );
    });
  }
});
