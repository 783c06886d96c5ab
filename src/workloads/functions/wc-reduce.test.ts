import { describe, expect, it } from "vitest";
import { generateText } from "../inputs/gen-text.js";
import { concatBytes } from "../types.js";
import { wcMap } from "./wc-map.js";
import { wcReduce } from "./wc-reduce.js";
import { decodeWordCounts, encodeWordCounts } from "./word-counts-codec.js";

describe("wcReduce", () => {
  it("sums a word's counts across mappers and sorts by word", () => {
    const a = encodeWordCounts(new Map([["b", 2], ["a", 1]]));
    const b = encodeWordCounts(new Map([["a", 5]]));
    const [out] = wcReduce(concatBytes([a, b])).outputs;
    expect(Buffer.from(out!).toString("latin1")).toBe("a\t6\nb\t2\n"); // a: 1 + 5
  });

  it("over two mappers' shuffled outputs gives the naive count of the whole text", () => {
    const halves = [generateText(12_000, 8, 300), generateText(9_000, 9, 300)];
    const maps = halves.map((h) => wcMap(h, { partitionUnitBytes: 1_000, maxPartitions: 3 }).outputs); // ⌈√12⌉ = 4 and ⌈√9⌉ = 3, both capped at 3
    const merged = new Map<string, number>();
    for (let p = 0; p < 3; p++) decodeWordCounts(wcReduce(concatBytes(maps.map((m) => m[p]!))).outputs[0]!, merged);
    const naive = new Map<string, number>();
    const text = halves.map((h) => Buffer.from(h).toString("latin1")).join(" ");
    for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) if (w !== "") naive.set(w, (naive.get(w) ?? 0) + 1);
    expect(merged).toEqual(naive);
  });
});
