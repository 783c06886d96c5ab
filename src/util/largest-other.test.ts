import { describe, expect, it } from "vitest";
import { largestOtherThan } from "./largest-other.js";

describe("largestOtherThan", () => {
  const values = [5, 9, 9, 1];
  it.each([
    // indices, index asked, expected: the largest value at the other indices
    [[0, 1, 3], 1, 5], // others 5, 1 → 5
    [[0, 1, 3], 0, 9], // others 9, 1 → 9
    [[1, 2], 1, 9], // a tie: the other 9 remains
    [[3], 3, -Infinity], // no other index
  ] as const)("over %j, for %i → %d", (indices, i, expected) => {
    expect(largestOtherThan(indices, (k) => values[k]!)(i)).toBe(expected);
  });
});
