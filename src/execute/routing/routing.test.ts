import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { partitionsByMode, readRanges, receiverCount, receiverModes } from "./routing.js";

describe("receiverCount and readRanges mirror the workloads' router", () => {
  it.each([
    // one-to-one: receiver r reads all of producer r.
    { pattern: "one-to-one", parts: [2, 3], count: 2, r: 1, ranges: [{ sender: 1, first: 0, last: 2 }] },
    // scatter: receivers are producer 0's partitions then producer 1's: r = 3 is producer 1's partition 1 (2 + 1).
    { pattern: "scatter", parts: [2, 3], count: 5, r: 3, ranges: [{ sender: 1, first: 1, last: 1 }] },
    // shuffle: receiver r reads partition r of every producer.
    { pattern: "shuffle", parts: [3, 3], count: 3, r: 2, ranges: [{ sender: 0, first: 2, last: 2 }, { sender: 1, first: 2, last: 2 }] },
    // broadcast: m receivers, each reads everything.
    { pattern: "broadcast", parts: [2, 2], count: 2, r: 0, ranges: [{ sender: 0, first: 0, last: 1 }, { sender: 1, first: 0, last: 1 }] },
    // gather: one receiver reads everything; a producer with no partitions contributes nothing.
    { pattern: "gather", parts: [1, 0, 2], count: 1, r: 0, ranges: [{ sender: 0, first: 0, last: 0 }, { sender: 2, first: 0, last: 1 }] },
  ] as const)("$pattern over $parts partitions: $count receivers; receiver $r reads $ranges", ({ pattern, parts, count, r, ranges }) => {
    expect(receiverCount(pattern, parts, "a->b")).toBe(count);
    expect(readRanges(pattern, r, parts)).toEqual(ranges);
  });

  it("a shuffle whose producers disagree on their partition count is an error naming the edge", () => {
    expect(() => receiverCount("shuffle", [3, 2], "map->reduce")).toThrow(/map->reduce: a shuffle needs every producer to write the same number of partitions; producer 0 wrote 3, producer 1 wrote 2/);
  });
});

describe("partitionsByMode", () => {
  const half = [{ mode: "direct" as const, fraction: 0.5 }, { mode: "remote" as const, fraction: 0.5 }];
  it.each([
    // Receivers alternate direct, remote, direct, remote (receiverModes): shuffle partition p goes where receiver p reads.
    { pattern: "shuffle", i: 0, m: 4, expected: { direct: [0, 2], remote: [1, 3] } },
    // Scatter from producer 1 of 4 partitions each: its receivers are 4…7 → direct, remote, direct, remote.
    { pattern: "scatter", i: 1, m: 4, expected: { direct: [0, 2], remote: [1, 3] } },
    // Broadcast: receivers of both modes read everything.
    { pattern: "broadcast", i: 0, m: 2, expected: { direct: [0, 1], remote: [0, 1] } },
    // One-to-one: producer 1's one receiver (1) reads remote.
    { pattern: "one-to-one", i: 1, m: 3, expected: { remote: [0, 1, 2] } },
    // Gather: the one receiver (0) reads direct.
    { pattern: "gather", i: 5, m: 2, expected: { direct: [0, 1] } },
  ] as const)("$pattern, producer $i with $m partitions → $expected", ({ pattern, i, m, expected }) => {
    const got = Object.fromEntries([...partitionsByMode(pattern, half, i, m)].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));
    expect(got).toEqual(expected);
  });

  it("receiverModes does not depend on how many receivers are asked for (property)", () => {
    fc.assert(
      fc.property(fc.float({ min: Math.fround(0.05), max: Math.fround(0.95), noNaN: true }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (f, n, extra) => {
        const shares = [{ mode: "direct" as const, fraction: f }, { mode: "remote" as const, fraction: 1 - f }];
        expect(receiverModes(shares, n + extra).slice(0, n)).toEqual(receiverModes(shares, n));
      }),
    );
  });
});
