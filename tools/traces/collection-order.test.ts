import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectionOrder } from "./collection-order.js";

describe("collection order", () => {
  it.each([
    // sizes, repeats → steps: sizes · repeats (each pair once)
    [1, 1, 1],
    [14, 3, 42], // the default collection: 14 sizes × 3 repeats
    [3, 0, 0], // no repeats, nothing to run
  ])("%d sizes × %d repeats: %d steps", (sizes, repeats, steps) => {
    expect(collectionOrder(sizes, repeats)).toHaveLength(steps);
  });

  it("runs in rounds: the first 14 steps are repeat 0, the next 14 repeat 1, … (a size's repeats are ≥ 1 round apart)", () => {
    const steps = collectionOrder(14, 3);
    expect(steps.map((s) => s.repeat)).toEqual([...Array(14).fill(0), ...Array(14).fill(1), ...Array(14).fill(2)]);
  });

  it("shuffles sizes within a round and differently between rounds (14 sizes: 14! orders, two equal by chance ≈ 1e-11)", () => {
    const steps = collectionOrder(14, 2);
    const round = (r: number) => steps.filter((s) => s.repeat === r).map((s) => s.sizeIndex);
    expect(round(0)).not.toEqual([...Array(14).keys()]);
    expect(round(0)).not.toEqual(round(1));
  });

  it("is reproducible: the same seed gives the same order, another seed another", () => {
    expect(collectionOrder(10, 3, 5)).toEqual(collectionOrder(10, 3, 5));
    expect(collectionOrder(10, 3, 5)).not.toEqual(collectionOrder(10, 3, 6));
  });

  it("property: every (size, repeat) pair exactly once, and every round holds each size once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 }), fc.integer(), (sizes, repeats, seed) => {
        const steps = collectionOrder(sizes, repeats, seed);
        const keys = steps.map((s) => `${s.sizeIndex}/${s.repeat}`);
        expect(new Set(keys).size).toBe(sizes * repeats);
        expect(steps.every((s) => s.sizeIndex >= 0 && s.sizeIndex < sizes && s.repeat >= 0 && s.repeat < repeats)).toBe(true);
        for (let r = 0; r < repeats; r++) expect(steps.slice(r * sizes, (r + 1) * sizes).every((s) => s.repeat === r)).toBe(true);
      }),
    );
  });
});
