import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import { buildTestProblem, problemSpecArb } from "../../../test/support/solve-problems.js";
import { costLowerBoundUsd } from "../bounds/lower-bound.js";
import { scoreEvaluation } from "../objective-score.js";
import { bruteForceSolver, countCombinations } from "./brute-force.js";
import { prunedEnumeration } from "./pruned-enumeration.js";

const CTX = { timeLimitMs: 60_000 };

describe("prunedEnumeration", () => {
  // The invariant that makes its value a bound: cuts drop only plans that cannot win, so the best
  // plan it scores has the brute-force optimum's value, whatever plan it starts from.
  for (const objective of ["latency", "cost"] as const) {
    it(`${objective}: finds the brute-force optimum under a limit, scoring no more plans than there are`, async () => {
      await fc.assert(
        fc.asyncProperty(problemSpecArb(5), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), async (spec, t, fromCheapest) => {
          const loose = buildTestProblem(spec, { allowSplits: false });
          const cheapest = await bruteForceSolver({ ...loose, objective: "cost" }, CTX);
          const fastest = await bruteForceSolver(loose, CTX);
          const cheap = evaluateAssignment(loose, cheapest.assignment!);
          const fast = evaluateAssignment(loose, fastest.assignment!);
          const problem = objective === "latency" ? { ...loose, budgetUsd: cheap.costUsd + t * (fast.costUsd - cheap.costUsd) } : { ...loose, objective, deadlineMs: fast.makespanMs + t * (cheap.makespanMs - fast.makespanMs) };
          const best = await bruteForceSolver(problem, CTX);
          const pruned = prunedEnumeration(problem, fromCheapest ? cheapest.assignment : undefined, Infinity)!;
          expect(pruned.scored).toBeLessThanOrEqual(countCombinations(problem));
          if (best.assignment === undefined) {
            expect(pruned.best).toBeUndefined();
            return;
          }
          const optimum = scoreEvaluation(objective, evaluateAssignment(problem, best.assignment));
          expect(scoreEvaluation(objective, pruned.best!.evaluation)).toBeCloseTo(optimum, 9);
        }),
        { numRuns: 60, seed: 20_261_203 },
      );
    }, 120_000);
  }

  it("cuts at the root when the cost floor is over the budget, and gives up past its work limit", () => {
    const [spec] = fc.sample(problemSpecArb(4), { numRuns: 1, seed: 7 });
    const loose = buildTestProblem(spec!, { allowSplits: false });
    // every plan costs at least costLowerBoundUsd (stage constants + each edge's cheapest mode + the pool's minimum bill)
    // and the floor adds at most the pool above its minimum: a budget of half the floor leaves nothing
    const none = prunedEnumeration({ ...loose, budgetUsd: costLowerBoundUsd(loose) / 2 }, undefined, Infinity)!;
    expect(none).toEqual({ scored: 0 });
    // with no limit nothing is cut (latency): every plan is scored, so a limit one below their number is passed
    const combinations = countCombinations(loose);
    expect(prunedEnumeration(loose, undefined, Infinity)!.scored).toBe(combinations);
    expect(prunedEnumeration(loose, undefined, combinations - 1)).toBeUndefined();
  });
});
