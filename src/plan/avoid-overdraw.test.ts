import { describe, expect, it } from "vitest";
import { planFromAssignment } from "../baselines/plan-from-assignment.js";
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { TransferMode } from "../model/types.js";
import { analyticProfiles } from "../profiles/analytic/analytic.js";
import { simulateSync } from "../simulate/simulate.js";
import { plan } from "./plan.js";
import { prepareProblem } from "./prepare-problem.js";

// A pool of 2 VMs. Root a (8 instances of 1,024 MB, 4 slots per VM → 2 VMs) hosts c when a → c is
// vm-local: a keeps its 2 VMs until c finishes. c also reads root b, whose one instance needs a VM
// of its own — none is free while a holds the pool, and a holds it until c, which waits on b, ends:
// a hold-and-wait. Each a instance writes 100 MB for its c instance (one-to-one), so vm-local
// (local disk, no network) is the fastest choice on a → c — the one the solvers pick, not knowing the pool.
const ONE = { offset: 1, scale: 0 };
const f = { runtimeMs: { offset: 100, scale: 0 }, memoryMb: { offset: 1024, scale: 0 }, outputBytes: { offset: 1e8, scale: 0 }, fanout: ONE };
const PROFILES = analyticProfiles({ f, g: { ...f, outputBytes: { offset: 1e3, scale: 0 } } });
const DAG = {
  name: "hold-and-wait",
  stages: [
    { id: "a", function: "f", instances: 8 },
    { id: "b", function: "g", instances: 1 },
    { id: "c", function: "f", instances: 8 },
  ],
  edges: [
    { from: "a", to: "c", pattern: "one-to-one" },
    { from: "b", to: "c", pattern: "broadcast" },
  ],
};
const PLATFORM = { vm: { poolSize: 2 } };

describe("a plan that holds the VM pool in a hold-and-wait", () => {
  it.each<TransferMode>(["remote", "direct", "cache"])("vm-local on a → c, %s on b → c: the model flags b as pool-overdrawn, as the simulator does", async (mode) => {
    const { problem } = await prepareProblem(DAG, 8e6, { profiles: PROFILES, platform: PLATFORM });
    const assignment = { edges: [[{ mode: "vm-local" as const, fraction: 1 }], [{ mode, fraction: 1 }]], admitted: new Set(mode === "cache" ? ["b"] : []) };
    const e = evaluateAssignment(problem, assignment);
    const sim = simulateSync(DAG, planFromAssignment(problem, assignment, "test"), { profiles: PROFILES, platform: PLATFORM, seed: 1, noiseCv: 0 });
    const paths = (vs: readonly { code: string; path: readonly (string | number)[] }[]) => vs.filter((v) => v.code === "pool-overdrawn").map((v) => v.path);
    expect(paths(e.violations)).toEqual([["stages", "b"]]);
    expect(paths(sim.violations)).toEqual(paths(e.violations));
    expect(e.feasible).toBe(false);
    // both lend b its VM beyond the pool: a's 2 + b's 1
    expect(e.peakVms).toBe(3);
    expect(sim.vmPool?.peakVms).toBe(3);
  });

  it.each([
    ["auto", true],
    ["heuristic", true],
    ["exact", true],
    // brute force keeps only plans the model finds feasible: it needs no second solve
    ["brute-force", false],
  ] as const)("plan() (solver %s) avoids it and the simulator runs the plan within the pool (re-solved: %s)", async (solver, resolved) => {
    // Only vm-local and remote offered: without the pool, vm-local on a → c wins (no 800 MB through the object store).
    const p = await plan(DAG, 8e6, { profiles: PROFILES, platform: PLATFORM, modes: ["vm-local", "remote"], solver });
    expect(p.status).toBe("ok");
    expect(p.edges.map((e) => e.mode)).toEqual(["remote", "remote"]);
    expect(p.solver.notes.join(" ").includes("vm-local excluded on a->c")).toBe(resolved);
    const sim = simulateSync(DAG, p, { profiles: PROFILES, platform: PLATFORM, seed: 1, noiseCv: 0 });
    expect(sim.violations.map((v) => v.code)).not.toContain("pool-overdrawn");
    expect(sim.vmPool!.peakVms).toBeLessThanOrEqual(2);
  });
});
