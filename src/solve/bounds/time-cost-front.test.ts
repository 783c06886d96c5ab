import { describe, expect, it } from "vitest";
import { cheapestBy, coarsen, combineMax, earliestWithin, pruneFront, type FrontPoint } from "./time-cost-front.js";

const pts = (...xs: [number, number][]): FrontPoint[] => xs.map(([timeMs, costUsd]) => ({ timeMs, costUsd }));

describe("time-cost fronts", () => {
  it.each([
    // (3, 5) is dominated by (2, 4); (4, 4) by (2, 4); the rest fall in cost as time grows
    { label: "drops dominated points", input: pts([3, 5], [1, 9], [2, 4], [4, 4], [6, 1]), expected: pts([1, 9], [2, 4], [6, 1]) },
    // equal points keep one
    { label: "keeps one of equal points", input: pts([2, 3], [2, 3]), expected: pts([2, 3]) },
  ])("pruneFront: $label", ({ input, expected }) => {
    expect(pruneFront([...input])).toEqual(expected);
  });

  it.each([
    // a = {(1, 10), (5, 2)}, b = {(2, 6), (4, 1)}: every pair is (max t, sum c):
    // (2, 16) (4, 11) (5, 8) (5, 3) → front (2, 16), (4, 11), (5, 3)
    { a: pts([1, 10], [5, 2]), b: pts([2, 6], [4, 1]), expected: pts([2, 16], [4, 11], [5, 3]) },
    // combining with the origin {(0, 0)} changes nothing
    { a: pts([0, 0]), b: pts([3, 7], [8, 2]), expected: pts([3, 7], [8, 2]) },
  ])("combineMax pairs the parts as (max, +)", ({ a, b, expected }) => {
    expect(combineMax(a, b)).toEqual(expected);
    expect(combineMax(b, a)).toEqual(expected);
  });

  it("coarsen keeps each run's first time and last cost, so every dropped point stays dominated", () => {
    // times 100, 100.0005, 100.001 lie within 1e-5 of 100: one run → (100, 7); 200 and 200.001 → (200, 3)
    const front = pts([100, 9], [100.0005, 8], [100.001, 7], [200, 4], [200.001, 3]);
    const out = coarsen(front, 2, 1e-5);
    expect(out).toEqual(pts([100, 7], [200, 3]));
    for (const p of front) expect(out.some((q) => q.timeMs <= p.timeMs && q.costUsd <= p.costUsd)).toBe(true);
    expect(coarsen(front, 10, 1e-5)).toEqual(front); // under the cap: unchanged
  });

  it("reads the earliest time within a budget and the cheapest cost by a deadline", () => {
    const front = pts([1, 10], [3, 6], [7, 2]);
    expect(earliestWithin(front, 6)).toBe(3);
    expect(earliestWithin(front, 1)).toBe(Infinity);
    expect(cheapestBy(front, 5)).toBe(6);
    expect(cheapestBy(front, 0.5)).toBe(Infinity);
  });
});
