import { describe, expect, it } from "vitest";
import { computeMape, computeR2 } from "./fit-metrics.js";

describe("computeR2", () => {
  it.each([
    // measured, predicted, expected R²
    { measured: [1, 2, 3], predicted: [1, 2, 3], r2: 1 }, // no residual
    { measured: [1, 2, 3], predicted: [2, 2, 2], r2: 0 }, // the mean: ssRes = ssTot = 2
    { measured: [1, 2, 3], predicted: [1, 2, 4], r2: 0.5 }, // ssRes 1, ssTot 2: 1 − 1/2
    { measured: [5, 5, 5], predicted: [5, 5, 5], r2: null }, // no spread: undefined
    { measured: [], predicted: [], r2: null },
    // found by fuzzing: a prediction at 1e300 bytes overflows ssRes to Infinity (R² would be −Infinity)
    { measured: [1, 2, 3], predicted: [1, 2, 1e300], r2: null },
    { measured: [1e300, 2, 3], predicted: [1, 2, 3], r2: null }, // ssTot and ssRes both overflow: NaN
  ])("$measured against $predicted: $r2", ({ measured, predicted, r2 }) => {
    expect(computeR2(measured, predicted)).toBe(r2);
  });
});

describe("computeMape", () => {
  it("is the mean relative error in percent over the non-zero rows", () => {
    expect(computeMape([100, 200, 0], [110, 180, 5])).toBeCloseTo(10, 10);
  });

  it("stays finite when a measured value is next to zero: it is divided by a thousandth of the mean instead", () => {
    const mape = computeMape([1.5e-323, 3900, 75000, 0.75], [19895, 19895, 19895, 19895]);
    expect(Number.isFinite(mape)).toBe(true);
    // The floor is a thousandth of the mean |measured|; the 1.5e-323 and the 0.75 rows are divided by it.
    const floor = 1e-3 * ((1.5e-323 + 3900 + 75000 + 0.75) / 4);
    const expected = (100 / 4) * (19895 / floor + 15995 / 3900 + 55105 / 75000 + 19894.25 / floor);
    expect(mape).toBeCloseTo(expected, 6);
  });

  it("caps an error past the largest double at that double", () => {
    expect(computeMape([1.7976931348623155e308], [-1.7976931348623155e308])).toBe(Number.MAX_VALUE);
  });
});
