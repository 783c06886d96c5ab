import { describe, expect, it } from "vitest";
import { mallocLine } from "./datasets-readme.js";

describe("mallocLine", () => {
  it("says the threshold adapts when MALLOC_MMAP_THRESHOLD_ is not set", () => {
    expect(mallocLine(undefined)).toMatch(/not set.*adapts/);
  });
  it("names a fixed threshold and its bytes", () => {
    const line = mallocLine("131072");
    expect(line).toContain("MALLOC_MMAP_THRESHOLD_=131072");
    expect(line).toMatch(/fixed.*131072 bytes or more is mapped fresh/);
  });
});
