import { describe, expect, it } from "vitest";
import { mulberry32 } from "../util/mulberry32.js";
import { checkSolution, computeObjective } from "./check-solution.js";
import { solveMilp } from "./solve-milp.js";
import { makeKnapsack, makeMultiKnapsack } from "./test-models.js";

// 40 items, weights and values drawn so that no greedy order is optimal: branch and bound needs nodes.
const rand = mulberry32(17);
const values = Array.from({ length: 40 }, () => 10 + Math.floor(rand() * 90));
const weights = values.map((v) => Math.max(1, Math.round(v * (0.8 + 0.4 * rand()))));
const capacity = Math.round(weights.reduce((a, b) => a + b, 0) / 3);
const hard = makeKnapsack(values, weights, capacity);
const LIMIT_MS = 20_000;

describe("HiGHS engine: work limits and a start point", () => {
  it("a node limit stops at the same place on every run, and says so", async () => {
    // 40 items × 5 capacity rows: seconds to prove optimal, so one node cannot
    const multi = makeMultiKnapsack(40, 5, mulberry32(17));
    const runs = await Promise.all([1, 2, 3].map(() => solveMilp(multi, { engine: "highs", timeLimitMs: LIMIT_MS, maxNodes: 1 })));
    for (const r of runs) {
      expect(r.stoppedBy).toBe("nodes");
      expect(r.status).toBe("feasible");
      expect(r.bestBound!).toBeGreaterThan(r.objective);
    }
    expect(runs[1]!.values).toEqual(runs[0]!.values);
    expect(runs[2]!.values).toEqual(runs[0]!.values);
  });

  it("keeps a feasible start as its incumbent: never worse than the start, even with no search", async () => {
    // take items in index order while they fit: a feasible, mediocre start
    const start: Record<string, number> = {};
    let load = 0;
    hard.variables.forEach((v, i) => {
      const take = load + weights[i]! <= capacity ? 1 : 0;
      load += take * weights[i]!;
      start[v.name] = take;
    });
    expect(checkSolution(hard, start).ok).toBe(true);
    const r = await solveMilp(hard, { engine: "highs", timeLimitMs: LIMIT_MS, maxNodes: 1, start });
    expect(r.status === "feasible" || r.status === "optimal").toBe(true);
    expect(r.objective).toBeGreaterThanOrEqual(computeObjective(hard, start) - 1e-9); // maximise
  });

  it("stops within a relative gap when asked, and reports the bound that proves it", async () => {
    const r = await solveMilp(hard, { engine: "highs", timeLimitMs: LIMIT_MS, relativeGap: 0.05 });
    expect(r.status).toBe("optimal");
    expect(r.bestBound).toBeDefined();
    // maximise: bound ≥ objective, within 5% of it
    expect(r.bestBound! - r.objective).toBeLessThanOrEqual(0.05 * Math.abs(r.objective) + 1e-9);
    expect(r.stoppedBy).toBeUndefined();
  });
});
