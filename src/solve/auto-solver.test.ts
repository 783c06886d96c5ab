import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { Problem } from "../model/types.js";
import { buildTestProblem, problemSpecArb, type ProblemSpec } from "../../test/support/solve-problems.js";
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

  // The deadline at the fastest plan's makespan on the AWS platform (VM-pool billing; the 67th sample
  // of the plan bench's VM-pool check): the MILP bills the pool at the fastest plan's peak, while the
  // plans that meet the deadline lease more VMs at theirs, so its bound left the optimum 12.48% above
  // it. No edge can split and there are 4 · 3 · 4 · 4 · 4 · 3 · 3 = 6,912 ≤ 4⁷ whole-mode plans, so
  // auto enumerates them: it proves its plan optimal, gap 0.
  it("enumerates every whole-mode plan when the bounds leave the gap open and there are few", async () => {
    const spec: ProblemSpec = {
      inputBytes: 415_892.09842067235,
      stages: [
        { instances: 4, fixedMs: 2840, msPerMb: 0, outputRatio: 0.2261966638988893, memoryMb: 779 },
        { instances: 2, fixedMs: 396, msPerMb: 0, outputRatio: 0.06842157693417271, memoryMb: 228 },
        { instances: 8, fixedMs: 1018, msPerMb: 0, outputRatio: 0.15254042344995486, memoryMb: 669 },
        { instances: 1, fixedMs: 584, msPerMb: 0, outputRatio: 0.16302315774019882, memoryMb: 1079 },
        { instances: 4, fixedMs: 1374, msPerMb: 0, outputRatio: 0.9604546242375451, memoryMb: 2535 },
        { instances: 8, fixedMs: 317, msPerMb: 0, outputRatio: 0.6491348435483772, memoryMb: 2639 },
        { instances: 1, fixedMs: 1043, msPerMb: 0, outputRatio: 0.16744588642769875, memoryMb: 2919 },
        { instances: 1, fixedMs: 2804, msPerMb: 0, outputRatio: 1.0191452407364217, memoryMb: 181 },
      ],
      edges: [
        { from: 1, to: 4, pattern: "shuffle" },
        { from: 5, to: 7, pattern: "shuffle" },
        { from: 3, to: 7, pattern: "gather" },
        { from: 6, to: 7, pattern: "scatter" },
        { from: 1, to: 6, pattern: "gather" },
        { from: 2, to: 5, pattern: "shuffle" },
        { from: 4, to: 7, pattern: "shuffle" },
      ],
    };
    const problem = await limited(spec, "cost", 0);
    expect(countCombinations(problem)).toBeLessThanOrEqual(AUTO_ENUMERATE_MAX_COMBINATIONS);
    const best = evaluateAssignment(problem, (await bruteForceSolver(problem, CTX)).assignment!);
    const auto = await autoSolver(problem, CTX);
    expect(auto.notes?.some((n) => n.startsWith("enumerated"))).toBe(true);
    expect(auto.status).toBe("optimal");
    expect(evaluateAssignment(problem, auto.assignment!).costUsd).toBeCloseTo(best.costUsd, 9);
    expect(auto.lowerBound).toBeCloseTo(best.costUsd, 9);
  });
});
