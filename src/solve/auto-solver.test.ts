import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { Problem } from "../model/types.js";
import { buildTestProblem, problemSpecArb, type ProblemSpec } from "../testing/solve-problems.js";
import { autoSolver } from "./auto-solver.js";
import { scoreEvaluation } from "./objective-score.js";
import { bruteForceSolver } from "./referee/brute-force.js";
import { GAP_TOLERANCE, type SolverOutcome } from "./solver.js";

const CTX = { timeLimitMs: 60_000 };
const HAIR = 1 + 1e-9;

/** Whole modes only, so the brute force is the true optimum; limits between the cheapest and the fastest plan. */
async function limited(spec: ProblemSpec, objective: "latency" | "cost", t: number): Promise<Problem> {
  const loose = buildTestProblem(spec, { allowSplits: false });
  const cheap = evaluateAssignment(loose, (await bruteForceSolver({ ...loose, objective: "cost" }, CTX)).assignment!);
  const fast = evaluateAssignment(loose, (await bruteForceSolver(loose, CTX)).assignment!);
  if (objective === "latency") return { ...loose, budgetUsd: cheap.costUsd + t * (fast.costUsd - cheap.costUsd) };
  return { ...loose, objective, deadlineMs: fast.makespanMs + t * (cheap.makespanMs - fast.makespanMs) };
}

const plain = (o: SolverOutcome) => ({ ...o, assignment: o.assignment === undefined ? undefined : { edges: o.assignment.edges, admitted: [...o.assignment.admitted].sort() } });

describe("autoSolver", () => {
  for (const objective of ["latency", "cost"] as const) {
    it(`${objective}: within the gap tolerance of the brute-force optimum, with a bound that never passes it`, async () => {
      await fc.assert(
        fc.asyncProperty(problemSpecArb(7), fc.double({ min: 0, max: 1, noNaN: true }), async (spec, t) => {
          const problem = await limited(spec, objective, t);
          const best = await bruteForceSolver(problem, CTX);
          const auto = await autoSolver(problem, CTX);
          if (best.assignment === undefined) return;
          const optimum = scoreEvaluation(objective, evaluateAssignment(problem, best.assignment));
          const e = evaluateAssignment(problem, auto.assignment!);
          expect(e.feasible).toBe(true);
          const value = scoreEvaluation(objective, e);
          expect(value).toBeLessThanOrEqual(optimum * (1 + GAP_TOLERANCE) * HAIR);
          expect(auto.lowerBound!).toBeLessThanOrEqual(optimum * HAIR);
          // where the MILP under-counts the model (VM-pool peaks, cache residency) and its plan is
          // repaired, its bound is a relaxation's: the gap is stated, not closed (exact-milp.test.ts)
          if ((auto.notes ?? []).some((n) => n.startsWith("repair"))) return;
          // the reported gap holds what it says: the plan is within it of the bound
          const gap = (value - auto.lowerBound!) / value;
          expect(gap).toBeLessThanOrEqual(GAP_TOLERANCE * HAIR);
          if (auto.status === "optimal") expect(value).toBeLessThanOrEqual(optimum * (1 + 1e-6));
        }),
        { numRuns: 40, seed: 20261203 },
      );
    }, 120_000);
  }

  it("gives the same answer on every call, also when calls run at once", async () => {
    const [spec] = fc.sample(problemSpecArb(7), { numRuns: 1, seed: 99 });
    const problem = await limited(spec!, "latency", 0.4);
    const runs = await Promise.all(Array.from({ length: 8 }, () => autoSolver(problem, CTX)));
    for (const r of runs) expect(plain(r)).toEqual(plain(runs[0]!));
  });

  it("stops at a looser tolerance without more search", async () => {
    const [spec] = fc.sample(problemSpecArb(7), { numRuns: 1, seed: 12 });
    const problem = await limited(spec!, "latency", 0.5);
    const loose = await autoSolver(problem, { ...CTX, gapTolerance: 1 });
    expect(loose.name).toBe("heuristic"); // a 100% gap is met by the first heuristic answer and its bound
  });
});
