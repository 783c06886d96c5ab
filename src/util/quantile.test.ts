import { describe, expect, it } from "vitest";
import { quantile, quantileSorted } from "./quantile.js";

describe("quantileSorted (type 7)", () => {
  it.each([
    // sorted values, q, expected: h = q·(n − 1), then x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])
    [[10, 20, 30, 40], 0, 10], // h = 0 → x[0]
    [[10, 20, 30, 40], 1, 40], // h = 3 → x[3]
    [[10, 20, 30, 40], 0.5, 25], // h = 1.5 → 20 + 0.5·(30 − 20)
    [[10, 20, 30, 40], 0.25, 17.5], // h = 0.75 → 10 + 0.75·(20 − 10)
    [[10, 20, 30, 40], 0.9, 37], // h = 2.7 → 30 + 0.7·(40 − 30) = 37 (to float rounding)
    [[1, 2, 3, 4, 5], 0.5, 3], // h = 2 → x[2], the middle value
    [[1, 2, 3, 4, 5], 0.1, 1.4], // h = 0.4 → 1 + 0.4·(2 − 1)
    [[7], 0.3, 7], // n = 1: h = 0 → the one value
    [[2, 2, 8], 0.75, 5], // h = 1.5 → 2 + 0.5·(8 − 2)
    [[-4, 0, 4], 0.5, 0], // h = 1 → x[1]
    [[10, 20, 30, 40], -0.5, 10], // q clamped to 0
    [[10, 20, 30, 40], 1.5, 40], // q clamped to 1
  ] as const)("%j at q = %d → %d", (sorted, q, expected) => {
    expect(quantileSorted(sorted, q)).toBeCloseTo(expected, 12);
  });

  it("is NaN when there are no values", () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });

  it("reads typed arrays as well", () => {
    // h = 0.5·2 = 1 → x[1] = 2
    expect(quantileSorted(Float64Array.from([1, 2, 3]), 0.5)).toBe(2);
  });
});

describe("quantile (values in any order)", () => {
  it.each([
    // values, q, expected: as above on the values sorted ascending
    [[40, 10, 30, 20], 0.5, 25], // sorted 10 20 30 40: h = 1.5 → 20 + 0.5·10
    [[3, 1, 2], 0, 1], // sorted 1 2 3: h = 0 → 1
    [[3, 1, 2], 1, 3], // h = 2 → 3
    [[5, 1, 4, 2, 3], 0.9, 4.6], // sorted 1..5: h = 3.6 → 4 + 0.6·(5 − 4)
  ] as const)("%j at q = %d → %d", (values, q, expected) => {
    expect(quantile(values, q)).toBeCloseTo(expected, 12);
  });

  it("leaves its input as it was, and is NaN when empty", () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
