import { describe, expect, it } from "vitest";
import { decimalPoint } from "./decimal-comma.js";

describe("decimalPoint", () => {
  it.each([
    ["61,5", "61.5"],
    ["-0,25", "-0.25"],
    ["+3,0e-3", "+3.0e-3"],
    ["1700000000,860511", "1700000000.860511"],
  ])("%s reads as %s", (cell, expected) => {
    expect(decimalPoint(cell)).toBe(expected);
  });

  it.each(["61.5", "1,234,567", "run-1,2", ",5", "5,", "map", "", "1,5 MB"])("%j is left as it is", (cell) => {
    expect(decimalPoint(cell)).toBe(cell);
  });
});
