import { describe, expect, it } from "vitest";
import { buildSpeedupTable, MAX_TABLE_SETTINGS, MAX_TABLE_SIZES, type SizeCell, speedupAt } from "./memory-speedups.js";

const cell = (inputBytes: number, runtimes: Record<number, number>): SizeCell => ({ inputBytes, logRuntimeBySetting: new Map(Object.entries(runtimes).map(([m, y]) => [Number(m), Math.log(y)])) });
const SETTINGS = [512, 1024, 2048];

describe("buildSpeedupTable", () => {
  it("keeps each size's measured ratios to the reference setting", () => {
    const t = buildSpeedupTable([cell(2e6, { 512: 40, 1024: 20, 2048: 10 }), cell(1e6, { 512: 30, 1024: 20, 2048: 20 })], SETTINGS, 1024, -0.5)!;
    expect(t.sizesBytes).toEqual([1e6, 2e6]);
    expect(t.logFactors.map((r) => r.map((v) => Number(Math.exp(v).toFixed(6))))).toEqual([[1.5, 1, 1], [2, 1, 0.5]]);
  });

  it("fills a setting a size was not traced at from the exponent", () => {
    const t = buildSpeedupTable([cell(1e6, { 512: 40, 1024: 20 })], SETTINGS, 1024, -0.5)!;
    expect(Math.exp(t.logFactors[0]![2]!)).toBeCloseTo(2 ** -0.5, 9);
  });

  it("keeps every factor physical: never slower with more memory, never faster than perfect scaling", () => {
    // noise: 2048 MB measured slower than 1024 MB, and 512 MB more than twice as slow as 1024 MB
    const t = buildSpeedupTable([cell(1e6, { 512: 50, 1024: 20, 2048: 22 })], SETTINGS, 1024, -0.5)!;
    expect(t.logFactors[0]!.map((v) => Number(Math.exp(v).toFixed(6)))).toEqual([2, 1, 1]);
    // faster than perfect above the reference is clamped to perfect (2048 MB: at most 2× faster)
    const fast = buildSpeedupTable([cell(1e6, { 512: 40, 1024: 20, 2048: 5 })], SETTINGS, 1024, -0.5)!;
    expect(Math.exp(fast.logFactors[0]![2]!)).toBeCloseTo(0.5, 9);
  });

  it("needs a size traced at the reference and another setting, and at most MAX_TABLE_SETTINGS settings", () => {
    expect(buildSpeedupTable([cell(1e6, { 512: 40, 2048: 10 }), cell(2e6, { 1024: 20 })], SETTINGS, 1024, -0.5)).toBeUndefined();
    const many = Array.from({ length: MAX_TABLE_SETTINGS + 1 }, (_, i) => 128 * (i + 1));
    expect(buildSpeedupTable([cell(1e6, { 128: 40, 256: 20 })], many, 128, -1)).toBeUndefined();
  });

  it("keeps at most MAX_TABLE_SIZES sizes, the smallest and largest among them", () => {
    const cells = Array.from({ length: 100 }, (_, i) => cell((i + 1) * 1e5, { 512: 40, 1024: 20 }));
    const t = buildSpeedupTable(cells, [512, 1024], 1024, -1)!;
    expect(t.sizesBytes).toHaveLength(MAX_TABLE_SIZES);
    expect([t.sizesBytes[0], t.sizesBytes[MAX_TABLE_SIZES - 1]]).toEqual([1e5, 1e7]);
  });
});

describe("speedupAt", () => {
  const t = buildSpeedupTable([cell(1e6, { 512: 40, 1024: 20, 2048: 10 }), cell(4e6, { 512: 20, 1024: 20, 2048: 20 })], SETTINGS, 1024, -0.5)!;

  it("is the measured factor at a traced size and setting", () => {
    expect(speedupAt(t, 512, 1e6)).toBeCloseTo(2, 9);
    expect(speedupAt(t, 2048, 4e6)).toBeCloseTo(1, 9);
  });

  it("interpolates in ln m between settings and in ln(1 + x) between sizes", () => {
    // 724 MB is halfway between 512 and 1024 in ln m: factor √2 at 1 MB
    expect(speedupAt(t, Math.sqrt(512 * 1024), 1e6)).toBeCloseTo(Math.SQRT2, 6);
    // halfway in ln(1 + x) between the sizes, at 512 MB: ln 2 / 2
    const mid = Math.expm1((Math.log1p(1e6) + Math.log1p(4e6)) / 2);
    expect(speedupAt(t, 512, mid)).toBeCloseTo(Math.SQRT2, 6);
  });

  it("holds the edge values outside the table", () => {
    expect(speedupAt(t, 256, 1e6)).toBeCloseTo(speedupAt(t, 512, 1e6), 12);
    expect(speedupAt(t, 8192, 1e6)).toBeCloseTo(speedupAt(t, 2048, 1e6), 12);
    expect(speedupAt(t, 512, 1e3)).toBeCloseTo(speedupAt(t, 512, 1e6), 12);
    expect(speedupAt(t, 512, 1e12)).toBeCloseTo(speedupAt(t, 512, 4e6), 12);
  });
});
