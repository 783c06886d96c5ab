import { describe, expect, it } from "vitest";
import { planFromAssignment } from "../baselines/plan-from-assignment.js";
import { prepareProblem } from "../plan/prepare-problem.js";
import { analyticProfiles } from "../profiles/analytic/analytic.js";
import { simulateSync } from "./simulate.js";

// A stage's `repeat` k: k sequential runs per instance, each on 1/k of its input, each one invocation.
// Both engines must agree on the time (k runs add up) and on the bill (k requests per instance).
const ONE = { offset: 1, scale: 0 };
const PROFILES = analyticProfiles({
  // runtime 100 ms + 1e-5 ms per byte; output a tenth of the input
  poll: { runtimeMs: { offset: 100, scale: 1e-5 }, memoryMb: { offset: 512, scale: 0 }, outputBytes: { offset: 0, scale: 0.1 }, fanout: ONE },
});
const dagWith = (repeat: number | undefined) => ({
  name: "loop",
  stages: [{ id: "p", function: "poll", instances: 2, memoryMb: 1024, ...(repeat === undefined ? {} : { repeat }) }],
  edges: [],
});
const INPUT = 40e6;
// every constant but the request price off, so the request term is what the cases compare
const PLATFORM = { billing: { compute: "function" as const, priceUsdPerRequest: 0.01, priceUsdPerGbSecond: 0 }, invocation: { coldFraction: 0 } };

async function both(repeat: number | undefined) {
  const dag = dagWith(repeat);
  const { problem } = await prepareProblem(dag, INPUT, { profiles: PROFILES, platform: PLATFORM, noiseCv: 0 });
  const plan = planFromAssignment(problem, { edges: [], admitted: new Set() }, "test");
  const sim = simulateSync(dag, plan, { profiles: PROFILES, platform: PLATFORM, noiseCv: 0, seed: 3 });
  return { plan, sim };
}

describe("repeat: model and simulator agree", () => {
  it.each([
    // 2 instances × 1 run × $0.01 = $0.02; one run on 20e6 B: 100 + 200 = 300 ms
    { repeat: undefined, requestsUsd: 0.02, runtimeMs: 300 },
    // 2 instances × 4 runs × $0.01 = $0.08; four runs on 5e6 B: 4 × (100 + 50) = 600 ms
    { repeat: 4, requestsUsd: 0.08, runtimeMs: 600 },
    // 2 × 10 × $0.01 = $0.20; ten runs on 2e6 B: 10 × (100 + 20) = 1200 ms
    { repeat: 10, requestsUsd: 0.2, runtimeMs: 1200 },
  ])("repeat $repeat bills $requestsUsd in requests and runs $runtimeMs ms", async ({ repeat, requestsUsd, runtimeMs }) => {
    const { plan, sim } = await both(repeat);
    expect(plan.predicted.cost.computeUsd).toBeCloseTo(requestsUsd, 9);
    expect(sim.cost.computeUsd).toBeCloseTo(requestsUsd, 9);
    for (const i of sim.instances) expect(i.runtimeMs).toBeCloseTo(runtimeMs, 6);
    // outputs add up over the runs: a tenth of the instance's 20e6 B whatever k is
    for (const i of sim.instances) expect(i.outputBytes).toBeCloseTo(2e6, 3);
    expect(Math.abs(sim.makespanMs - plan.predicted.makespanMs) / plan.predicted.makespanMs).toBeLessThan(1e-6);
  });
});
