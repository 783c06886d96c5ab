import { describe, expect, it } from "vitest";
import { searchTarget, type TargetProbe } from "./target-search.js";

/** A probe over cost(T), counting calls; the budget is `budgetUsd`. */
function prober(costUsd: (t: number) => number, budgetUsd: number) {
  const calls: number[] = [];
  const probe = (targetMs: number): TargetProbe => {
    calls.push(targetMs);
    return { targetMs, excessUsd: costUsd(targetMs) - budgetUsd };
  };
  return { probe, calls };
}

describe("searchTarget", () => {
  it.each([
    // cost falls linearly from 10 at T = 100 to 0 at T = 200; budget 4 → T* = 160 exactly; one
    // secant step lands on it and the probe one step below closes the bracket; bisection would need
    // log2(100 / 0.16) ≈ 10
    { label: "linear cost", cost: (t: number) => 10 - (t - 100) / 10, budget: 4, answer: 160, maxSteps: 2 },
    // convex cost 1e6 / T² from 100 (cost 100) to 400 (cost 6.25); budget 25 → T* = 200; the secant
    // comes from one side here, bisection needs log2(300 / 0.2) ≈ 11 probes, the safeguard ≤ twice that
    { label: "convex cost", cost: (t: number) => 1e6 / (t * t), budget: 25, answer: 200, maxSteps: 22 },
    // a step: cost 9 below T = 137.5, 1 from there; budget 5 → the bracket closes on 137.5
    { label: "a step function", cost: (t: number) => (t < 137.5 ? 9 : 1), budget: 5, answer: 137.5, maxSteps: 20 },
  ])("$label: closes the bracket on the crossing within the precision", ({ cost, budget, answer, maxSteps }) => {
    const { probe, calls } = prober(cost, budget);
    const lo = probe(100);
    const hi = probe(answer === 200 ? 400 : 200);
    calls.length = 0;
    const precision = 1e-3;
    searchTarget(lo, hi, probe, precision);
    const fitting = calls.filter((t) => cost(t) <= budget);
    const best = Math.min(...fitting, answer === 200 ? 400 : 200);
    expect(best).toBeGreaterThanOrEqual(answer - 1e-9);
    expect(best).toBeLessThanOrEqual(answer * (1 + 2 * precision));
    expect(calls.length).toBeLessThanOrEqual(maxSteps);
  });

  it("bisects when the lower end has no plan", () => {
    // no plan below 150 (excess Infinity), fits from 150: only midpoints can be taken
    const { probe, calls } = prober((t) => (t < 150 ? Infinity : 0), 0);
    searchTarget({ targetMs: 100, excessUsd: Infinity }, { targetMs: 200, excessUsd: 0 }, probe, 0.01);
    expect(calls[0]).toBe(150);
  });
});
