import { describe, expect, it } from "vitest";
import { createPrng } from "./prng.js";

describe("createPrng", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const draw = (seed: number) => Array.from({ length: 20 }, createPrng(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("keeps next() in [0, 1) and int(n) in [0, n)", () => {
    const prng = createPrng(1);
    for (let i = 0; i < 10_000; i++) {
      const u = prng.next();
      expect(u >= 0 && u < 1).toBe(true);
      const k = prng.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
  });

  it("draws normals with mean ≈ 0 and variance ≈ 1 (n = 20000, 5 standard errors)", () => {
    const prng = createPrng(9);
    const xs = Array.from({ length: 20_000 }, prng.normal);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(20_000));
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});
