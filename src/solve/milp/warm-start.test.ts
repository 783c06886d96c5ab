import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../lp/check-solution.js";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import { buildTestProblem, problemSpecArb } from "../../../test/support/solve-problems.js";
import { randomAssignment } from "../../../test/support/random-assignment.js";
import { mulberry32 } from "../../util/mulberry32.js";
import { buildPlanMilp } from "./formulation.js";
import { computeMilpScale } from "./scale.js";
import { warmStartValues } from "./warm-start.js";

describe("warmStartValues", () => {
  it("puts every plan the model accepts inside the planning MILP, at its own budget and deadline", () => {
    // The MILP must relax the true problem: a feasible plan, written as y, f, t, F, M, a, r, meets
    // every row (check-solution.ts, tolerance 1e-6 on the O(1)-scaled rows) — else the engine
    // would discard the heuristic's start and the MILP's bound would not bound the plan.
    fc.assert(
      fc.property(problemSpecArb(6), fc.boolean(), fc.integer(), (spec, allowSplits, seed) => {
        const rand = mulberry32(seed);
        const loose = buildTestProblem(spec, { allowSplits });
        for (let k = 0; k < 8; k++) {
          const assignment = randomAssignment(loose, rand);
          const e = evaluateAssignment(loose, assignment);
          if (!e.feasible) continue;
          for (const minimize of ["latency", "cost"] as const) {
            const problem = { ...loose, budgetUsd: e.costUsd * (1 + 1e-9), deadlineMs: e.makespanMs * (1 + 1e-9) };
            const scale = computeMilpScale(problem);
            const { model } = buildPlanMilp(problem, { minimize, budgetUsd: problem.budgetUsd, deadlineMs: problem.deadlineMs }, scale);
            const check = checkSolution(model, warmStartValues(problem, assignment, scale));
            expect(check.violations).toEqual([]);
          }
        }
      }),
      { numRuns: 120, seed: 20261203 },
    );
  });
});
