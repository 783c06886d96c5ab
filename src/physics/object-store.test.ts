import { describe, expect, it } from "vitest";
import { rangedGets, rangeSizes, requestBoundMs, requestRounds } from "./object-store.js";

const MiB = 1024 ** 2;

describe("object-store request laws", () => {
  it.each([
    { requests: 11000, rate: 5500, prefixes: 1, ms: 2000 }, // 11,000 GETs at 5,500/s
    { requests: 11000, rate: 5500, prefixes: 4, ms: 500 }, // spread over 4 prefixes: 4× the rate
    { requests: 0, rate: 5500, prefixes: 1, ms: 0 },
  ])("$requests requests at $rate/s over $prefixes prefixes → $ms ms", ({ requests, rate, prefixes, ms }) => {
    expect(requestBoundMs(requests, rate, prefixes)).toBeCloseTo(ms, 9);
  });

  it.each([
    { objects: 3, bytes: 20 * MiB, connections: 1, gets: 3 }, // one stream per object
    { objects: 3, bytes: 20 * MiB, connections: 4, gets: 9 }, // ⌈20 / 8⌉ = 3 ranges each
    { objects: 3, bytes: 8 * MiB, connections: 4, gets: 3 }, // exactly one range
    { objects: 3, bytes: 1000, connections: 4, gets: 3 }, // small objects: one GET each
  ])("$objects objects of $bytes B with $connections connections → $gets GETs", ({ objects, bytes, connections, gets }) => {
    expect(rangedGets(objects, bytes, 8 * MiB, connections)).toBe(gets);
  });

  it("pays latencies in rounds of the connections in flight; ranges cover the object", () => {
    expect(requestRounds(9, 4)).toBe(3);
    expect(requestRounds(0, 4)).toBe(0);
    expect(rangeSizes(20 * MiB, 8 * MiB, 4)).toEqual([8 * MiB, 8 * MiB, 4 * MiB]);
    expect(rangeSizes(20 * MiB, 8 * MiB, 1)).toEqual([20 * MiB]);
  });
});
