import { describe, expect, it } from "vitest";
import { anyColdProbability, drawStartupMs, expectedStartupMs, startupOutcomes } from "./invocation.js";

const inv = { warmMs: 172, coldMs: 1800, coldFraction: 0.1 };

describe("invocation latency, warm or cold", () => {
  it("mixes the two by the cold fraction", () => {
    expect(startupOutcomes(inv)).toEqual([
      { value: 172, prob: 0.9 },
      { value: 1800, prob: 0.1 },
    ]);
    // 0.9 · 172 + 0.1 · 1800 = 334.8
    expect(expectedStartupMs(inv)).toBeCloseTo(334.8, 9);
    expect(startupOutcomes({ ...inv, coldFraction: 0 })).toEqual([{ value: 172, prob: 1 }]);
  });

  it("a stage of n pays a cold start with probability 1 − (1 − p)^n", () => {
    expect(anyColdProbability(inv, 1)).toBeCloseTo(0.1, 12);
    // 1 − 0.9^20 = 0.8784
    expect(anyColdProbability(inv, 20)).toBeCloseTo(1 - Math.pow(0.9, 20), 12);
  });

  it("draws cold when u < the fraction", () => {
    expect(drawStartupMs(inv, 0.05)).toBe(1800);
    expect(drawStartupMs(inv, 0.5)).toBe(172);
  });
});
