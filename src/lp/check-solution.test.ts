import { describe, expect, it } from "vitest";
import { checkSolution } from "./check-solution.js";
import type { MilpModel } from "./model.js";

const model: MilpModel = {
  direction: "maximize",
  objective: { "y[a->b]": 2, x: 1.5 },
  constraints: [
    { name: "sum ≤ 3", terms: { "y[a->b]": 1, x: 1 }, upper: 3 },
    { name: "x − y = 1", terms: { x: 1, "y[a->b]": -1 }, lower: 1, upper: 1 },
  ],
  variables: [
    { name: "y[a->b]", kind: "binary" },
    { name: "x", kind: "continuous", upper: 2.5 },
  ],
};

describe("checkSolution", () => {
  it.each<{ label: string; values: Record<string, number>; kinds: string[]; objective: number }>([
    // y = 1, x = 2: sum 3 ≤ 3, x − y = 1; objective 2 + 3 = 5
    { label: "feasible point", values: { "y[a->b]": 1, x: 2 }, kinds: [], objective: 5 },
    // within 1e-6 of integral and of the rows
    { label: "tolerances", values: { "y[a->b]": 1 - 1e-8, x: 2 + 1e-8 }, kinds: [], objective: 5 },
    // y = 0.5 fractional; x − y = 1 holds at x = 1.5
    { label: "fractional binary", values: { "y[a->b]": 0.5, x: 1.5 }, kinds: ["integrality"], objective: 3.25 },
    // y = 1, x = 3: x above 2.5, sum 4 > 3, x − y = 2 ≠ 1
    { label: "bound and rows", values: { "y[a->b]": 1, x: 3 }, kinds: ["bound", "constraint", "constraint"], objective: 6.5 },
    { label: "missing value", values: { "y[a->b]": 1 }, kinds: ["missing"], objective: Number.NaN },
  ])("$label", ({ values, kinds, objective }) => {
    const check = checkSolution(model, values);
    expect(check.violations.map((v) => v.kind)).toEqual(kinds);
    expect(check.ok).toBe(kinds.length === 0);
    if (Number.isNaN(objective)) expect(check.objective).toBeNaN();
    else expect(check.objective).toBeCloseTo(objective, 6);
  });

  it("names the violated constraint", () => {
    const check = checkSolution(model, { "y[a->b]": 1, x: 2.5 });
    expect(check.violations.map((v) => v.name)).toEqual(["sum ≤ 3", "x − y = 1"]);
  });
});
