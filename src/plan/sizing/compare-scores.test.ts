import { describe, expect, it } from "vitest";
import { compareScores, OBJECTIVE_TIE } from "./compare-scores.js";
import type { ConfigurationScore } from "./sizing-types.js";

const score = (makespanMs: number, costUsd: number, o: Partial<ConfigurationScore> = {}, instances = 1): ConfigurationScore => ({
  ok: true,
  withinLimit: true,
  makespanMs,
  costUsd,
  stages: new Map([["s", { instances, instanceInputBytes: 1, peakMemoryMb: 100 }]]),
  ...o,
});

describe("compareScores", () => {
  it.each([
    // a, b, objective, a better?
    ["faster wins under latency", score(100, 1), score(120, 0.5), "latency", true],
    [`within ${OBJECTIVE_TIE * 100}% counts as a tie, and the tie goes to cost`, score(100.5, 2), score(100, 1), "latency", false], // 0.5% slower but half the cost: b
    ["the cheaper wins under cost", score(200, 1), score(100, 1.5), "cost", true],
    ["within the limit beats over it", score(500, 1), score(100, 0.1, { withinLimit: false }), "latency", true],
    ["over the budget, the cheaper is nearer", score(100, 2, { withinLimit: false }), score(50, 3, { withinLimit: false }), "latency", true],
    ["any that runs beats one that cannot", score(1e9, 1e9), { ...score(1, 1), ok: false, reason: "no" }, "latency", true],
    ["perf-per-dollar: makespan × cost", score(100, 1), score(60, 2), "perf-per-dollar", true], // 100 < 120
    ["a full tie goes to fewer instances", score(100, 1, {}, 2), score(100, 1, {}, 8), "latency", true],
  ] as const)("%s", (_label, a, b, objective, aBetter) => {
    expect(compareScores(a, b, objective) < 0).toBe(aBetter);
    expect(compareScores(b, a, objective) < 0).toBe(!aBetter);
  });
});
