import { describe, expect, it } from "vitest";
import { createRandom } from "../../../test/support/synthetic-traces.js";
import { fitConstant, fitPolynomial, predictPolynomial } from "./polynomial.js";
import { fitPowerLaw, predictPowerLaw } from "./power-law.js";
import type { FitOutcome, ModelArtifact } from "./types.js";

const MB = 1e6;
const SIZES = [1, 2, 4, 8, 16, 32, 64].map((m) => m * MB);

function model(o: FitOutcome): ModelArtifact {
  if (o.status !== "fitted") throw new Error(o.reason);
  return o.model;
}

describe("polynomial and linear fits", () => {
  it.each([
    // family, law; evaluated at 48 MB (inside the range, not a training point)
    ["linear", (x: number) => 40 + 0.9 * (x / MB)], // 40 + 0.9·48 = 83.2
    ["poly2", (x: number) => 20 + 3e-12 * x * x], // 20 + 3e-12·(4.8e7)² = 6932
    ["poly3", (x: number) => 5 + 1e-20 * x ** 3 + 2 * (x / MB)], // 5 + 1e-20·1.106e23 + 96 = 1207.2
  ] as const)("%s recovers a clean law to 1e-6 relative", (family, law) => {
    const m = model(fitPolynomial(family, { inputBytes: SIZES, values: SIZES.map(law) }));
    const x = 48 * MB;
    expect(predictPolynomial(m as Extract<ModelArtifact, { family: typeof family }>, x) / law(x)).toBeCloseTo(1, 6);
  });

  it("needs degree + 1 distinct sizes", () => {
    const out = fitPolynomial("poly3", { inputBytes: [1, 2, 3, 3], values: [1, 2, 3, 3] });
    expect(out).toEqual({ status: "not-applicable", reason: "needs 4 distinct input sizes, got 3" });
  });

  it("constant is the mean", () => {
    // (1 + 2 + 6) / 3 = 3
    expect(model(fitConstant({ inputBytes: [1, 1, 1], values: [1, 2, 6] }))).toEqual({ family: "constant", value: 3 });
  });

  it("quadratic with 5% noise stays within 5% of the truth inside the range", () => {
    const random = createRandom(11);
    const law = (x: number) => 20 + 3e-12 * x * x;
    const xs = SIZES.flatMap((x) => [x, x, x]);
    const m = model(fitPolynomial("poly2", { inputBytes: xs, values: xs.map((x) => law(x) * (1 + 0.05 * (2 * random() - 1))) }));
    for (const x of [3 * MB, 24 * MB, 60 * MB]) expect(Math.abs(predictPolynomial(m as never, x) / law(x) - 1)).toBeLessThan(0.05);
  });
});

describe("power law", () => {
  it.each([
    // a · x^b at x = 100 MB = 1e8: 1e-4 · 1e8^1.5 = 1e8; 3 · 1e8^0.5 = 30000
    [1e-4, 1.5, 1e8],
    [3, 0.5, 30000],
  ])("recovers %f · x^%f (value %f at 100 MB) to 1e-3, also 2× beyond the data", (a, b, at100) => {
    const m = model(fitPowerLaw({ inputBytes: SIZES, values: SIZES.map((x) => a * x ** b) }));
    if (m.family !== "power") throw new Error("family");
    expect(m.exponent).toBeCloseTo(b, 3);
    expect(predictPowerLaw(m, 1e8) / at100).toBeCloseTo(1, 3);
    expect(predictPowerLaw(m, 128 * MB) / (a * (128 * MB) ** b)).toBeCloseTo(1, 3);
  });

  it.each([
    // values of order 1 in their unit: 0.03·(x/MB) ms over 10–100 MB is 0.3–3 ms; at 200 MB the law gives 6 ms.
    // Fitted on ln(1 + y) the slope would read (ln 4 − ln 1.3) / ln 10 = 0.49 and predict e^(ln 4 + 0.49·ln 2) − 1 = 4.6 ms.
    ["ms", 0.03, 6],
    // the same law written in seconds: 3e-5·(x/MB) s, 6e-3 s at 200 MB — the unit must not change the law
    ["s", 3e-5, 6e-3],
  ])("values of order 1 (%s): a linear law is recovered as exponent 1, 2× beyond within 1e-3", (_unit, perMb, at200) => {
    const xs = [10, 20, 40, 70, 100].map((m) => m * MB);
    const m = model(fitPowerLaw({ inputBytes: xs, values: xs.map((x) => perMb * (x / MB)) }));
    if (m.family !== "power") throw new Error("family");
    expect(m.offset).toBe(0);
    expect(m.exponent).toBeCloseTo(1, 3);
    expect(predictPowerLaw(m, 200 * MB) / at200).toBeCloseTo(1, 3);
  });

  it("a stored law without an offset predicts as it was fitted, on ln(1 + y)", () => {
    // e^(ln 3 + 0.5·ln(1 + 99)) − 1 = 3·10 − 1 = 29
    expect(predictPowerLaw({ family: "power", logScale: Math.log(3), exponent: 0.5 }, 99)).toBeCloseTo(29, 9);
  });

  it("guards zero input and zero output (offset 1: ln(1 + y)), never NaN", () => {
    const m = model(fitPowerLaw({ inputBytes: [0, 10, 100, 1000], values: [0, 0, 5, 50] }));
    if (m.family !== "power") throw new Error("family");
    expect(m.offset).toBe(1);
    expect(Number.isFinite(predictPowerLaw(m, 0))).toBe(true);
    expect(Number.isFinite(m.exponent)).toBe(true);
  });

  it("with ±10% noise: exponent within 0.05, and 2× beyond the data within 10%", () => {
    const random = createRandom(5);
    const xs = SIZES.flatMap((x) => [x, x]);
    const m = model(fitPowerLaw({ inputBytes: xs, values: xs.map((x) => 2e-3 * x ** 1.2 * (1 + 0.1 * (2 * random() - 1))) }));
    if (m.family !== "power") throw new Error("family");
    expect(Math.abs(m.exponent - 1.2)).toBeLessThan(0.05);
    expect(Math.abs(predictPowerLaw(m, 128 * MB) / (2e-3 * (128 * MB) ** 1.2) - 1)).toBeLessThan(0.1);
  });
});
