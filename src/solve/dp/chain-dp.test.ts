import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvariantError } from "../../errors.js";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { Objective, Problem } from "../../model/types.js";
import { bruteForceSolver } from "../referee/brute-force.js";
import { chainDpSolver } from "./chain-dp.js";
import { scoreEvaluation } from "../objective-score.js";
import { buildTestProblem, problemSpecArb, type ProblemSpec } from "../../../test/support/solve-problems.js";

const CTX = { timeLimitMs: 10_000 };
const TOLERANCE = 1e-9;

/** Limits between the cheapest and the fastest whole-mode plan (t < 0: tighter than the cheapest). */
async function withRandomLimits(spec: ProblemSpec, objective: Objective, t: number, allowSplits: boolean): Promise<Problem> {
  const loose = buildTestProblem(spec, { allowSplits });
  const cheap = evaluateAssignment(loose, (await bruteForceSolver({ ...loose, objective: "cost" }, CTX)).assignment!);
  const fast = evaluateAssignment(loose, (await bruteForceSolver(loose, CTX)).assignment!);
  if (objective === "cost") return buildTestProblem(spec, { objective, allowSplits, deadlineMs: fast.makespanMs + t * (cheap.makespanMs - fast.makespanMs) });
  return buildTestProblem(spec, { objective, allowSplits, budgetUsd: cheap.costUsd + t * (fast.costUsd - cheap.costUsd) });
}

describe("chainDpSolver", () => {
  for (const objective of ["latency", "cost", "perf-per-dollar"] as const) {
    it(`${objective}: matches the brute force without splits, and is no worse with them`, async () => {
      await fc.assert(
        fc.asyncProperty(problemSpecArb(6, true), fc.double({ min: -0.2, max: 1.2, noNaN: true }), fc.boolean(), async (spec, t, allowSplits) => {
          const problem = await withRandomLimits(spec, objective, t, allowSplits);
          const bf = await bruteForceSolver(problem, CTX);
          const dp = await chainDpSolver(problem, CTX);
          if (dp.assignment === undefined) {
            expect(dp.status).toBe("infeasible");
            if (!allowSplits) expect(bf.status).toBe("infeasible");
            return;
          }
          const mine = evaluateAssignment(problem, dp.assignment);
          expect(mine.feasible, JSON.stringify(mine.violations)).toBe(true);
          if (bf.assignment === undefined) return;
          const theirs = scoreEvaluation(objective, evaluateAssignment(problem, bf.assignment));
          const ours = scoreEvaluation(objective, mine);
          if (allowSplits) expect(ours).toBeLessThanOrEqual(theirs * (1 + TOLERANCE));
          else {
            expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(theirs * TOLERANCE);
            expect(dp.status).toBe("optimal");
          }
        }),
        { numRuns: 40, seed: 4242 },
      );
    });
  }

  it("is deterministic", async () => {
    const [spec] = fc.sample(problemSpecArb(6, true), { numRuns: 1, seed: 3 });
    const problem = buildTestProblem(spec!, { budgetUsd: 10 });
    const a = await chainDpSolver(problem, CTX);
    const b = await chainDpSolver(problem, CTX);
    expect({ ...a, assignment: { edges: a.assignment?.edges, admitted: [...(a.assignment?.admitted ?? [])] } }).toEqual({ ...b, assignment: { edges: b.assignment?.edges, admitted: [...(b.assignment?.admitted ?? [])] } });
  });

  it("rejects a DAG that is not a chain", () => {
    const spec: ProblemSpec = {
      inputBytes: 1e8,
      stages: [1, 2, 2].map((instances) => ({ instances, fixedMs: 100, msPerMb: 1, outputRatio: 1, memoryMb: 512 })),
      edges: [
        { from: 0, to: 1, pattern: "scatter" },
        { from: 0, to: 2, pattern: "scatter" },
      ],
    };
    expect(() => chainDpSolver(buildTestProblem(spec), CTX)).toThrow(expect.objectContaining({ code: "SLU6032", exitCode: 64 }));
  });

  it("reports infeasible when the budget is below the stages' own cost", async () => {
    const [spec] = fc.sample(problemSpecArb(4, true), { numRuns: 1, seed: 5 });
    expect((await chainDpSolver(buildTestProblem(spec!, { budgetUsd: 1e-12 }), CTX)).status).toBe("infeasible");
  });
});
