import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import type { Plan } from "../plan/types.js";
import { pickOracle, type OracleCandidate } from "./oracle.js";

/** A candidate with only what pickOracle reads: simulated means and the predicted cost. */
const candidate = (name: string, makespanMs: number, costUsd: number, predictedUsd = costUsd): OracleCandidate =>
  ({ assignment: { edges: [], admitted: new Set() }, plan: { dagName: name, predicted: { costUsd: predictedUsd } } as unknown as Plan, reports: [], makespanMs, costUsd });

describe("pickOracle", () => {
  const fast = candidate("fast", 100, 3);
  const mid = candidate("mid", 200, 2, 0.5);
  const cheap = candidate("cheap", 300, 1);

  it.each([
    // within $2.5: mid (200 ms) and cheap (300 ms); the fastest of them
    { budgetUsd: 2.5, basis: "simulated" as const, picked: "mid" },
    // within $10 all three: fast
    { budgetUsd: 10, basis: "simulated" as const, picked: "fast" },
    // none within $0.5 simulated: the cheapest
    { budgetUsd: 0.5, basis: "simulated" as const, picked: "cheap" },
    // predicted costs 3, 0.5, 1: within $0.5 only mid
    { budgetUsd: 0.5, basis: "predicted" as const, picked: "mid" },
  ])("budget $$budgetUsd ($basis) picks $picked", ({ budgetUsd, basis, picked }) => {
    expect(pickOracle([fast, mid, cheap], budgetUsd, basis).plan.dagName).toBe(picked);
  });

  it("no candidate at all is the internal error SLU9006", () => {
    // the oracle enumerates every whole-mode plan, and a DAG has at least one: an empty list is a bug
    expect(() => pickOracle([], 1)).toThrow(expect.objectContaining({ code: codeOf("internal.noCandidatePlan"), message: expect.stringContaining("no candidate plan") }));
  });
});
