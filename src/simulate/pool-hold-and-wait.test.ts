import { describe, expect, it } from "vitest";
import { planFromAssignment } from "../baselines/plan-from-assignment.js";
import { prepareProblem } from "../plan/prepare-problem.js";
import { analyticProfiles } from "../profiles/analytic/analytic.js";
import { simulateSync } from "./simulate.js";

// A pool of 2 VMs. Root a (8 instances, 4 slots per VM → 2 VMs) is leased first and keeps its VMs
// for c, which runs beside a's output (vm-local); c also reads root b, which needs a VM of its own.
// b cannot lease while a holds the pool, and a holds it until c finishes, which waits on b: a
// hold-and-wait. The simulator must still finish, with finite figures, and say what it did.
const ONE = { offset: 1, scale: 0 };
const fn = { runtimeMs: { offset: 100, scale: 0 }, memoryMb: { offset: 1024, scale: 0 }, outputBytes: { offset: 1e6, scale: 0 }, fanout: ONE };
const PROFILES = analyticProfiles({ f: fn });
const DAG = {
  name: "hold-and-wait",
  stages: [
    { id: "a", function: "f", instances: 8 },
    { id: "b", function: "f", instances: 1 },
    { id: "c", function: "f", instances: 8 },
  ],
  edges: [
    { from: "a", to: "c", pattern: "one-to-one" },
    { from: "b", to: "c", pattern: "broadcast" },
  ],
};
const PLATFORM = { vm: { poolSize: 2 } };

describe("the VM pool under a hold-and-wait", () => {
  it("finishes the run with finite figures and reports the overdrawn lease", async () => {
    const { problem } = await prepareProblem(DAG, 8e6, { profiles: PROFILES, platform: PLATFORM });
    const plan = planFromAssignment(problem, { edges: [[{ mode: "vm-local", fraction: 1 }], [{ mode: "remote", fraction: 1 }]], admitted: new Set() }, "test");
    const r = simulateSync(DAG, plan, { profiles: PROFILES, platform: PLATFORM, seed: 1, noiseCv: 0 });
    expect(Number.isFinite(r.makespanMs)).toBe(true);
    expect(r.instances.every((i) => Number.isFinite(i.finishMs))).toBe(true);
    // a's 2 VMs plus b's 1 lent beyond the pool
    expect(r.vmPool?.peakVms).toBe(3);
    expect(r.violations.map((v) => v.code)).toContain("pool-overdrawn");
  });
});
