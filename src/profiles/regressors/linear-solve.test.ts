import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gaussianSolve, loadMathjsSolver } from "./linear-solve.js";

describe("gaussianSolve", () => {
  it.each([
    // 2x + y = 5, x + 3y = 10 → x = 1, y = 3
    { a: [[2, 1], [1, 3]], b: [5, 10], x: [1, 3] },
    // a zero first pivot needs the row swap: y = 2, x = 4
    { a: [[0, 1], [1, 0]], b: [2, 4], x: [4, 2] },
    { a: [[4]], b: [2], x: [0.5] },
  ])("solves $a x = $b", ({ a, b, x }) => {
    const got = gaussianSolve(a, b)!;
    got.forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 12));
  });

  it("calls a singular matrix singular", () => {
    expect(gaussianSolve([[1, 2], [2, 4]], [1, 2])).toBeUndefined();
    expect(gaussianSolve([[0, 0], [0, 0]], [0, 0])).toBeUndefined();
  });

  it("agrees with mathjs's lusolve (loaded on demand) on random well-conditioned systems up to 4×4", async () => {
    const mathjs = await loadMathjsSolver();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }))), ([a, b]) => {
        // diagonally dominant: |a_ii| > Σ|a_ij|, so both solvers must find the one solution
        const dominant = a.map((row, i) => row.map((v, j) => (i === j ? row.reduce((s, x) => s + Math.abs(x), 0) + 1 : v)));
        const mine = gaussianSolve(dominant, b)!;
        const theirs = mathjs(dominant, b)!;
        mine.forEach((v, i) => expect(v).toBeCloseTo(theirs[i]!, 9));
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
