import { describe, expect, it } from "vitest";
import { platformSchema } from "../platform/schema.js";
import { calibrate } from "./calibrate.js";
import { formatSamplesCsv, parseSamplesCsv, type Sample } from "./sample.js";

/** Exact samples of a known platform: every constant must come back, within rounding. */
function syntheticSamples(): Sample[] {
  const s: Sample[] = [];
  const line = (backend: Sample["backend"], operation: Sample["operation"], latencyMs: number, bytesPerSecond: number) => {
    for (const bytes of [1024, 1024, 1 << 20, 16 << 20]) s.push({ backend, operation, objectBytes: bytes, concurrency: 1, requests: 1, durationMs: latencyMs + (bytes / bytesPerSecond) * 1000 });
  };
  line("object-store", "get", 20, 50e6);
  line("object-store", "put", 30, 50e6);
  line("cache", "get", 1, 200e6);
  line("cache", "put", 1, 200e6);
  line("direct", "pull", 0.5, 100e6);
  line("local", "write", 0.1, 1e9);
  line("local", "read", 0.1, 1e9);
  // 400 GETs in 100 ms → 4,000 reads/s; 400 PUTs in 200 ms → 2,000 writes/s.
  s.push({ backend: "object-store", operation: "get", objectBytes: 1024, concurrency: 16, requests: 400, durationMs: 100 });
  s.push({ backend: "object-store", operation: "put", objectBytes: 1024, concurrency: 16, requests: 400, durationMs: 200 });
  // 8 reads of 16 MiB in 400 ms → 8 · 16,777,216 / 0.4 = 335.5 MB/s aggregate.
  s.push({ backend: "cache", operation: "get", objectBytes: 16 << 20, concurrency: 4, requests: 8, durationMs: 400 });
  // Store aggregate: 8 GETs of 16 MiB in 800 ms → 167.8 MB/s; 8 PUTs in 1,600 ms → 83.9 MB/s.
  s.push({ backend: "object-store", operation: "get", objectBytes: 16 << 20, concurrency: 4, requests: 8, durationMs: 800 });
  s.push({ backend: "object-store", operation: "put", objectBytes: 16 << 20, concurrency: 4, requests: 8, durationMs: 1600 });
  for (const ms of [2, 2, 4]) s.push({ backend: "dispatch", operation: "pickup", objectBytes: 0, concurrency: 1, requests: 1, durationMs: ms });
  s.push({ backend: "dispatch", operation: "step", objectBytes: 0, concurrency: 1, requests: 1, durationMs: 40 });
  s.push({ backend: "dispatch", operation: "step", objectBytes: 0, concurrency: 1, requests: 1, durationMs: 60 });
  return s;
}

