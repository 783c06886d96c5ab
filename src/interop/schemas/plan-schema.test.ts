import { describe, expect, it } from "vitest";
import { evaluate } from "../../plan/evaluate.js";
import { plan } from "../../plan/plan.js";
import { planSchema } from "./plan-schema.js";

// A scheduler stores a plan and reads it back through the public planSchema. The schema lacked
// placement[].memoryMb and sizing, so parse() stripped them: a plan sized with memorySizes came back
// without the memory each stage is to be configured with (evaluate() then takes each stage at its
// predicted peak) and without its sizing report.
const dag = {
  name: "open",
  stages: [{ id: "map", function: "sort-map", instances: "auto" }, { id: "reduce", function: "sort-reduce" }],
  edges: [{ from: "map", to: "reduce", pattern: "shuffle" }],
};

describe("planSchema.parse of a stored plan", () => {
  it("keeps every field plan() wrote, placement memory and sizing included", async () => {
    const options = { memorySizes: [512, 3008], budgetUsd: 1 };
    const p = await plan(dag, "2 GiB", options);
    const stored = JSON.parse(JSON.stringify(p)) as unknown;
    expect(p.placement.every((s) => s.memoryMb !== undefined)).toBe(true);
    expect(p.sizing).toBeDefined();
    const parsed = planSchema.parse(stored);
    expect(parsed).toEqual(stored);
    const e = await evaluate(dag, "2 GiB", parsed, options);
    expect([e.makespanMs, e.costUsd]).toEqual([p.predicted.makespanMs, p.predicted.costUsd]);
  });
});
