import { describe, expect, it } from "vitest";
import { mulberry32, mulberry32U32 } from "./mulberry32.js";

describe("mulberry32", () => {
  it("floats are the integers over 2^32, in [0, 1), and deterministic per seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const u = mulberry32U32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBe(u() / 4294967296);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});
