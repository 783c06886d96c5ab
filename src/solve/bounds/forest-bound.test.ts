import fc from "fast-check";
import { resolvePlatform } from "../../platform/resolve-platform.js";
import { describe, expect, it } from "vitest";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { Problem } from "../../model/types.js";
import { buildTestProblem, diamondSpec, problemSpecArb } from "../../../test/support/solve-problems.js";
import { randomAssignment } from "../../../test/support/random-assignment.js";
import { mulberry32 } from "../../util/mulberry32.js";
import { bruteForceSolver } from "../referee/brute-force.js";
import { heuristicSolver } from "../heuristic/heuristic.js";
import { criticalForest } from "./critical-forest.js";
import { forestBound } from "./forest-bound.js";
import { latencyLowerBoundMs } from "./lower-bound.js";

const CTX = { timeLimitMs: 20_000 };
const HAIR = 1 + 1e-9;

/** A random spanning forest: each non-root stage keeps one of its incoming edges. */
function randomForest(problem: Problem, rand: () => number): Map<string, number> {
  const tree = new Map<string, number>();
  for (const v of problem.dag.order) {
    const incoming = problem.dag.incoming.get(v)!;
    if (incoming.length > 0) tree.set(v, incoming[Math.floor(rand() * incoming.length)]!);
  }
  return tree;
}

describe("forestBound", () => {
  it("bounds every plan the model accepts, for any forest, at a limit set to the plan's own figure", () => {
    // A plan with cost c and makespan m is feasible under budget c (latency) and deadline m (cost),
    // so the bound there can be no more than m (latency) or c (cost).
    fc.assert(
      fc.property(problemSpecArb(6), fc.boolean(), fc.integer(), (spec, allowSplits, seed) => {
        const rand = mulberry32(seed);
        const loose = buildTestProblem(spec, { allowSplits });
        for (let k = 0; k < 12; k++) {
          const assignment = randomAssignment(loose, rand);
          const e = evaluateAssignment(loose, assignment);
          if (!e.feasible) continue;
          const forest = rand() < 0.5 ? randomForest(loose, rand) : criticalForest(loose, e.edges.map((x) => x.transferMs));
          for (const nonTree of ["side", "leaf"] as const) {
            const latency = forestBound({ ...loose, budgetUsd: e.costUsd }, forest, { nonTree })!;
            const cost = forestBound({ ...loose, objective: "cost", deadlineMs: e.makespanMs }, forest, { nonTree })!;
            expect(latency).toBeLessThanOrEqual(e.makespanMs * HAIR);
            expect(cost).toBeLessThanOrEqual(e.costUsd * HAIR);
          }
        }
      }),
      { numRuns: 150, seed: 20261201 },
    );
  });

  it("never exceeds the brute-force optimum over whole modes", async () => {
    await fc.assert(
      fc.asyncProperty(problemSpecArb(6), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), async (spec, t, seed) => {
        const loose = buildTestProblem(spec, { allowSplits: false });
        const cheap = evaluateAssignment(loose, (await bruteForceSolver({ ...loose, objective: "cost" }, CTX)).assignment!);
        const fast = evaluateAssignment(loose, (await bruteForceSolver(loose, CTX)).assignment!);
        const problem = { ...loose, budgetUsd: cheap.costUsd + t * (fast.costUsd - cheap.costUsd) };
        const best = await bruteForceSolver(problem, CTX);
        if (best.assignment === undefined) return;
        const optimum = evaluateAssignment(problem, best.assignment).makespanMs;
        const forest = randomForest(problem, mulberry32(seed));
        for (const nonTree of ["side", "leaf"] as const) expect(forestBound(problem, forest, { nonTree })!).toBeLessThanOrEqual(optimum * HAIR);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it("says Infinity when no plan fits the budget, and undefined for perf-per-dollar", () => {
    const problem = buildTestProblem(diamondSpec(8, 1769), { budgetUsd: 1e-9 });
    const forest = criticalForest(problem, problem.edges.map(() => 0));
    expect(forestBound(problem, forest)).toBe(Infinity);
    expect(forestBound({ ...problem, objective: "perf-per-dollar" }, forest)).toBeUndefined();
  });

  it("feels a binding budget the budget-free bound ignores (a diamond whose fast middle edges cost most)", async () => {
    // 32 middle instances of 3000 MB (one per VM slot pair) queue in waves when vm-local, so the
    // fastest plan pulls directly; a budget a hair above the cheapest plan forbids that.
    // Function billing: under the default VM-pool billing the middle edges' modes barely move the bill.
    const loose = buildTestProblem(diamondSpec(32, 3000), { allowSplits: false }, resolvePlatform({ billing: { compute: "function" } }));
    const cheapest = evaluateAssignment(loose, (await bruteForceSolver({ ...loose, objective: "cost" }, CTX)).assignment!);
    const problem = { ...loose, budgetUsd: cheapest.costUsd * 1.0001 };
    const best = evaluateAssignment(problem, (await bruteForceSolver(problem, CTX)).assignment!);
    const h = evaluateAssignment(problem, (await heuristicSolver(problem, CTX)).assignment!);
    const bound = forestBound(problem, criticalForest(problem, h.edges.map((x) => x.transferMs)))!;
    expect(bound).toBeGreaterThan(latencyLowerBoundMs(problem) * (1 + 1e-3));
    expect(bound).toBeLessThanOrEqual(best.makespanMs * HAIR);
  });
});
