import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planFromAssignment } from "../baselines/plan-from-assignment.js";
import type { Assignment, ModeShare, TransferMode } from "../model/types.js";
import { prepareProblem } from "../plan/prepare-problem.js";
import type { PlanOptions } from "../plan/options.js";
import { analyticProfiles } from "../profiles/analytic/analytic.js";
import { plan } from "../plan/plan.js";
import { simulate, simulateSync } from "./simulate.js";
import { InputError } from "../errors.js";

const ONE = { offset: 1, scale: 0 };
const PROFILES = analyticProfiles({
  produce: { runtimeMs: { offset: 1000, scale: 0 }, memoryMb: { offset: 1024, scale: 0 }, outputBytes: { offset: 0, scale: 0.5 }, fanout: ONE },
  consume: { runtimeMs: { offset: 500, scale: 0 }, memoryMb: { offset: 1024, scale: 0 }, outputBytes: { offset: 0, scale: 0.1 }, fanout: ONE },
});
const PAIR = {
  name: "pair",
  stages: [
    { id: "a", function: "produce", instances: 1 },
    { id: "b", function: "consume", instances: 1 },
  ],
  edges: [{ from: "a", to: "b", pattern: "one-to-one" }],
};
const INPUT = 100e6;

async function planned(dag: unknown, input: number, shares: readonly (readonly ModeShare[])[], admitted: readonly string[], options: PlanOptions = {}) {
  const { problem } = await prepareProblem(dag, input, { profiles: PROFILES, ...options });
  const assignment: Assignment = { edges: shares, admitted: new Set(admitted) };
  return { problem, plan: planFromAssignment(problem, assignment, "test") };
}

