import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { checkSolution } from "./check-solution.js";
import { ENGINE_NAMES } from "./load-engine.js";
import type { MilpModel } from "./model.js";
import { solveMilp, verifyResult } from "./solve-milp.js";
import { makeKnapsack, REFERENCE_CASES } from "./test-models.js";

const TIME_LIMIT_MS = 10_000;

/** Best knapsack value by trying all 2^n subsets. */
function bruteForceKnapsack(values: readonly number[], weights: readonly number[], capacity: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << values.length; mask++) {
    let value = 0;
    let weight = 0;
    values.forEach((v, i) => {
      if (mask & (1 << i)) [value, weight] = [value + v, weight + weights[i]!];
    });
    if (weight <= capacity) best = Math.max(best, value);
  }
  return best;
}

describe.each(ENGINE_NAMES)("solveMilp with engine %s", (engine) => {
  it.each(REFERENCE_CASES)("$label → $status", async ({ model, status, objective }) => {
    const result = await solveMilp(model, { engine, timeLimitMs: TIME_LIMIT_MS });
    expect(result.status).toBe(status);
    expect(result.engine).toBe(engine);
    if (objective === undefined) {
      expect(result.values).toEqual({});
      return;
    }
    expect(Math.abs(result.objective - objective)).toBeLessThanOrEqual(1e-6);
    expect(checkSolution(model, result.values).ok).toBe(true);
    expect(Object.keys(result.values).sort()).toEqual(model.variables.map((v) => v.name).sort());
  });

  it("matches brute force on random small knapsacks", async () => {
    const item = fc.record({ value: fc.integer({ min: 1, max: 30 }), weight: fc.integer({ min: 1, max: 20 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 80 }), async (items, capacity) => {
        const values = items.map((i) => i.value);
        const weights = items.map((i) => i.weight);
        const result = await solveMilp(makeKnapsack(values, weights, capacity), { engine, timeLimitMs: TIME_LIMIT_MS });
        expect(result.status).toBe("optimal");
        expect(Math.abs(result.objective - bruteForceKnapsack(values, weights, capacity))).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 40, seed: 20240611 },
    );
  });
});

describe("solveMilp", () => {
  it("agrees across engines on every reference case", async () => {
    for (const { model } of REFERENCE_CASES) {
      const results = await Promise.all(ENGINE_NAMES.map((engine) => solveMilp(model, { engine, timeLimitMs: TIME_LIMIT_MS })));
      const statuses = new Set(results.map((r) => r.status));
      expect(statuses.size).toBe(1);
      const objectives = results.map((r) => r.objective).filter(Number.isFinite);
      for (const o of objectives) expect(Math.abs(o - objectives[0]!)).toBeLessThanOrEqual(1e-6);
    }
  });

  it("resolves auto to an engine and solves", async () => {
    const result = await solveMilp(REFERENCE_CASES[0]!.model);
    expect(result.status).toBe("optimal");
    expect(ENGINE_NAMES).toContain(result.engine);
  });

  it.each([
    [{ engine: "cplex" as never }, "engine"],
    [{ timeLimitMs: 0 }, "timeLimitMs"],
    [{ timeLimitMs: Number.NaN }, "timeLimitMs"],
  ])("rejects bad options %j naming %s", async (options, field) => {
    const failure = await solveMilp(REFERENCE_CASES[0]!.model, options).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as InputError).issues[0]!.path).toEqual([field]);
  });

  it("rejects an invalid model before any engine runs", async () => {
    const model: MilpModel = { direction: "minimize", objective: { ghost: 1 }, constraints: [], variables: [{ name: "x", kind: "continuous" }] };
    await expect(solveMilp(model, { engine: "highs" })).rejects.toBeInstanceOf(InputError);
  });
});

describe("verifyResult", () => {
  const model = makeKnapsack([10, 13], [5, 6], 10);
  const base = { objective: 23, engine: "fake", elapsedMs: 1 } as const;

  it("turns an answer that breaks a constraint into an error naming it", () => {
    // 5 + 6 = 11 > 10
    const result = verifyResult(model, { ...base, status: "optimal", values: { "take[item 0]": 1, "take[item 1]": 1 } });
    expect(result.status).toBe("error");
    expect(result.message).toContain("capacity (kg)");
    expect(result.values).toEqual({});
  });

  it("snaps near-integral values and recomputes the objective", () => {
    const result = verifyResult(model, { ...base, status: "feasible", values: { "take[item 0]": 0.9999999, "take[item 1]": 1e-9 } });
    expect(result.status).toBe("feasible");
    expect(result.values).toEqual({ "take[item 0]": 1, "take[item 1]": 0 });
    expect(result.objective).toBe(10);
  });
});
