import { describe, expect, it } from "vitest";
import { buildFoldTasks, MAX_SCORE_ROWS, scoreCandidate, scoringRows, type TargetRows } from "./cross-validate.js";
import { fitConstant, fitPolynomial } from "../regressors/polynomial.js";
import { createRandom } from "../../../test/support/synthetic-traces.js";

const MB = 1e6;

/** `n` rows over 20 sizes of 1..20 MB (row i has size (i mod 20) + 1 MB), y = 50 + 2·(x/MB) with ±10% noise. */
function rows(n: number, seed: number): TargetRows {
  const random = createRandom(seed);
  const x = Float64Array.from({ length: n }, (_, i) => ((i % 20) + 1) * MB);
  const y = Float64Array.from(x, (v) => (50 + 2 * (v / MB)) * (1 + 0.1 * (2 * random() - 1)));
  return { x, y };
}

describe("scoringRows", () => {
  it("keeps every row up to MAX_SCORE_ROWS", () => {
    const r = rows(MAX_SCORE_ROWS, 1);
    expect(scoringRows(buildFoldTasks(r, 5), r.x.length)).toBeUndefined();
  });

  it("above it, picks MAX_SCORE_ROWS distinct rows spread evenly over the sizes", () => {
    // 500,000 rows, 25,000 per size; an even pick of 200,000 keeps 2/5 of each size: 10,000 each.
    const r = rows(500_000, 2);
    const subset = scoringRows(buildFoldTasks(r, 5), r.x.length)!;
    expect(subset.length).toBe(MAX_SCORE_ROWS);
    expect(new Set(subset).size).toBe(MAX_SCORE_ROWS);
    const perSize = new Map<number, number>();
    for (const i of subset) perSize.set(r.x[i]!, (perSize.get(r.x[i]!) ?? 0) + 1);
    expect(perSize.size).toBe(20);
    for (const count of perSize.values()) expect(count).toBe(10_000);
  });
});

describe("scoreCandidate on the scoring subset", () => {
  it("gives the errors the full rows give, and the same family wins", () => {
    const r = rows(400_000, 3);
    const folds = buildFoldTasks(r, 5);
    const subset = scoringRows(folds, r.x.length)!;
    const score = (family: "linear" | "constant", sub?: Uint32Array) => {
      const outcomes = folds.tasks.map((t) => (family === "linear" ? fitPolynomial("linear", t) : fitConstant(t)));
      const c = scoreCandidate(family, r, folds, outcomes, sub);
      if (c.status !== "fitted") throw new Error(c.reason);
      return c;
    };
    for (const family of ["linear", "constant"] as const) {
      const all = score(family), sub = score(family, subset);
      // Means over 200,000 of 400,000 rows with the same per-size mix: equal to well under 0.1 percentage point.
      expect(Math.abs(sub.kfoldMapePercent! - all.kfoldMapePercent!)).toBeLessThan(0.1);
      expect(Math.abs(sub.extrapolationMapePercent! - all.extrapolationMapePercent!)).toBeLessThan(0.1);
    }
    // Uniform ±10% noise has a MAPE near 5%; a constant misses a slope of 2 ms/MB over 52..90 ms by far more.
    expect(score("linear", subset).score).toBeLessThan(score("constant", subset).score);
  });
});
