import { describe, expect, it } from "vitest";
import { buildJslpModel, jslpEngine, readJslpAnswer, type JslpAnswer } from "./jslp-engine.js";
import { buildNameMap } from "./name-map.js";
import { makeKnapsack } from "./test-models.js";

// values 10, 13, 7; weights 5, 6, 3; capacity 10 → internal ids x0, x1, x2
const model = makeKnapsack([10, 13, 7], [5, 6, 3], 10);
const names = buildNameMap(model);
const context = { model, names, elapsedMs: 42 };

describe("readJslpAnswer (the guard against timed-out fractional answers)", () => {
  it("refuses a fractional answer flagged feasible after a timeout", () => {
    // the LP relaxation's answer: x0 = 1, x1 = 5/6 (weight 5 + 5 = 10), value 10 + 13·5/6
    const answer: JslpAnswer = { feasible: true, bounded: true, result: 10 + (13 * 5) / 6, x0: 1, x1: 5 / 6 };
    const result = readJslpAnswer(answer, { ...context, timedOut: true });
    expect(result.status).toBe("timedout");
    expect(result.values).toEqual({});
    expect(result.message).toContain("integrality");
    expect(result.message).toContain("take[item 1]");
  });

  it("calls the same fractional answer an error when no limit was hit", () => {
    const answer: JslpAnswer = { feasible: true, bounded: true, result: 20.8, x0: 1, x1: 5 / 6 };
    expect(readJslpAnswer(answer, { ...context, timedOut: false }).status).toBe("error");
  });

  it("refuses an integral answer that breaks a row", () => {
    // weight 5 + 6 + 3 = 14 > 10
    const answer: JslpAnswer = { feasible: true, bounded: true, result: 30, x0: 1, x1: 1, x2: 1 };
    const result = readJslpAnswer(answer, { ...context, timedOut: true });
    expect(result.status).toBe("timedout");
    expect(result.message).toContain("capacity (kg)");
  });

  it.each([
    // weight 6 + 3 = 9 ≤ 10, value 13 + 7 = 20; missing x0 reads as 0
    [{ feasible: true, bounded: true, result: 20, x1: 1, x2: 1 }, false, "optimal"],
    [{ feasible: true, bounded: true, result: 20, x1: 1, x2: 1 }, true, "feasible"],
    [{ feasible: false, bounded: true, result: 0 }, false, "infeasible"],
    [{ feasible: false, bounded: true, result: 0 }, true, "timedout"],
    [{ feasible: true, bounded: false, result: Number.POSITIVE_INFINITY }, false, "unbounded"],
  ] as const)("reads %j (timed out: %s) as %s", (answer, timedOut, status) => {
    expect(readJslpAnswer(answer, { ...context, timedOut }).status).toBe(status);
  });
});

describe("buildJslpModel", () => {
  it("turns bounds into rows and free variables into unrestricted ones", () => {
    const shifted = {
      direction: "minimize" as const,
      objective: { "a b": 1 },
      constraints: [],
      variables: [{ name: "a b", kind: "integer" as const, lower: 2, upper: 5 }, { name: "free", kind: "continuous" as const, lower: Number.NEGATIVE_INFINITY }],
    };
    const built = buildJslpModel(shifted, buildNameMap(shifted), 1000) as { constraints: object; unrestricted: object; ints: object };
    expect(built.constraints).toEqual({ lb0: { min: 2 }, ub0: { max: 5 } });
    expect(built.unrestricted).toEqual({ x1: 1 });
    expect(built.ints).toEqual({ x0: 1 });
  });

  it("solves end to end", async () => {
    // {1, 2}: weight 9, value 20 beats {0, 2}: 17 and {0}: 10
    const result = await jslpEngine.solve(model, { timeLimitMs: 5000 });
    expect(result.status).toBe("optimal");
    expect(result.objective).toBe(20);
  });
});
