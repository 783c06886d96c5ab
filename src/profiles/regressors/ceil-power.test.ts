import { describe, expect, it } from "vitest";
import { fitCeilPower, predictCeilPower } from "./ceil-power.js";
import type { CeilPowerArtifact, FitOutcome } from "./types.js";

const KIB = 1024;
const MIB = 1048576;

function model(o: FitOutcome): CeilPowerArtifact {
  if (o.status !== "fitted" || o.model.family !== "ceil-power") throw new Error(o.status === "fitted" ? o.model.family : o.reason);
  return o.model;
}

describe("ceil-power", () => {
  it("recovers ⌈√(x / 256 KiB)⌉ exactly from its steps, also 2× beyond the data", () => {
    const law = (x: number) => Math.ceil(Math.sqrt(x / (256 * KIB)));
    const xs = [0.25, 0.5, 1, 2, 4, 8, 12, 16, 24, 32, 48, 64].map((m) => m * MIB); // 1, 2, 2, 3, 4, 6, 7, 8, 10, 12, 14, 16
    const m = model(fitCeilPower({ inputBytes: xs, values: xs.map(law) }));
    for (const x of [...xs, ...[3, 20, 96, 128].map((h) => h * MIB)]) expect(predictCeilPower(m, x)).toBe(law(x)); // 96 MiB: ⌈19.6⌉ = 20; 128 MiB: ⌈22.6⌉ = 23
  });

  it("few steps leave the law loose: ⌈x / 8 MiB⌉ from 4–64 MiB is exact inside, within one count at 2×", () => {
    // Trained counts 1, 1, 2, 2, 3, 4, 6, 8: many laws pass through these steps; the fit takes the
    // one furthest from every step edge, which need not be the true line beyond the data.
    const law = (x: number) => Math.ceil(x / (8 * MIB));
    const xs = [4, 8, 12, 16, 24, 32, 48, 64].map((m) => m * MIB);
    const m = model(fitCeilPower({ inputBytes: xs, values: xs.map(law) }));
    for (const x of xs) expect(predictCeilPower(m, x)).toBe(law(x));
    for (const x of [96, 128].map((h) => h * MIB)) expect(Math.abs(predictCeilPower(m, x) - law(x))).toBeLessThanOrEqual(1); // 12 and 16
  });

  it("predicts whole counts ≥ 1", () => {
    // √(x / 1 MiB) over 1–64 MiB: 1, 2, …, 8; at 1 KiB the law gives 0.03, clamped to 1.
    const xs = [1, 4, 9, 16, 25, 36, 49, 64].map((m) => m * MIB);
    const m = model(fitCeilPower({ inputBytes: xs, values: [1, 2, 3, 4, 5, 6, 7, 8] }));
    for (const x of [KIB, 2.5 * MIB, 50 * MIB, 200 * MIB]) {
      const y = predictCeilPower(m, x);
      expect(Number.isInteger(y) && y >= 1).toBe(true);
    }
    expect(predictCeilPower(m, KIB)).toBe(1);
  });

  it("one count seen: a flat law in the middle of its step", () => {
    // y = 3 everywhere: latent ln(2.5), exponent 0 → ⌈2.5⌉ = 3 at every size.
    const m = model(fitCeilPower({ inputBytes: [1, 10, 100], values: [3, 3, 3] }));
    expect(m.exponent).toBe(0);
    expect(predictCeilPower(m, 1e9)).toBe(3);
  });

  it("contradicting rows: the least-violating law stays within one step", () => {
    // The same size traced as 4 and 5 parts: no law satisfies both; the fit lands between them.
    const xs = [1, 2, 4, 8, 8].map((m) => m * MIB);
    const m = model(fitCeilPower({ inputBytes: xs, values: [2, 3, 4, 5, 6] }));
    expect([5, 6]).toContain(predictCeilPower(m, 8 * MIB));
  });

  it.each([
    [[1, 2, 3], [1.5, 2, 3], "needs whole counts ≥ 1, got 1.5"],
    [[1, 2, 3], [0, 2, 3], "needs whole counts ≥ 1, got 0"],
    [[5, 5, 5], [1, 2, 3], "needs 2 distinct input sizes, got 1"],
  ])("does not apply to sizes %j with values %j", (inputBytes, values, reason) => {
    expect(fitCeilPower({ inputBytes, values })).toEqual({ status: "not-applicable", reason });
  });
});
