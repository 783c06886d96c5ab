import { describe, expect, it } from "vitest";
import { inputCuts } from "./input-split.js";

describe("inputCuts", () => {
  it.each([
    // 1,000 bytes into 3: even cuts 333 and 666 move up to the next 100-byte record: 400, 700.
    { fn: "sort-map", total: 1000, parts: 3, cuts: [0, 400, 700, 1000] },
    // k-means points are 32 bytes: 640 into 2 → 320 is already whole.
    { fn: "kmeans-split", total: 640, parts: 2, cuts: [0, 320, 640] },
    // A user function gets plain byte ranges: 10 into 4 → 2, 5, 7.
    { fn: "my-fn", total: 10, parts: 4, cuts: [0, 2, 5, 7, 10] },
    // One part: the whole input.
    { fn: "sort-map", total: 1000, parts: 1, cuts: [0, 1000] },
  ])("$fn: $total bytes into $parts → $cuts", ({ fn, total, parts, cuts }) => {
    expect(inputCuts(fn, undefined, total, parts)).toEqual(cuts);
  });

  it("cuts lines just after a newline", () => {
    // "ab\ncd\nef\n" (9 bytes) into 2: the even cut 4 falls inside "cd"; the next newline is at 5, so 6.
    const text = new TextEncoder().encode("ab\ncd\nef\n");
    expect(inputCuts("wc-map", text, text.length, 2)).toEqual([0, 6, 9]);
    // More parts than lines: even cuts 1, 3, 5, 7 → 3 (after the newline at 2), 3 (already just after it),
    // 6, 9: empty ranges, never a cut line.
    expect(inputCuts("q-scan", text, text.length, 5)).toEqual([0, 3, 3, 6, 9, 9]);
  });
});
