import { describe, expect, it } from "vitest";
import { allRemote } from "../baselines/fixed-policies.js";
import { planFromAssignment } from "../baselines/plan-from-assignment.js";
import { prepareProblem } from "../plan/prepare-problem.js";
import { analyticProfiles } from "../profiles/analytic/analytic.js";
import { simulateSync } from "./simulate.js";

// A self-hosted object store's aggregate bandwidth (objectStore.aggregateBytesPerSecond) is one
// resource every GET and PUT in flight shares. Both engines must see it: 2 VMs of one slot, a
// root "a" of 2 instances reading 20 MB each from the store, writing 20 MB each to the store for
// "b" (one-to-one, remote), which reads it and writes nothing. Each connection carries 10 MB/s,
// no latency, NIC and request rates out of the way, 100 ms of compute per instance.
const ONE = { offset: 1, scale: 0 };
const PROFILES = analyticProfiles({
  copy: { runtimeMs: { offset: 100, scale: 0 }, memoryMb: { offset: 512, scale: 0 }, outputBytes: { offset: 0, scale: 1 }, fanout: ONE },
  sink: { runtimeMs: { offset: 100, scale: 0 }, memoryMb: { offset: 512, scale: 0 }, outputBytes: { offset: 0, scale: 0 }, fanout: ONE },
});
const DAG = {
  name: "store-share",
  stages: [
    { id: "a", function: "copy", instances: 2 },
    { id: "b", function: "sink", instances: 2 },
  ],
  edges: [{ from: "a", to: "b", pattern: "one-to-one" }],
};
const INPUT = 40e6;
const platform = (aggregateBytesPerSecond: number | undefined) => ({
  vm: { cores: 1, memoryMb: 4096, poolSize: 2, nicBytesPerSecond: 1e12, nicBurstBytesPerSecond: 1e12, nicBurstBytes: 0, flowBytesPerSecond: 1e12 },
  invocation: { stepMs: 0, coldStartMs: 0, coldFraction: 0, pickupMs: 0 },
  objectStore: { getLatencyMs: 0, putLatencyMs: 0, connectionBytesPerSecond: 10e6, connectionsPerInstance: 1, readsPerSecond: 1e6, writesPerSecond: 1e6, ...(aggregateBytesPerSecond === undefined ? {} : { aggregateBytesPerSecond }) },
});

describe("object store aggregate bandwidth: model and simulator agree", () => {
  it.each([
    // unbounded: each of the two instances moves 20 MB at 10 MB/s = 2000 ms per transfer:
    // a reads 2000 + 100 compute + writes 2000, b reads 2000 + 100 = 6,200 ms
    { aggregate: undefined, makespanMs: 6200 },
    // 10 MB/s shared by two: 5 MB/s each, 4000 ms per transfer: 3 · 4000 + 2 · 100 = 12,200 ms
    { aggregate: 10e6, makespanMs: 12200 },
    // 30 MB/s shared by two: 15 MB/s each but the connection caps at 10: as unbounded, 6,200 ms
    { aggregate: 30e6, makespanMs: 6200 },
  ])("aggregate $aggregate B/s → $makespanMs ms", async ({ aggregate, makespanMs }) => {
    const options = { profiles: PROFILES, platform: platform(aggregate), noiseCv: 0 };
    const { problem } = await prepareProblem(DAG, INPUT, options);
    const plan = planFromAssignment(problem, allRemote(problem), "test");
    const sim = simulateSync(DAG, plan, { ...options, seed: 1 });
    expect(plan.predicted.makespanMs).toBeCloseTo(makespanMs, 3);
    expect(sim.makespanMs).toBeCloseTo(makespanMs, 3);
  });
});