describe("simulate: contention-free, one sender and one receiver, noise off", () => {
  // Default platform: store GET 27 ms / PUT 40 ms, 41e6 B/s per connection; NIC 156.25e6 B/s
  // baseline, bursting at 1.25e9 B/s (its credit covers these transfers); one flow ≤ 625e6 B/s;
  // local storage 400e6 B/s; VM round trip 1 ms; cache 1 ms, 75 MiB/s = 78,643,200 B/s per
  // connection; an orchestration step of 172 ms before each stage's instances start.
  // a: step 172, reads 100 MB from the store (27 + 100e6 / 41e6 s = 2466.024 ms), computes 1000 ms; writes D = 50 MB.
  // b: step 172, computes 500 ms, writes 5 MB to the store (40 + 5e6 / 41e6 s = 161.951 ms).
  // From a's compute end to b's compute start: the transfer + b's step (172).
  // makespan = 172 + 3466.024 + transfer + 172 + 661.951.
  it.each([
    // remote: 40 + 50e6/41e6 s (1219.512) + 27 + 1219.512 = 2506.024 ms
    { mode: "remote" as TransferMode, admitted: [], transferMs: 2506.024 },
    // cache: (1 + 50e6/78,643,200 s) · 2 = (1 + 635.783) · 2 = 1273.565 ms
    { mode: "cache" as TransferMode, admitted: ["a"], transferMs: 1273.565 },
    // direct: 1 + 50e6/400e6 s (125, local write) + max(NIC 50e6/1.25e9 s = 40, one flow 50e6/625e6 s = 80) = 206 ms
    { mode: "direct" as TransferMode, admitted: [], transferMs: 206 },
    // vm-local: 50e6/400e6 s written + the same read = 250 ms
    { mode: "vm-local" as TransferMode, admitted: [], transferMs: 250 },
  ])("$mode reproduces the closed-form time", async ({ mode, admitted, transferMs }) => {
    const { plan } = await planned(PAIR, INPUT, [[{ mode, fraction: 1 }]], admitted, { noiseCv: 0 });
    const r = simulateSync(PAIR, plan, { profiles: PROFILES, noiseCv: 0, seed: 7 });
    const a = r.instances.find((i) => i.stageId === "a")!;
    const b = r.instances.find((i) => i.stageId === "b")!;
    expect(b.computeStartMs - a.computeEndMs).toBeCloseTo(transferMs + 172, 2);
    expect(r.makespanMs).toBeCloseTo(172 + 3466.024 + transferMs + 172 + 661.951, 2);
    expect(Math.abs(r.makespanMs - plan.predicted.makespanMs) / plan.predicted.makespanMs).toBeLessThan(1e-6);
    expect(Math.abs(r.cost.totalUsd - plan.predicted.costUsd) / plan.predicted.costUsd).toBeLessThan(0.05);
    expect(r.violations).toEqual([]);
  });

  it("direct broadcast to 4 receivers on one VM: the sender NIC carries 4·D, as the model's out term says", async () => {
    // a → 4 × b on one VM (4 cores, 1024 MB each). time = 1 + 50e6/400e6 s + max(out 4·D, in 4·D)/NIC burst
    //   = 1 + 125 + 200e6 / 1.25e9 s (160; each flow gets 312.5 MB/s, under its 625 MB/s cap) = 286 ms, then b's 172 ms step.
    const dag = { ...PAIR, stages: [PAIR.stages[0], { id: "b", function: "consume", instances: 4 }], edges: [{ from: "a", to: "b", pattern: "broadcast" }] };
    const { plan } = await planned(dag, INPUT, [[{ mode: "direct", fraction: 1 }]], [], { noiseCv: 0 });
    const r = simulateSync(dag, plan, { profiles: PROFILES, noiseCv: 0 });
    const a = r.instances.find((i) => i.stageId === "a")!;
    for (const b of r.instances.filter((i) => i.stageId === "b")) expect(b.computeStartMs - a.computeEndMs).toBeCloseTo(286 + 172, 2);
    expect(plan.predicted.makespanMs).toBeCloseTo(r.makespanMs, 2);
    expect(r.nics.find((n) => n.vm.startsWith("a/"))!.peakOut).toBeCloseTo(1, 6);
  });

  it("request-rate limits pace a request-bound shuffle", async () => {
    // 4 → 4 shuffle of tiny objects through the store at 10 GETs/s: 16 GETs take ≥ 15 / 10 s.
    const dag = { name: "shuffle", stages: [{ id: "a", function: "produce", instances: 4 }, { id: "b", function: "consume", instances: 4 }], edges: [{ from: "a", to: "b", pattern: "shuffle" }] };
    const platform = { objectStore: { readsPerSecond: 10 } };
    const { plan } = await planned(dag, 4000, [[{ mode: "remote", fraction: 1 }]], [], { platform });
    const r = simulateSync(dag, plan, { profiles: PROFILES, noiseCv: 0, platform });
    const a = r.stages.find((s) => s.stageId === "a")!;
    const lastRead = Math.max(...r.instances.filter((i) => i.stageId === "b").map((i) => i.computeStartMs));
    expect(lastRead - a.finishMs).toBeGreaterThanOrEqual(1500);
    expect(r.tiers.objectStore.throttledMs).toBeGreaterThan(0);
  });
});

const MIXED = {
  name: "mixed",
  stages: [
    { id: "a", function: "produce", instances: 2 },
    { id: "b", function: "produce", instances: 4 },
    { id: "c", function: "consume", instances: 4 },
    { id: "d", function: "consume", instances: 4 },
    { id: "e", function: "consume", instances: 1 },
  ],
  edges: [
    { from: "a", to: "b", pattern: "scatter" },
    { from: "b", to: "c", pattern: "shuffle" },
    { from: "b", to: "d", pattern: "one-to-one" },
    { from: "a", to: "c", pattern: "broadcast" },
    { from: "c", to: "e", pattern: "gather" },
    { from: "d", to: "e", pattern: "gather" },
  ],
};

