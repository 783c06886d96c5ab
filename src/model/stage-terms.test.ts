/**
 * Stage terms on a hand-made chain a (root) → b → c (sink). Round-number platform: 4 cores and
 * 4096 MB per VM, a pool of 2 VMs, NIC 100 MB/s with no burst; object store 10 MB/s per connection
 * (10 MB = 1000 ms), GET 20 ms, PUT 40 ms, $1e-6 per GET, $1e-5 per PUT; function billing $0.001
 * per GB-s, $1e-6 per request, memory 128–3072 MB in 64 MB steps; cache $3.6 per GiB-hour
 * (= $1e-6 per GiB-ms), $0.5 per GiB moved; no orchestration step, no cold starts unless a case
 * sets them. Runtimes are points (every instance takes exactly runtimeMs) unless a case gives atoms.
 */
import { describe, expect, it } from "vitest";
import { validateDag } from "../dag/validate-dag.js";
import type { StageEstimate } from "../estimate/estimate-stages.js";
import { InputError } from "../errors.js";
import { resolvePlatform } from "../platform/resolve-platform.js";
import { billedMemoryMb, buildStageTerms, slotsPerVm } from "./stage-terms.js";
import { pointAtoms, type Atoms } from "../physics/distribution.js";

const GiB = 1024 ** 3;

const OVERRIDES = {
  vm: { cores: 4, memoryMb: 4096, nicBytesPerSecond: 100e6, nicBurstBytesPerSecond: 100e6, poolSize: 2 },
  objectStore: { getLatencyMs: 20, putLatencyMs: 40, connectionBytesPerSecond: 10e6, connectionsPerInstance: 1, priceUsdPerGet: 1e-6, priceUsdPerPut: 1e-5 },
  cache: { priceUsdPerGibHour: 3.6, priceUsdPerGibTransferred: 0.5 },
  invocation: { stepMs: 0, coldStartMs: 0, coldFraction: 0 },
  billing: { compute: "function" as const, priceUsdPerGbSecond: 0.001, priceUsdPerRequest: 1e-6, minMemoryMb: 128, maxMemoryMb: 3072, memoryStepMb: 64 },
};
const PLATFORM = resolvePlatform(OVERRIDES);

function est(id: string, e: Partial<StageEstimate> & { instances: number }): StageEstimate {
  const out = e.instanceOutputBytes ?? 0;
  const runtimeMs = e.runtimeMs ?? 0;
  return { stageId: id, function: id, instanceInputBytes: 0, stageInputBytes: 0, runtimeMs, runtimeAtoms: pointAtoms(runtimeMs), sideInputBytes: 0, memoryMb: 128, instanceOutputBytes: out, outputBytes: out * e.instances, predictedFanout: 1, ...e };
}

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 12);

describe("billed memory and slots", () => {
  it.each([
    { memoryMb: 10, billed: 128, slots: 4 }, // 1 step of 64 → raised to the 128 MB minimum; min(4 cores, 32) = 4
    { memoryMb: 100, billed: 128, slots: 4 }, // ceil(100 / 64) · 64 = 128
    { memoryMb: 1000, billed: 1024, slots: 4 }, // ceil(15.6) · 64 = 1024; floor(4096 / 1024) = 4
    { memoryMb: 1025, billed: 1088, slots: 3 }, // 17 · 64 = 1088; floor(4096 / 1088) = 3
    { memoryMb: 2000, billed: 2048, slots: 2 }, // 32 · 64 = 2048; floor(4096 / 2048) = 2
    { memoryMb: 3000, billed: 3008, slots: 1 }, // 47 · 64 = 3008; floor(4096 / 3008) = 1
  ])("$memoryMb MB → billed $billed MB, $slots slots", ({ memoryMb, billed, slots }) => {
    expect(billedMemoryMb(memoryMb, PLATFORM)).toBe(billed);
    expect(slotsPerVm(billed, PLATFORM)).toBe(slots);
  });
});

