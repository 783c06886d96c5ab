import { describe, expect, it } from "vitest";
import { generateText } from "../inputs/gen-text.js";
import { countWords, fnv1a, wcMap } from "./wc-map.js";
import { decodeWordCounts } from "./word-counts-codec.js";

/** The naive count: lowercase, split on anything that is not a letter or digit. */
function naiveCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) if (w !== "") counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

describe("wcMap", () => {
  it("counts like the naive split on a hand-made text", () => {
    const text = "The cat, the DOG.\nthe end 42 cat";
    expect(countWords(Buffer.from(text, "latin1"))).toEqual(new Map([["the", 3], ["cat", 2], ["dog", 1], ["end", 1], ["42", 1]]));
  });

  it("partitions the counts by hash, each word in exactly one partition, totals unchanged", () => {
    const input = generateText(30_000, 4, 800);
    const { outputs } = wcMap(input, { partitionUnitBytes: 2_500 }); // ⌈√(30000/2500)⌉ = ⌈√12⌉ = ⌈3.46⌉ = 4
    expect(outputs).toHaveLength(4);
    const merged = new Map<string, number>();
    outputs.forEach((o, p) => {
      for (const [word, count] of decodeWordCounts(o)) {
        expect(fnv1a(word) % 4).toBe(p);
        expect(merged.has(word)).toBe(false);
        merged.set(word, count);
      }
    });
    expect(merged).toEqual(naiveCounts(Buffer.from(input).toString("latin1")));
  });
});
