import { describe, expect, it } from "vitest";
import { cacheNodesUsd, peakResidentBytes, storedGibHours } from "./cache-residency.js";

const GiB = 1024 ** 3;

describe("cache residency: the peak over time, not the sum", () => {
  it.each([
    { name: "disjoint: one after the other", intervals: [{ startMs: 0, endMs: 10, bytes: 5 }, { startMs: 20, endMs: 30, bytes: 7 }], peak: 7 },
    { name: "overlapping: both at once", intervals: [{ startMs: 0, endMs: 25, bytes: 5 }, { startMs: 20, endMs: 30, bytes: 7 }], peak: 12 },
    // freed at 10 before the next is written at 10
    { name: "handed over at one instant", intervals: [{ startMs: 0, endMs: 10, bytes: 5 }, { startMs: 10, endMs: 30, bytes: 7 }], peak: 7 },
    // written and freed at 10 (no cache reader) while the first is still held
    { name: "held for no time still counts at its instant", intervals: [{ startMs: 0, endMs: 20, bytes: 5 }, { startMs: 10, endMs: 10, bytes: 7 }], peak: 12 },
    { name: "nothing admitted", intervals: [], peak: 0 },
  ])("$name → $peak", ({ intervals, peak }) => {
    expect(peakResidentBytes(intervals)).toBe(peak);
  });

  it("prices stored GiB-hours and nodes held", () => {
    // 2 GiB for half an hour + 1 GiB for an hour = 2 GiB-h
    expect(storedGibHours([{ startMs: 0, endMs: 1.8e6, bytes: 2 * GiB }, { startMs: 0, endMs: 3.6e6, bytes: GiB }])).toBeCloseTo(2, 12);
    // 4 nodes at $0.219/h for 2 h
    expect(cacheNodesUsd(4, 0.219, 7.2e6)).toBeCloseTo(4 * 0.219 * 2, 12);
  });
});
