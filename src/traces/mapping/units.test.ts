import { describe, expect, it } from "vitest";
import { cellWithUnit } from "./units.js";

describe("cellWithUnit", () => {
  it.each([
    ["61 MB", 61, "MB"],
    ["12.5ms", 12.5, "ms"],
    ["1.5 s", 1.5, "s"],
    ["128Mi", 128, "MiB"],
    ["2 GiB", 2, "GiB"],
    ["250 µs", 250, "us"],
    ["1e3 bytes", 1000, "B"],
  ])("%s is %d %s", (text, value, unit) => {
    expect(cellWithUnit(text)).toEqual({ value, unit });
  });

  it.each(["61", "MB", "61 parsecs", "61 M B", "", "1,5 MB", "12 ms 3"])("%j is no number with a unit", (text) => {
    expect(cellWithUnit(text)).toBeUndefined();
  });
});
