import { describe, expect, it } from "vitest";
import { planFromAssignment } from "../baselines/plan-from-assignment.js";
import { prepareProblem } from "../plan/prepare-problem.js";
import { analyticProfiles } from "../profiles/analytic/analytic.js";
import { simulateSync } from "./simulate.js";

// invocation.pickupMs: an instance queued for a slot starts pickupMs after the slot frees (the job
// engine's completion and next fetch); the first wave's pickup is within stepMs. Both engines must
// agree: one stage of n instances, 100 ms each, on 2 VMs of one slot, stepMs 10; its 1 kB input
// read from a store with no latency at 1 TB/s (a nanosecond), nothing written (the result PUT has no latency either).
const PROFILES = analyticProfiles({
  work: { runtimeMs: { offset: 100, scale: 0 }, memoryMb: { offset: 512, scale: 0 }, outputBytes: { offset: 0, scale: 0 }, fanout: { offset: 1, scale: 0 } },
});
const dag = (instances: number) => ({ name: "waves", stages: [{ id: "w", function: "work", instances }], edges: [] });
const platform = (pickupMs: number) => ({
  vm: { cores: 1, memoryMb: 4096, poolSize: 2 },
  invocation: { stepMs: 10, coldStartMs: 0, coldFraction: 0, pickupMs },
  objectStore: { getLatencyMs: 0, putLatencyMs: 0, connectionBytesPerSecond: 1e12, readsPerSecond: 1e9, writesPerSecond: 1e9 },
});

describe("slot pickup: model and simulator agree", () => {
  it.each([
    // 2 instances on 2 slots: one wave, no pickup paid: 10 + 100 = 110
    { instances: 2, pickupMs: 5, makespanMs: 110 },
    // 4 on 2 slots: 2 waves, 1 pickup: 10 + 2 · 100 + 5 = 215
    { instances: 4, pickupMs: 5, makespanMs: 215 },
    // 16 on 2 slots: 8 waves, 7 pickups: 10 + 8 · 100 + 7 · 2 = 824
    { instances: 16, pickupMs: 2, makespanMs: 824 },
    // no pickup: 10 + 8 · 100 = 810
    { instances: 16, pickupMs: 0, makespanMs: 810 },
  ])("$instances instances, pickup $pickupMs ms → $makespanMs ms", async ({ instances, pickupMs, makespanMs }) => {
    const options = { profiles: PROFILES, platform: platform(pickupMs), noiseCv: 0 };
    const d = dag(instances);
    const { problem } = await prepareProblem(d, 1000, options);
    const plan = planFromAssignment(problem, { edges: [], admitted: new Set() }, "test");
    const sim = simulateSync(d, plan, { ...options, seed: 1 });
    expect(plan.predicted.makespanMs).toBeCloseTo(makespanMs, 3);
    expect(sim.makespanMs).toBeCloseTo(makespanMs, 3);
  });
});
