import { describe, expect, it } from "vitest";
import { randomDagProfiles } from "../../test/support/random-dag.js";
import { resolvePlatform } from "../platform/resolve-platform.js";
import { plan } from "./plan.js";

// Recursive graph walks overflowed the stack from about 2,500 stages. A 5,000-stage chain plans
// here (a 100,000-stage chain also plans, in minutes on a loaded 2-core machine: too slow for
// npm test; DAG validation of 100,000 stages is tested in dag/validate-dag.test.ts).
const chain = (n: number) => ({
  name: "chain",
  stages: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, function: "fn1", instances: 1 })),
  edges: Array.from({ length: n - 1 }, (_, i) => ({ from: `s${i}`, to: `s${i + 1}`, pattern: "one-to-one" })),
});

describe("plan() on a long chain", () => {
  it("plans a 5,000-stage chain: every stage placed, a finite makespan growing with the length", async () => {
    const profiles = randomDagProfiles();
    const short = await plan(chain(10), "1 GB", { profiles, solver: "heuristic" });
    const long = await plan(chain(5000), "1 GB", { profiles, solver: "heuristic" });
    expect(Object.keys(long.stages)).toHaveLength(5000);
    expect(Number.isFinite(long.predicted.makespanMs)).toBe(true);
    // Each stage runs after the one before it: fn1 takes at least 50 ms (its base time) and the
    // orchestration step between stages (platform invocation.stepMs) comes on top, so 5,000 stages
    // take at least 5,000 × (50 + stepMs) ms; fn1's output shrinks 0.4× a stage, so after the first
    // few almost nothing but the base and the step is left: the 4,990 stages past the short chain's
    // add at most 1% over 4,990 × (50 + stepMs).
    const perStageMs = 50 + resolvePlatform(undefined).invocation.stepMs;
    expect(long.predicted.makespanMs).toBeGreaterThanOrEqual(5000 * perStageMs);
    expect(long.predicted.makespanMs).toBeLessThan(short.predicted.makespanMs + 4990 * perStageMs * 1.01);
  }, 300_000);
});
