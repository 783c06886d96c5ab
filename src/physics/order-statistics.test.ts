import { describe, expect, it } from "vitest";
import { mulberry32 } from "../util/mulberry32.js";
import { lognormalAtoms, meanOf, pointAtoms, type Atoms } from "./distribution.js";
import { normalQuantile } from "./normal.js";
import { expectedMax, expectedSpan, spanQuantile } from "./order-statistics.js";

const twoPoint: Atoms = { values: [500, 1500], probs: [0.5, 0.5] };

describe("expectedMax = Σ v_k (F_k^n − F_{k−1}^n)", () => {
  it.each([
    { n: 1, e: 1000 }, // the mean
    { n: 2, e: 1250 }, // 500 · ¼ + 1500 · ¾
    { n: 4, e: 1437.5 }, // 500 / 16 + 1500 · 15/16
  ])("two-point 500/1500, n = $n → $e", ({ n, e }) => {
    expect(expectedMax(twoPoint, n)).toBeCloseTo(e, 9);
  });

  it("a point is its own maximum", () => {
    expect(expectedMax(pointAtoms(7), 1000)).toBe(7);
  });

  it("matches a lognormal's expected maximum (cv 0.1): E[max of 64] ≈ mean · 1.24", () => {
    // Reference by quadrature: E[max of n] = ∫ Q(v^{1/n}) dv, 20,000 midpoints.
    const cv = 0.1;
    const s2 = Math.log(1 + cv * cv);
    const q = (u: number) => Math.exp(-s2 / 2 + Math.sqrt(s2) * normalQuantile(u));
    for (const n of [1, 8, 64, 1000]) {
      let ref = 0;
      for (let k = 0; k < 20000; k++) ref += q(Math.pow((k + 0.5) / 20000, 1 / n)) / 20000;
      expect(expectedMax(lognormalAtoms(1, cv), n)).toBeCloseTo(ref, 2);
    }
    expect(meanOf(lognormalAtoms(3, cv))).toBeCloseTo(3, 9);
  });
});

describe("expectedSpan: n draws on S slots", () => {
  it.each([
    { n: 4, slots: 4, e: 1437.5 }, // one wave: E[max of 4]
    { n: 8, slots: 4, e: 2750 }, // see stage-terms.test.ts for the arithmetic
  ])("two-point, n = $n on $slots slots → $e", ({ n, slots, e }) => {
    expect(expectedSpan(twoPoint, n, slots)).toBeCloseTo(e, 9);
  });

  it("a point distribution runs in waves: ceil(n / S) · v", () => {
    expect(expectedSpan(pointAtoms(100), 65, 64)).toBe(200);
    expect(expectedSpan(pointAtoms(100), 640, 64)).toBe(1000);
  });

  // Monte Carlo of list scheduling (each slot takes the next instance when free), 400 runs per case.
  const listSchedule = (n: number, slots: number, cv: number, runs: number): number => {
    const rnd = mulberry32(7);
    const s2 = Math.log(1 + cv * cv);
    let total = 0;
    for (let r = 0; r < runs; r++) {
      const free = new Array(Math.min(slots, n)).fill(0);
      for (let j = 0; j < n; j++) {
        let m = 0;
        for (let i = 1; i < free.length; i++) if (free[i] < free[m]) m = i;
        free[m] += Math.exp(-s2 / 2 + Math.sqrt(s2) * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, rnd()))));
      }
      total += Math.max(...free);
    }
    return total / runs;
  };
  it.each([
    { n: 65, slots: 64, cv: 0.1 },
    { n: 96, slots: 64, cv: 0.1 },
    { n: 256, slots: 64, cv: 0.1 },
    { n: 100, slots: 16, cv: 0.3 },
    { n: 30, slots: 8, cv: 0.03 },
  ])("within 6% of a Monte Carlo of list scheduling: n = $n on $slots slots, cv $cv", ({ n, slots, cv }) => {
    const mc = listSchedule(n, slots, cv, 400);
    const law = expectedSpan(lognormalAtoms(1, cv), n, slots);
    expect(Math.abs(law / mc - 1)).toBeLessThan(0.06);
  });
});

describe("spanQuantile: the q-quantile of the span", () => {
  it.each([
    // one wave of 4: P(max ≤ 500) = ½⁴ = 0.0625, so q ≤ 0.0625 gives 500 and above gives 1500
    { n: 4, slots: 4, q: 0.05, x: 500 },
    { n: 4, slots: 4, q: 0.5, x: 1500 },
    // two waves (see expectedSpan): P(span ≤ 2000) = ¼, else 3000
    { n: 8, slots: 4, q: 0.2, x: 2000 },
    { n: 8, slots: 4, q: 0.95, x: 3000 },
  ])("two-point, n = $n on $slots slots, q $q → $x", ({ n, slots, q, x }) => {
    expect(spanQuantile(twoPoint, n, slots, q)).toBe(x);
  });

  it("a lognormal's maximum: the quantile where F(x)^n = q, Q(q^(1/n))", () => {
    // n = 16, q = 0.95: u = 0.95^(1/16) = 0.99680 → z = 2.727; cv 0.1: σ = 0.09975 → e^(−σ²/2 + 2.727σ) ≈ 1.3066
    const cv = 0.1;
    const s2 = Math.log(1 + cv * cv);
    const exact = Math.exp(-s2 / 2 + Math.sqrt(s2) * normalQuantile(Math.pow(0.95, 1 / 16)));
    expect(spanQuantile(lognormalAtoms(1, cv), 16, 16, 0.95) / exact).toBeCloseTo(1, 1);
  });
});
