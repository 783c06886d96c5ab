import { describe, expect, it } from "vitest";
import { fixIntegers, type MilpModel } from "./model.js";

describe("fixIntegers", () => {
  it("fixes binaries and integers at their rounded values and leaves continuous variables and rows alone", () => {
    const model: MilpModel = {
      direction: "minimize",
      objective: { f: 1, y: 2 },
      variables: [
        { name: "f", kind: "continuous", upper: 1 },
        { name: "y", kind: "binary" },
        { name: "n", kind: "integer", lower: -5, upper: 5 },
      ],
      constraints: [{ name: "split", terms: { f: 1, y: -1 }, upper: 0 }],
    };
    const fixed = fixIntegers(model, { f: 0.4, y: 0.000004, n: -2.0000001 });
    expect(fixed.variables).toEqual([
      { name: "f", kind: "continuous", upper: 1 },
      { name: "y", kind: "continuous", lower: 0, upper: 0 },
      { name: "n", kind: "continuous", lower: -2, upper: -2 },
    ]);
    expect(fixed.constraints).toBe(model.constraints);
    expect(Object.is(fixIntegers(model, { y: -0.0000001 }).variables[1]!.lower, 0)).toBe(true);
  });
});