describe("buildStageTerms", () => {
  const dag = validateDag({
    stages: [
      { id: "a", function: "fa" },
      { id: "b", function: "fb" },
      { id: "c", function: "fc" },
    ],
    edges: [
      { from: "a", to: "b", pattern: "shuffle" },
      { from: "b", to: "c", pattern: "shuffle" },
    ],
  });
  const estimates = new Map([
    ["a", est("a", { instances: 4, memoryMb: 1000, runtimeMs: 500, instanceInputBytes: 10e6, instanceOutputBytes: GiB / 2 })],
    ["b", est("b", { instances: 12, memoryMb: 2000, runtimeMs: 300 })],
    ["c", est("c", { instances: 3, memoryMb: 100, runtimeMs: 200, instanceOutputBytes: 5e6 })],
  ]);
  const terms = buildStageTerms(dag, estimates, PLATFORM);

  it("root: reads the app input from the object store", () => {
    // billed 1024 MB (1 GB), 4 slots, vms = min(2, ceil(4 / 4)) = 1, waves = 1.
    // 4 concurrent readers: min(10 MB/s, NIC 100 MB/s / 4) = 10 MB/s → read = 20 + 1000 = 1020 ms.
    // baseMs = 1 · 500 + 1020 = 1520.
    // computeUsd = 4 · 1.520 s · 1 GB · 0.001 + 4 · 1e-6 = 0.00608 + 0.000004 = 0.006084.
    // ioUsd = 4 GETs · 1e-6. Output 4 · 0.5 GiB = 2 GiB: admission transfer 2 · 0.5 = $1, plus the one
    // write into the tier: 4 writers at min(75 MiB/s, 100 MB/s / 4) = 25 MB/s → 1 + 536.870912e6 / 25e6 · 1000
    // = 21475.83648 ms each (above the 2 GiB / 5 GB/s = 429.5 ms aggregate bound); 4 · 21.47583648 s · 1 GB · 0.001 = 0.08590334592.
    // storage 2 GiB · $1e-6 per GiB-ms = $2e-6 per ms.
    const a = terms.get("a")!;
    expect(a).toMatchObject({ billedMemoryMb: 1024, slotsPerVm: 4, vms: 1, waves: 1, cacheBytes: 2 * GiB });
    close(a.baseMs, 1520);
    close(a.computeUsd, 0.006084);
    close(a.ioUsd, 4e-6);
    close(a.admissionFixedUsd, 1 + 0.08590334592);
    close(a.admissionUsdPerMs, 2e-6);
  });

  it("middle stage: waves when the pool is too small", () => {
    // billed 2048 MB, 2 slots; vms = min(2, ceil(12 / 2) = 6) = 2; waves = ceil(12 / (2 · 2)) = 3.
    // baseMs = 3 · 300 = 900. computeUsd = 12 · 0.3 s · 2 GB · 0.001 + 12 · 1e-6 = 0.0072 + 0.000012.
    // No output: admitting it would bill only the tier's 1 ms first-byte latency, 12 · 0.001 s · 2 GB · 0.001 = 2.4e-5.
    const b = terms.get("b")!;
    expect(b).toMatchObject({ billedMemoryMb: 2048, slotsPerVm: 2, vms: 2, waves: 3, cacheBytes: 0 });
    close(b.baseMs, 900);
    close(b.computeUsd, 0.007212);
    close(b.ioUsd, 0);
    close(b.admissionFixedUsd, 2.4e-5);
  });

  it("sink: writes the result to the object store", () => {
    // billed 128 MB (0.125 GB), 4 slots, 1 VM, 1 wave. 3 concurrent writers: 10 MB/s → 40 + 500 = 540 ms.
    // baseMs = 200 + 540 = 740. computeUsd = 3 · 0.74 s · 0.125 GB · 0.001 + 3e-6 = 0.0002775 + 0.000003.
    // ioUsd = 3 PUTs · 1e-5.
    const c = terms.get("c")!;
    expect(c).toMatchObject({ billedMemoryMb: 128, slotsPerVm: 4, vms: 1, waves: 1 });
    close(c.baseMs, 740);
    close(c.computeUsd, 0.0002805);
    close(c.ioUsd, 3e-5);
  });

  it("a lone stage is root and sink: pays one GET and one PUT per instance", () => {
    // 2 instances, 2 concurrent: 10 MB/s. read = 20 + 10 MB → 1020; write = 40 + 20 MB → 2040.
    // baseMs = 100 + 1020 + 2040 = 3160; ioUsd = 2 · (1e-6 + 1e-5) = 2.2e-5.
    const lone = validateDag({ stages: [{ id: "x", function: "f" }] });
    const t = buildStageTerms(lone, new Map([["x", est("x", { instances: 2, runtimeMs: 100, instanceInputBytes: 10e6, instanceOutputBytes: 20e6 })]]), PLATFORM).get("x")!;
    close(t.baseMs, 3160);
    close(t.ioUsd, 2.2e-5);
  });

  it("rejects every stage whose memory no instance can have, naming each", () => {
    // a: 3500 MB → billed 3520 > max 3072. c: fine. b: 5000 MB on a platform allowing 10240 MB per
    // function but 4096 MB per VM.
    const bigBilling = resolvePlatform({ vm: { memoryMb: 4096 }, billing: { maxMemoryMb: 3072 } });
    const dagOf = validateDag({ stages: [{ id: "a", function: "f" }, { id: "b", function: "f" }, { id: "c", function: "f" }] });
    const stages = new Map([
      ["a", est("a", { instances: 1, memoryMb: 3500 })],
      ["b", est("b", { instances: 1, memoryMb: 5000 })],
      ["c", est("c", { instances: 1, memoryMb: 100 })],
    ]);
    let error: unknown;
    try {
      buildStageTerms(dagOf, stages, bigBilling);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as InputError).issues;
    expect(issues.map((i) => i.path)).toEqual([
      ["stages", "a", "memoryMb"],
      ["stages", "b", "memoryMb"],
    ]);
    expect(issues[0]).toMatchObject({ code: "SLU3010", expected: "≤ 3072 MB", actual: "3500 MB" });
    // Function limit raised above the VM's memory: the VM is the limit.
    const vmBound = resolvePlatform({ vm: { memoryMb: 4096 }, billing: { maxMemoryMb: 10240 } });
    expect(() => buildStageTerms(dagOf, stages, vmBound)).toThrow(/stages\.b\.memoryMb.*expected ≤ 4096 MB; got 5000 MB/);
  });

  it("a lone stage reading nothing (inputFraction 0) pays no GET: only its result write", () => {
    // 2 instances, no input bytes: no read, no GET; write 40 + 20 MB at 10 MB/s = 2040 → baseMs 100 + 2040.
    const lone = validateDag({ stages: [{ id: "x", function: "f", inputFraction: 0 }] });
    const t = buildStageTerms(lone, new Map([["x", est("x", { instances: 2, runtimeMs: 100, instanceInputBytes: 0, instanceOutputBytes: 20e6 })]]), PLATFORM).get("x")!;
    close(t.baseMs, 2140);
    close(t.ioUsd, 2e-5);
  });
});