describe("simulate: invariants", () => {
  const modes: TransferMode[] = ["vm-local", "direct", "remote", "cache"];
  it("conserves bytes on every edge: what receivers read is what the pattern offers, for any modes and splits", async () => {
    const { problem } = await prepareProblem(MIXED, 2e6, { profiles: PROFILES });
    const shareArb = fc.oneof(
      fc.constantFrom(...modes).map((m) => [{ mode: m, fraction: 1 }]),
      fc.tuple(fc.constantFrom<TransferMode>("direct", "remote", "cache"), fc.constantFrom<TransferMode>("direct", "remote", "cache"), fc.double({ min: 0.1, max: 0.9, noNaN: true })).filter(([x, y]) => x !== y).map(([x, y, f]) => [{ mode: x, fraction: f }, { mode: y, fraction: 1 - f }]),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(shareArb, { minLength: 6, maxLength: 6 }), fc.integer({ min: 1, max: 1000 }), async (shares, seed) => {
        const admitted = MIXED.edges.filter((e, i) => shares[i]!.some((s) => s.mode === "cache")).map((e) => e.from);
        const plan = planFromAssignment(problem, { edges: shares, admitted: new Set(admitted) }, "test");
        const r = simulateSync(MIXED, plan, { profiles: PROFILES, seed });
        const out = new Map(r.stages.map((s) => [s.stageId, s.outputBytes]));
        for (const e of r.edges) {
          const d = out.get(e.from)!;
          const n = r.stages.find((s) => s.stageId === e.to)!.instances;
          const pattern = MIXED.edges.find((x) => x.from === e.from && x.to === e.to)!.pattern;
          const demand = pattern === "broadcast" ? n * d : d;
          expect(e.bytesOffered).toBeCloseTo(demand, 0);
          expect(Math.abs(e.bytesRead - e.bytesOffered)).toBeLessThan(1e-6 * Math.max(1, demand));
        }
        // Every byte written into the cache tier or the store by an edge is read back at least... and nothing is read from a tier never written.
        if (r.tiers.cache.written === 0) expect(r.tiers.cache.read).toBe(0);
        expect(Number.isFinite(r.makespanMs)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it("is deterministic per seed and varies across seeds with noise", async () => {
    const { problem } = await prepareProblem(MIXED, 2e6, { profiles: PROFILES });
    const plan = planFromAssignment(problem, { edges: problem.edges.map((c) => [{ mode: c.options.some((o) => o.mode === "direct") ? "direct" : "remote", fraction: 1 }]), admitted: new Set() }, "test");
    const one = await simulate(MIXED, plan, { profiles: PROFILES, seed: 42 });
    const again = await simulate(MIXED, plan, { profiles: PROFILES, seed: 42 });
    const other = await simulate(MIXED, plan, { profiles: PROFILES, seed: 43 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(one));
    expect(other.makespanMs).not.toBe(one.makespanMs);
    const quiet = await simulate(MIXED, plan, { profiles: PROFILES, seed: 1, noiseCv: 0 });
    const quiet2 = await simulate(MIXED, plan, { profiles: PROFILES, seed: 2, noiseCv: 0 });
    expect(quiet2.makespanMs).toBe(quiet.makespanMs);
  });

  it("reports a plan that overflows the cache tier and sends the overflow to the object store", async () => {
    // a's output (2 × 25 MB) is admitted; the tier holds 30 MB: the second instance's 25 MB overflows.
    const dag = { ...PAIR, stages: [{ id: "a", function: "produce", instances: 2 }, { id: "b", function: "consume", instances: 2 }] };
    const { plan } = await planned(dag, INPUT, [[{ mode: "cache", fraction: 1 }]], ["a"]);
    const r = simulateSync(dag, plan, { profiles: PROFILES, noiseCv: 0, platform: { cache: { capacityBytes: 30e6 } } });
    expect(r.violations.map((v) => v.code)).toContain("cache-overflow");
    expect(r.cache.overflowBytes).toBeCloseTo(25e6, 0);
    expect(r.cache.peakBytes).toBeLessThanOrEqual(30e6);
    expect(r.tiers.objectStore.written).toBeGreaterThanOrEqual(25e6);
    expect(r.edges[0]!.bytesReadByMode.remote).toBeCloseTo(25e6, 0);
    expect(r.edges[0]!.bytesReadByMode.cache).toBeCloseTo(25e6, 0);
    expect(Number.isFinite(r.makespanMs)).toBe(true);
  });

  it("holds admitted bytes until the last consumer finishes, then frees them", async () => {
    const { plan } = await planned(PAIR, INPUT, [[{ mode: "cache", fraction: 1 }]], ["a"]);
    const r = simulateSync(PAIR, plan, { profiles: PROFILES, noiseCv: 0 });
    expect(r.cache.peakBytes).toBeCloseTo(50e6, 0);
    const last = r.cache.occupancy[r.cache.occupancy.length - 1]!;
    expect(last.bytes).toBe(0);
    expect(last.timeMs).toBeCloseTo(r.stages.find((s) => s.stageId === "b")!.finishMs, 6);
  });

  it("reports instances whose memory exceeds a whole VM", async () => {
    const { plan } = await planned(PAIR, INPUT, [[{ mode: "remote", fraction: 1 }]], []);
    const big = analyticProfiles({ produce: { runtimeMs: { offset: 10, scale: 0 }, memoryMb: { offset: 20000, scale: 0 }, outputBytes: { offset: 0, scale: 0.5 }, fanout: ONE }, consume: { runtimeMs: { offset: 10, scale: 0 }, memoryMb: { offset: 100, scale: 0 }, outputBytes: { offset: 0, scale: 0.1 }, fanout: ONE } });
    const r = simulateSync(PAIR, plan, { profiles: big, noiseCv: 0 });
    expect(r.violations.map((v) => v.code)).toEqual(["memory-beyond-vm"]);
  });

  it("replays trace records as ground truth", async () => {
    const { plan } = await planned(PAIR, INPUT, [[{ mode: "remote", fraction: 1 }]], []);
    // a's records say 3000 ms at 100 MB (the profile says 1000): the run takes the records' word.
    const truth = [50e6, 100e6, 200e6].map((x) => ({ function: "produce", inputBytes: x, runtimeMs: 3000, memoryMb: 1024, outputBytes: x / 2 }));
    const r = simulateSync(PAIR, plan, { profiles: PROFILES, noiseCv: 0, truth });
    expect(r.instances.find((i) => i.stageId === "a")!.runtimeMs).toBeCloseTo(3000, 6);
    expect(r.instances.find((i) => i.stageId === "b")!.runtimeMs).toBeCloseTo(500, 6);
  });
});

describe("simulate() refuses what it cannot do", () => {
  const chain = (n: number, instances: number) => ({ name: "c", stages: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, function: "p", instances })), edges: Array.from({ length: n - 1 }, (_, i) => ({ from: `s${i}`, to: `s${i + 1}`, pattern: "shuffle" as const })) });
  const plainProfiles = analyticProfiles({ p: { runtimeMs: { offset: 100, scale: 0 }, memoryMb: { offset: 512, scale: 0 }, outputBytes: { offset: 0, scale: 0.5 }, fanout: { offset: 1, scale: 0 } } });

  it.each([
    // 100 stages × 100 instances = 10,000 instances over a limit of 5,000
    { limits: { maxInstances: 5_000 }, code: "SLU7007", actual: "10000 instances" },
    // 99 shuffles of 100 × 100 = 990,000 transfers over a limit of 100,000
    { limits: { maxTransfers: 100_000 }, code: "SLU7008", actual: "990000 transfers" },
  ])("a run over $limits is a named error before it starts", async ({ limits, code, actual }) => {
    const dag = chain(100, 100);
    const p = await plan(dag, "1 GB", { profiles: plainProfiles, solver: "heuristic" });
    const t0 = performance.now();
    const err = await simulate(dag, p, { profiles: plainProfiles, limits }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code, issues: [expect.objectContaining({ actual })] });
    expect(performance.now() - t0).toBeLessThan(60_000); // refused up front, not after simulating
  });

  it.each<[string, unknown, unknown, [string, (string | number)[]][]]>([
    // each was a TypeError ("Cannot read properties of null (reading 'placement')" / "'profiles'")
    ["a null plan", null, { profiles: plainProfiles }, [["SLU6028", ["plan"]]]],
    ["a plan without placement", { edges: [] }, { profiles: plainProfiles }, [["SLU6028", ["plan", "placement"]]]],
    ["null options", "plan", null, [["SLU1002", ["options"]]]],
    // a typo was ignored: the run took seed 1 with no word
    ["an unknown option (sed for seed)", "plan", { profiles: plainProfiles, sed: 3 }, [["SLU1001", ["options", "sed"]]]],
  ])("%s is an InputError, not a TypeError, from simulate() and simulateSync()", async (_label, planArg, options, expected) => {
    const dag = chain(2, 2);
    const p = planArg === "plan" ? await plan(dag, "1 GB", { profiles: plainProfiles, solver: "heuristic" }) : planArg;
    for (const run of [() => simulate(dag, p as never, options as never), async () => simulateSync(dag, p as never, options as never)]) {
      const err = await run().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).issues.map((i) => [i.code, i.path])).toEqual(expected);
    }
  });

  it("names the option an unknown key could have meant", async () => {
    const dag = chain(2, 2);
    const p = await plan(dag, "1 GB", { profiles: plainProfiles, solver: "heuristic" });
    await expect(simulate(dag, p, { profiles: plainProfiles, noiseCV: 0 } as never)).rejects.toThrow(/SLU1001 options\.noiseCV: unknown option.*noiseCv/);
  });

  it.each([
    // a stage of 0 instances, or 1.5: the placement must be whole and ≥ 1
    { label: "0 instances", edit: { instances: 0 }, code: "SLU7004" },
    { label: "1.5 instances", edit: { instances: 1.5 }, code: "SLU7004" },
    { label: "0 VMs", edit: { vms: 0 }, code: "SLU7004" },
  ])("a placement of $label is $code naming the stage", async ({ edit, code }) => {
    const dag = chain(2, 2);
    const p = await plan(dag, "1 GB", { profiles: plainProfiles, solver: "heuristic" });
    const placement = p.placement.map((s) => (s.stageId === "s1" ? { ...s, ...edit } : s));
    await expect(simulate(dag, { ...p, placement }, { profiles: plainProfiles })).rejects.toMatchObject({ code, issues: [expect.objectContaining({ path: ["plan", "placement", "s1"] })] });
  });

  it("a run past its event limit is SLU7005 naming the limit", async () => {
    const dag = chain(2, 2);
    const p = await plan(dag, "1 GB", { profiles: plainProfiles, solver: "heuristic" });
    // 2 stages of 2 instances take well over 10 events (starts, reads, computes, writes)
    await expect(simulate(dag, p, { profiles: plainProfiles, limits: { maxEvents: 10 } })).rejects.toMatchObject({ code: "SLU7005" });
  });

  it("profiles without a stage's function are SLU7006 naming it", async () => {
    const dag = chain(2, 2);
    const p = await plan(dag, "1 GB", { profiles: plainProfiles, solver: "heuristic" });
    const other = analyticProfiles({ q: { runtimeMs: { offset: 100, scale: 0 }, memoryMb: { offset: 512, scale: 0 }, outputBytes: { offset: 0, scale: 0.5 }, fanout: { offset: 1, scale: 0 } } });
    await expect(simulate(dag, p, { profiles: other })).rejects.toMatchObject({ code: "SLU7006", issues: [expect.objectContaining({ path: ["profiles", "p"] })] });
  });

  it.each([1e300, Number.NaN, -1, 11])("noise CV %s is an error, never a NaN in the report", async (noiseCv) => {
    const dag = chain(2, 2);
    const p = await plan(dag, "1 GB", { profiles: plainProfiles, solver: "heuristic" });
    await expect(simulate(dag, p, { profiles: plainProfiles, noiseCv })).rejects.toMatchObject({ code: "SLU7002", exitCode: 64 });
  });

  // Found by fuzzing: an object without a prototype crashed String() while the error was being written.
  it.each([
    { field: "noiseCv", options: { noiseCv: Object.assign(Object.create(null), { a: 1 }) }, code: "SLU7002" },
    { field: "seed", options: { seed: Object.assign(Object.create(null), { a: 1 }) }, code: "SLU7001" },
  ])("a prototype-less object as $field is $code naming it", async ({ options, code }) => {
    const dag = chain(2, 2);
    const p = await plan(dag, "1 GB", { profiles: plainProfiles, solver: "heuristic" });
    await expect(simulate(dag, p, { profiles: plainProfiles, ...(options as object) })).rejects.toMatchObject({ code, issues: [expect.objectContaining({ actual: '{"a":1}' })] });
  });

  // Found by fuzzing: with a 1e300 ms object-store latency every event falls past what a double can
  // tell apart; a NIC credit event re-queued "a microsecond later" was due now again, forever.
  it("a platform latency that puts the clock past its resolution is SLU7009, not a hang", async () => {
    const dag = { name: "app", stages: [{ id: "split", function: "video-split", instances: 44, memoryMb: 512 }, { id: "f", function: "fan-worker", memoryMb: 512 }], edges: [{ from: "split", to: "f", pattern: "scatter" as const }] };
    const platform = { objectStore: { getLatencyMs: 1e300 } };
    const p = await plan(dag, "1 GiB", { objective: "latency", platform } as PlanOptions);
    await expect(simulate(dag, p, { seed: 199, noiseCv: 0.1, platform })).rejects.toMatchObject({ code: "SLU7009" });
  });
});