describe("calibrate from samples", () => {
  it("recovers every constant of a known platform and resolves a platform that validates", async () => {
    const { platform, constants } = await calibrate({ samples: syntheticSamples(), vms: 2, slotsPerVm: 1 });
    const value = (path: string) => constants.find((c) => c.path === path)?.value;
    expect(value("objectStore.getLatencyMs")).toBeCloseTo(20, 6);
    expect(value("objectStore.putLatencyMs")).toBeCloseTo(30, 6);
    expect(value("objectStore.connectionBytesPerSecond")! / 50e6).toBeCloseTo(1, 6);
    expect(value("objectStore.readsPerSecond")).toBeCloseTo(4000, 6);
    expect(value("objectStore.writesPerSecond")).toBeCloseTo(2000, 6);
    expect(value("cache.latencyMs")).toBeCloseTo(1, 6);
    expect(value("cache.aggregateBytesPerSecond")! / ((8 * 16 * 2 ** 20) / 0.4)).toBeCloseTo(1, 6);
    // harmonic mean of GET 8 · 16 MiB / 0.8 s = 167.8 MB/s and PUT / 1.6 s = 83.9 MB/s: 2 / (1/167.8 + 1/83.9) = 111.8 MB/s
    expect(value("objectStore.aggregateBytesPerSecond")! / (2 / (0.8 / (8 * 16 * 2 ** 20) + 1.6 / (8 * 16 * 2 ** 20)))).toBeCloseTo(1, 6);
    expect(platform.objectStore.aggregateBytesPerSecond).toBeCloseTo(value("objectStore.aggregateBytesPerSecond")!, 6);
    // pickups 2, 2, 4 ms: median 2
    expect(value("invocation.pickupMs")).toBe(2);
    expect(platform.invocation.pickupMs).toBe(2);
    expect(value("vm.networkLatencyMs")).toBeCloseTo(0.5, 6);
    expect(value("vm.nicBytesPerSecond")! / 100e6).toBeCloseTo(1, 6);
    expect(value("vm.localStorageBytesPerSecond")! / 1e9).toBeCloseTo(1, 6);
    // Exact lines: no fit error; the two dispatch steps 40 and 60 spread: median 50, MAD 10,
    // SE of the median 1.2533 · 1.4826 · 10 / √2 = 13.14 → 13.14 / 50 = 26.3 %.
    expect(constants.find((c) => c.path === "objectStore.getLatencyMs")!.relativeError).toBeLessThan(1e-6);
    expect(value("invocation.stepMs")).toBe(50);
    expect(constants.find((c) => c.path === "invocation.stepMs")!.relativeError).toBeCloseTo((1.2533 * 1.4826 * 10) / Math.sqrt(2) / 50, 6);
    expect(platformSchema.safeParse(platform).success).toBe(true);
    expect(platform.vm.cores).toBe(1);
    expect(platform.vm.poolSize).toBe(2);
    expect(platform.objectStore.getLatencyMs).toBeCloseTo(20, 6);
  });

  it("with measured runs: cold start and cold share land in the platform, and the runs' stage step supersedes the probe's", async () => {
    const inst = (index: number, readyMs: number, startMs: number, inputBytes: number, runtimeMs: number, cold = false) => ({ stageId: "map", index, vm: "vm-0", readyMs, startMs, computeStartMs: startMs, computeEndMs: startMs + runtimeMs, finishMs: startMs + runtimeMs, inputBytes, outputBytes: 0, runtimeMs, memoryMb: 128, transfers: [], ...(cold ? { cold } : {}) });
    // Warm: 10 ms + bytes / 1000 (1,000 B → 11 ms, 3,000 B → 13 ms); the cold one at 1,000 B takes 11 + 89 = 100 ms.
    const runs = { warmUp: [{ dagName: "a", instances: [inst(0, 0, 0, 1000, 100, true)] }], steady: [{ dagName: "a", instances: [inst(0, 0, 3, 1000, 11), inst(1, 0, 3, 3000, 13), inst(2, 0, 3, 1000, 11)] }] };
    const { platform, constants } = await calibrate({ samples: syntheticSamples(), runs });
    expect(platform.invocation.coldStartMs).toBeCloseTo(89, 6);
    expect(platform.invocation.coldFraction).toBe(0);
    // One stage in the steady run, first start 3 ms after ready; the probe's 50 ms is dropped.
    expect(platform.invocation.stepMs).toBeCloseTo(3, 9);
    expect(constants.filter((c) => c.path === "invocation.stepMs")).toHaveLength(1);
  });

  it("round-trips its samples through the CSV", () => {
    const samples = syntheticSamples();
    const back = parseSamplesCsv(formatSamplesCsv(samples), "s.csv");
    expect(back.map((s) => s.durationMs)).toEqual(samples.map((s) => Number(s.durationMs.toFixed(3))));
    expect(back.map((s) => [s.backend, s.operation, s.objectBytes, s.concurrency, s.requests])).toEqual(samples.map((s) => [s.backend, s.operation, s.objectBytes, s.concurrency, s.requests]));
  });

  it.each([
    { csv: "backend,operation,object_bytes,concurrency,requests,duration_ms\ndisk,get,1,1,1,5\n", message: /s\.csv\.line 2\.backend: bad benchmark row: unknown backend/ },
    { csv: "backend,operation,object_bytes,concurrency,requests,duration_ms\ncache,get,1,1,1,0\n", message: /s\.csv\.line 2\.duration_ms: bad benchmark row: duration_ms must be a number ≥ 0 and > 0; expected columns .*; got "0"/ },
    { csv: "backend,operation,bytes\ncache,get,1\n", message: /s\.csv\.line 1\.object_bytes: bad benchmark row: no object_bytes column/ },
  ])("a bad row names the file, line and field: $message", ({ csv, message }) => {
    expect(() => parseSamplesCsv(csv, "s.csv")).toThrow(message);
  });

  it("too few samples to fit anything is an error saying what to give", async () => {
    await expect(calibrate({ samples: [{ backend: "cache", operation: "get", objectBytes: 1, concurrency: 1, requests: 1, durationMs: 1 }] })).rejects.toThrow(/SLU7702.*nothing to fit/);
  });
});
