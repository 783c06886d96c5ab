import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { Problem } from "../model/types.js";
import { buildTestProblem, problemSpecArb, type ProblemSpec } from "../testing/solve-problems.js";
import { AUTO_ENUMERATE_MAX_COMBINATIONS, autoSolver } from "./auto-solver.js";
import { scoreEvaluation } from "./objective-score.js";
import { bruteForceSolver, countCombinations } from "./referee/brute-force.js";
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

  // The budget at the cheapest plan's cost on the AWS platform (VM-pool billing): the MILP bills the
  // pool at the fastest plan's peak, finds no plan within the budget under the model, and the forest
  // bound leaves the heuristic's plan 1.34% above it. No edge can split and there are at most 4⁶
  // whole-mode plans, so auto scores them all: the heuristic's plan is the optimum, gap 0.
  it("scores every whole-mode plan when the bounds leave the gap open and there are few", async () => {
    const spec: ProblemSpec = {
      inputBytes: 4e9,
      stages: [
        { instances: 32, fixedMs: 1298, msPerMb: 0, outputRatio: 0.22487767475556603, memoryMb: 2934 },
        { instances: 4, fixedMs: 188, msPerMb: 0, outputRatio: 0.1378643098707398, memoryMb: 2014 },
        { instances: 16, fixedMs: 589, msPerMb: 0, outputRatio: 0.42231880359276275, memoryMb: 1672 },
        { instances: 32, fixedMs: 212, msPerMb: 0, outputRatio: 0.20671404040039795, memoryMb: 1591 },
        { instances: 1, fixedMs: 1386, msPerMb: 0, outputRatio: 0.07661425159226257, memoryMb: 2758 },
      ],
      edges: [
        { from: 1, to: 2, pattern: "scatter" },
        { from: 3, to: 4, pattern: "shuffle" },
        { from: 2, to: 3, pattern: "broadcast" },
        { from: 0, to: 1, pattern: "broadcast" },
        { from: 0, to: 2, pattern: "broadcast" },
        { from: 0, to: 3, pattern: "scatter" },
        { from: 0, to: 4, pattern: "broadcast" },
      ],
    };
    const problem = await limited(spec, "latency", 0);
    expect(countCombinations(problem)).toBeLessThanOrEqual(AUTO_ENUMERATE_MAX_COMBINATIONS);
    const best = evaluateAssignment(problem, (await bruteForceSolver(problem, CTX)).assignment!);
    const auto = await autoSolver(problem, CTX);
    expect(auto.notes?.some((n) => n.startsWith("enumerated"))).toBe(true);
    expect(auto.status).toBe("optimal");
    expect(evaluateAssignment(problem, auto.assignment!).makespanMs).toBeCloseTo(best.makespanMs, 6);
    expect(auto.lowerBound).toBeCloseTo(best.makespanMs, 6);
  });
});
