import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import { bruteForceSolver } from "../referee/brute-force.js";
import { fastestWithHosting } from "./fastest-with-hosting.js";
import { buildTestProblem, problemSpecArb } from "../../../test/support/solve-problems.js";

const CTX = { timeLimitMs: 20_000 };

describe("fastestWithHosting", () => {
  it("bounds every whole-mode plan from below, and walks back to a plan that keeps vm-local's rules", async () => {
    await fc.assert(
      fc.asyncProperty(problemSpecArb(6), async (spec) => {
        // Whole modes only, so the brute force enumerates every plan the bound speaks for.
        const problem = buildTestProblem(spec, { allowSplits: false });
        const { boundMs, choices } = fastestWithHosting(problem);
        const best = await bruteForceSolver(problem, CTX);
        const optimum = evaluateAssignment(problem, best.assignment!).makespanMs;
        expect(boundMs).toBeLessThanOrEqual(optimum * (1 + 1e-9) + 1e-9);
        if (choices.every((c) => c !== undefined)) {
          const admitted = new Set(problem.dag.edges.filter((_, i) => choices[i]!.usesCache).map((e) => e.from));
          const e = evaluateAssignment(problem, { edges: choices.map((c) => c!.shares), admitted });
          expect(e.violations.filter((v) => v.code === "vm-local-conflict" || v.code === "vm-local-chain")).toEqual([]);
          expect(e.makespanMs).toBeGreaterThanOrEqual(boundMs * (1 - 1e-9));
        }
      }),
      { numRuns: 150, seed: 20261127 },
    );
  });
});
