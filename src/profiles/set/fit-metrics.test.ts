import { describe, expect, it } from "vitest";
import { computeR2 } from "./fit-metrics.js";

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
