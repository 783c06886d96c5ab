import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import type { MilpModel } from "./model.js";
import { validateMilpModel } from "./validate-model.js";

const valid: MilpModel = {
  direction: "minimize",
  objective: { x: 1 },
  constraints: [{ name: "r", terms: { x: 1, y: 1 }, lower: 1 }],
  variables: [{ name: "x", kind: "continuous" }, { name: "y", kind: "binary" }],
};

function issuesOf(model: MilpModel): { path: readonly (string | number)[]; code: string; actual?: string }[] {
  try {
    validateMilpModel(model);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues.map(({ path, code, actual }) => ({ path, code, ...(actual === undefined ? {} : { actual }) }));
  }
}

describe("validateMilpModel", () => {
  it("accepts a valid model", () => {
    expect(issuesOf(valid)).toEqual([]);
  });

  it.each<{ label: string; model: MilpModel; path: (string | number)[]; code: string }>([
    { label: "unknown variable in a constraint", model: { ...valid, constraints: [{ name: "r", terms: { z: 1 } }] }, path: ["constraints", 0, "terms", "z"], code: "SLU6501" },
    { label: "unknown variable in the objective", model: { ...valid, objective: { w: 1 } }, path: ["objective", "w"], code: "SLU6501" },
    { label: "NaN coefficient", model: { ...valid, objective: { x: Number.NaN } }, path: ["objective", "x"], code: "SLU6502" },
    { label: "variable lower > upper", model: { ...valid, variables: [{ name: "x", kind: "continuous" as const, lower: 3, upper: 2 }, valid.variables[1]!] }, path: ["variables", 0], code: "SLU6504" },
    { label: "constraint lower > upper", model: { ...valid, constraints: [{ name: "r", terms: { x: 1 }, lower: 5, upper: 4 }] }, path: ["constraints", 0], code: "SLU6504" },
    { label: "NaN bound", model: { ...valid, constraints: [{ name: "r", terms: { x: 1 }, upper: Number.NaN }] }, path: ["constraints", 0, "upper"], code: "SLU6503" },
    { label: "duplicate variable", model: { ...valid, variables: [...valid.variables, { name: "x", kind: "integer" as const }] }, path: ["variables", 2, "name"], code: "SLU6505" },
    { label: "binary bounds outside [0, 1]", model: { ...valid, variables: [valid.variables[0]!, { name: "y", kind: "binary" as const, lower: 2 }] }, path: ["variables", 1], code: "SLU6503" },
    { label: "unknown kind", model: { ...valid, variables: [valid.variables[0]!, { name: "y", kind: "boolean" as never }] }, path: ["variables", 1, "kind"], code: "SLU6506" },
  ])("rejects $label", ({ model, path, code }) => {
    expect(issuesOf(model)).toContainEqual(expect.objectContaining({ path, code }));
  });

  it("reports every issue at once, with the actual value", () => {
    const issues = issuesOf({ ...valid, direction: "down" as never, objective: { ghost: Number.POSITIVE_INFINITY } });
    expect(issues.map((i) => i.path)).toEqual([["direction"], ["objective", "ghost"], ["objective", "ghost"]]);
    expect(issues[0]!.actual).toBe('"down"');
  });
});
