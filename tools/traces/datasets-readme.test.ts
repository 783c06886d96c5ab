import { describe, expect, it } from "vitest";
import { mallocLine, seedsLine } from "./datasets-readme.js";

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

describe("seedsLine", () => {
  it("keeps the default collections' wording: seed = repeat number", () => {
    expect(seedsLine(1, 5)).toBe("seed = repeat number");
  });
  it("names the seeds of a collection that starts elsewhere", () => {
    expect(seedsLine(6, 5)).toMatch(/^seeds 6–10, one per repeat \(repeat r: seed 5 \+ r\)/);
  });
});
