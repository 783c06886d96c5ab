import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePoints, generatePoints } from "../inputs/gen-points.js";
import { lloyd } from "./lloyd.js";

function nonIncreasing(xs: number[]): boolean {
  return xs.every((x, i) => i === 0 || x <= xs[i - 1]! * (1 + 1e-12) + 1e-9);
}

describe("lloyd", () => {
  it("never increases inertia over iterations on generated blobs", () => {
    const points = decodePoints(generatePoints(64_000, 5), 8);
    const { inertiaHistory, weights } = lloyd(points, undefined, 8, 8, 10);
    expect(inertiaHistory).toHaveLength(10);
    expect(nonIncreasing(inertiaHistory)).toBe(true);
    expect(weights.reduce((s, w) => s + w, 0)).toBe(points.length / 8); // every point assigned once
  });

  it("never increases weighted inertia on random data (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 4, maxLength: 80 }), fc.integer({ min: 1, max: 5 }), (xs, k) => {
        const points = xs.slice(0, xs.length - (xs.length % 2));
        const weights = Array.from({ length: points.length / 2 }, (_, i) => 1 + (i % 3));
        return nonIncreasing(lloyd(points, weights, 2, k, 6).inertiaHistory);
      }),
    );
  });

  it("finds two well-separated clusters exactly", () => {
    const points = [0, 0, 1, 0, 100, 100, 101, 100];
    const { centroids, inertiaHistory } = lloyd(points, undefined, 2, 2, 3);
    expect(Array.from(centroids)).toEqual([0.5, 0, 100.5, 100]);
    expect(inertiaHistory.at(-1)).toBe(1); // 4 points, each 0.5 from its centroid: 4 × 0.25
  });
});
