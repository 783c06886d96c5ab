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
    // .NET TimeSpan text, as Application Insights writes a request's duration: [d.]hh:mm:ss[.fffffff]
    ["00:00:00.1234567", 0.1234567, "s"],
    ["00:01:30", 90, "s"],
    ["1.02:00:00.5", 86_400 + 2 * 3600 + 0.5, "s"],
  ])("%s is %d %s", (text, value, unit) => {
    expect(cellWithUnit(text)).toEqual({ value, unit });
  });

  it.each(["61", "MB", "61 parsecs", "61 M B", "", "1,5 MB", "12 ms 3", "12:00", "00:61:00", "2024-05-01T12:00:00Z"])("%j is no number with a unit", (text) => {
    expect(cellWithUnit(text)).toBeUndefined();
  });
});