describe("stragglers, invocation and side inputs", () => {
  const dag = validateDag({ stages: [{ id: "r", function: "f" }, { id: "m", function: "f" }, { id: "s", function: "f" }], edges: [{ from: "r", to: "m", pattern: "one-to-one" }, { from: "m", to: "s", pattern: "one-to-one" }] });
  // Runtime 500 or 1500 ms with probability ½ each (mean 1000): a stage waits for its slowest instance.
  const twoPoint: Atoms = { values: [500, 1500], probs: [0.5, 0.5] };
  const terms = (m: Partial<StageEstimate> & { instances: number }, platform = PLATFORM) =>
    buildStageTerms(dag, new Map([["r", est("r", { instances: 1 })], ["m", est("m", m)], ["s", est("s", { instances: 1 })]]), platform).get("m")!;

  it.each([
    // 4 instances on 4 slots (1 VM): E[max of 4] = 500 · ½⁴ + 1500 · (1 − ½⁴) = 31.25 + 1406.25 = 1437.5.
    { name: "one wave: the expected maximum of n draws", instances: 4, memoryMb: 1000, span: 1437.5 },
    // 8 instances of 2048 MB (2 slots per VM, 2 VMs): 4 slots, 2 waves. Slots free again at f_k = 1000 + (q_k − 1000), q at (k − ½)/4:
    // 500, 500, 1500, 1500; each runs one more: max over (f_k + D_k) is 3000 unless both slots
    // freed at 1500 draw 500 (probability ¼, max 2000): 0.25 · 2000 + 0.75 · 3000 = 2750.
    { name: "two waves: the last wave starts where the first frees its slots", instances: 8, memoryMb: 2000, span: 2750 },
  ])("$name", ({ instances, memoryMb, span }) => {
    const t = terms({ instances, memoryMb, runtimeMs: 1000, runtimeAtoms: twoPoint });
    close(t.spanMs, span);
    close(t.baseMs, span);
    close(t.meanInstanceMs, 1000);
    // billed on the mean instance, not the straggler: n · 1 s · billed GB · 0.001 + n · 1e-6
    close(t.computeUsd, instances * (t.billedMemoryMb / 1024) * 0.001 + instances * 1e-6);
  });

  it("pays the orchestration step once and a cold start per instance", () => {
    // step 100 ms; cold start 1000 ms with probability ½; runtime 200 ms; 2 instances in one wave.
    // D = 200 + {0, 1000}: E[max of 2] = 200 + 1000 · (1 − ½²) = 950 → baseMs = 100 + 950 = 1050.
    // Each instance is billed E[D] = 700 ms: 2 · 0.7 s · 1 GB · 0.001 + 2e-6.
    const cold = resolvePlatform({ ...OVERRIDES, invocation: { stepMs: 100, coldStartMs: 1000, coldFraction: 0.5 } });
    const t = terms({ instances: 2, memoryMb: 1000, runtimeMs: 200 }, cold);
    close(t.spanMs, 950);
    close(t.baseMs, 1050);
    close(t.meanInstanceMs, 700);
    close(t.computeUsd, 0.0014 + 2e-6);
  });

  it("reads a side input from the object store in every instance", () => {
    // 2 instances of a middle stage each GET 5 MB: 20 + 5 MB at min(10 MB/s, 100 MB/s / 2) = 520 ms;
    // runtime 100 → baseMs 620; 2 GETs · 1e-6.
    const t = terms({ instances: 2, memoryMb: 1000, runtimeMs: 100, sideInputBytes: 5e6 });
    close(t.baseMs, 620);
    close(t.ioUsd, 2e-6);
  });

  it("bills nothing per stage under VM-pool billing: the pool is billed once, for the run", () => {
    const pool = resolvePlatform({ ...OVERRIDES, billing: { ...OVERRIDES.billing, compute: "vm-pool" } });
    const t = terms({ instances: 4, memoryMb: 1000, runtimeMs: 1000, instanceOutputBytes: 1e6 }, pool);
    close(t.computeUsd, 0);
    // the admission's write is billed only under function billing: what is left is the transfer price
    close(t.admissionFixedUsd, ((4 * 1e6) / GiB) * 0.5);
  });
});
