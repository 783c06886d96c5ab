import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { Assignment, Problem } from "../../model/types.js";
import { bruteForceSolver } from "../referee/brute-force.js";
import { chainDpSolver } from "../dp/chain-dp.js";
import { exactMilpSolver } from "./exact-milp.js";
import { computeConstantUsd } from "./safe-bounds.js";
import { resolvePlatform } from "../../platform/resolve-platform.js";
import type { SolverOutcome } from "../solver.js";
import { buildTestProblem, diamondSpec, problemSpecArb, type ProblemSpec } from "../../../test/support/solve-problems.js";

const CTX = { timeLimitMs: 20_000 };
const exact = exactMilpSolver();
/** The engine stops within a relative MIP gap (HiGHS: 1e-4), and the tie-break pass caps at that value. */
const GAP = 2e-4;

function plain(o: SolverOutcome) {
  const a = o.assignment;
  return { ...o, assignment: a === undefined ? undefined : { edges: a.edges, admitted: [...a.admitted].sort() } };
}

function scored(problem: Problem, a: Assignment | undefined) {
  expect(a).toBeDefined();
  const e = evaluateAssignment(problem, a!);
  return e;
}

// The diamond with 8 middle instances of 1769 MB.
const DIAMOND: ProblemSpec = diamondSpec(8, 1769);
/** Function billing: the diamond's cases trade function time for requests and cache (the VM-pool bill would be one constant here). */
const FUNCTION_BILLED = resolvePlatform({ billing: { compute: "function" } });
const diamond = (limits: Parameters<typeof buildTestProblem>[1] = {}) => buildTestProblem(DIAMOND, limits, FUNCTION_BILLED);

describe("exactMilpSolver", () => {
  it("matches or beats the brute force on a small DAG, within the budget", async () => {
    const loose = diamond();
    const fast = await bruteForceSolver(loose, CTX);
    const cheap = await bruteForceSolver({ ...loose, objective: "cost" }, CTX);
    const lowUsd = evaluateAssignment(loose, cheap.assignment!).costUsd;
    const highUsd = evaluateAssignment(loose, fast.assignment!).costUsd;
    for (const budgetUsd of [Infinity, highUsd, (lowUsd + highUsd) / 2, lowUsd * 1.0001]) {
      const problem = diamond({ budgetUsd });
      const bf = await bruteForceSolver(problem, CTX);
      const milp = await exact(problem, CTX);
      const e = scored(problem, milp.assignment);
      expect(e.feasible, JSON.stringify(e.violations)).toBe(true);
      expect(e.makespanMs).toBeLessThanOrEqual(evaluateAssignment(problem, bf.assignment!).makespanMs * (1 + GAP) + 1e-6);
    }
  });

  it("is deterministic: two runs give the same outcome", async () => {
    const problem = diamond({ budgetUsd: 1 });
    expect(plain(await exact(problem, CTX))).toEqual(plain(await exact(problem, CTX)));
  });

  it("reports infeasible when the budget is below what every plan pays", async () => {
    const loose = diamond();
    const problem = diamond({ budgetUsd: computeConstantUsd(loose) * 0.5 });
    expect((await exact(problem, CTX)).status).toBe("infeasible");
  });

  it("reports infeasible, through the MILP, when no whole-mode plan fits and splits are off", async () => {
    const loose = diamond({ objective: "cost", allowSplits: false });
    const cheapest = evaluateAssignment(loose, (await bruteForceSolver(loose, CTX)).assignment!).costUsd;
    const constant = computeConstantUsd(loose);
    const problem = diamond({ budgetUsd: constant + (cheapest - constant) * 0.9, allowSplits: false });
    const milp = await exact(problem, CTX);
    expect(milp.status).toBe("infeasible");
    expect(milp.assignment).toBeUndefined();
  });
});

/** Random limits between the cheapest and the fastest whole-mode plan (t < 0: tighter than the cheapest). */
async function randomLimitProblem(spec: ProblemSpec, objective: "latency" | "cost", t: number, allowSplits: boolean): Promise<Problem> {
  const loose = buildTestProblem(spec, { allowSplits });
  const cheap = evaluateAssignment(loose, (await bruteForceSolver({ ...loose, objective: "cost" }, CTX)).assignment!);
  const fast = evaluateAssignment(loose, (await bruteForceSolver(loose, CTX)).assignment!);
  if (objective === "latency") return buildTestProblem(spec, { objective, allowSplits, budgetUsd: cheap.costUsd + t * (fast.costUsd - cheap.costUsd) });
  return buildTestProblem(spec, { objective, allowSplits, deadlineMs: fast.makespanMs + t * (cheap.makespanMs - fast.makespanMs) });
}

describe("exactMilpSolver against the brute force on random DAGs", () => {
  for (const objective of ["latency", "cost"] as const) {
    it(`${objective}: evaluated objective ≤ brute force's, limits hold under the model`, async () => {
      await fc.assert(
        fc.asyncProperty(problemSpecArb(6), fc.double({ min: -0.2, max: 1.2, noNaN: true }), fc.boolean(), async (spec, t, allowSplits) => {
          const problem = await randomLimitProblem(spec, objective, t, allowSplits);
          const bf = await bruteForceSolver(problem, CTX);
          const milp = await exact(problem, CTX);
          const repaired = (milp.notes ?? []).some((n) => n.startsWith("repair"));
          if (milp.assignment !== undefined) {
            const e = evaluateAssignment(problem, milp.assignment);
            expect(e.feasible, JSON.stringify(e.violations)).toBe(true);
            expect(milp.status === "optimal" || milp.status === "feasible").toBe(true);
            if (milp.lowerBound !== undefined) expect(milp.lowerBound).toBeLessThanOrEqual((objective === "latency" ? e.makespanMs : e.costUsd) * (1 + 1e-9) + 1e-12);
          } else expect(milp.status).toBe("infeasible");
          if (bf.assignment === undefined || repaired) return;
          expect(milp.assignment).toBeDefined();
          const mine = evaluateAssignment(problem, milp.assignment!);
          const theirs = evaluateAssignment(problem, bf.assignment);
          if (objective === "latency") expect(mine.makespanMs).toBeLessThanOrEqual(theirs.makespanMs * (1 + GAP) + 1e-6);
          else expect(mine.costUsd).toBeLessThanOrEqual(theirs.costUsd * (1 + GAP) + 1e-12);
        }),
        { numRuns: 30, seed: 20240611 },
      );
    });
  }
});

describe("exactMilpSolver: perf-per-dollar", () => {
  it("without splits, does at least as well as the brute force's cheapest and fastest plans", async () => {
    await fc.assert(
      fc.asyncProperty(problemSpecArb(5), async (spec) => {
        const problem = buildTestProblem(spec, { objective: "perf-per-dollar", allowSplits: false });
        const milp = await exact(problem, CTX);
        expect(milp.status).toBe("feasible");
        const e = scored(problem, milp.assignment);
        expect(e.feasible).toBe(true);
        const ends = await Promise.all((["cost", "latency"] as const).map(async (objective) => evaluateAssignment(problem, (await bruteForceSolver({ ...problem, objective }, CTX)).assignment!)));
        const bestEnd = Math.min(...ends.map((x) => x.makespanMs * x.costUsd));
        expect(e.makespanMs * e.costUsd).toBeLessThanOrEqual(bestEnd * (1 + 2 * GAP));
      }),
      { numRuns: 8, seed: 7 },
    );
  });

  it("stopping at a 1% gap (as auto runs it: heuristic ends where proven, sweep budgets skipped by bound), is still within the tolerance of the brute force's ends", async () => {
    await fc.assert(
      fc.asyncProperty(problemSpecArb(5), async (spec) => {
        const problem = buildTestProblem(spec, { objective: "perf-per-dollar", allowSplits: false });
        const tolerance = 0.01;
        const milp = await exactMilpSolver({ relativeGap: tolerance, maxNodes: 2_000, breakTies: false })(problem, CTX);
        expect(milp.status).toBe("feasible");
        const e = scored(problem, milp.assignment);
        expect(e.feasible).toBe(true);
        const ends = await Promise.all((["cost", "latency"] as const).map(async (objective) => evaluateAssignment(problem, (await bruteForceSolver({ ...problem, objective }, CTX)).assignment!)));
        // each end is found within the tolerance of its optimum, so their makespan · cost within (1 + tolerance)²
        const bestEnd = Math.min(...ends.map((x) => x.makespanMs * x.costUsd));
        expect(e.makespanMs * e.costUsd).toBeLessThanOrEqual(bestEnd * (1 + tolerance) ** 2 * (1 + 1e-9));
      }),
      { numRuns: 8, seed: 8 },
    );
  });
});

describe("exactMilpSolver: engines", () => {
  it("GLPK and HiGHS agree on the objective", async () => {
    const problem = diamond({ budgetUsd: 0.0013 });
    const [h, g] = await Promise.all([exactMilpSolver({ engine: "highs" })(problem, CTX), exactMilpSolver({ engine: "glpk" })(problem, CTX)]);
    const mh = scored(problem, h.assignment).makespanMs;
    const mg = scored(problem, g.assignment).makespanMs;
    expect(Math.abs(mh - mg)).toBeLessThanOrEqual(GAP * Math.max(mh, mg));
  });
});

describe("exactMilpSolver against the chain DP", () => {
  it("on random chains with splits, is no worse than the DP (which searches a subset of splits)", async () => {
    await fc.assert(
      fc.asyncProperty(problemSpecArb(6, true), fc.constantFrom("latency" as const, "cost" as const), async (spec, objective) => {
        const problem = buildTestProblem(spec, { objective });
        const dp = scored(problem, (await chainDpSolver(problem, CTX)).assignment);
        const milp = scored(problem, (await exact(problem, CTX)).assignment);
        const pick = (e: typeof dp) => (objective === "latency" ? e.makespanMs : e.costUsd);
        expect(pick(milp)).toBeLessThanOrEqual(pick(dp) * (1 + GAP));
      }),
      { numRuns: 15, seed: 11 },
    );
  });
});

// Two roots feed s2: s0's 20 GB output could sit in the cache while s2 waits an hour for s1. The
// MILP's floating finish times can move s0's finish next to s2's and under-count that residency.
const LONG_WAIT: ProblemSpec = {
  inputBytes: 20e9,
  stages: [
    { instances: 1, fixedMs: 100, msPerMb: 0, outputRatio: 1, memoryMb: 3000 },
    { instances: 1, fixedMs: 3.6e6, msPerMb: 0, outputRatio: 1e-6, memoryMb: 3000 },
    { instances: 1, fixedMs: 100, msPerMb: 0, outputRatio: 1e-6, memoryMb: 3000 },
  ],
  edges: [
    { from: 0, to: 2, pattern: "one-to-one" },
    { from: 1, to: 2, pattern: "one-to-one" },
  ],
};
const FAST_CACHE = resolvePlatform({ cache: { priceUsdPerGibTransferred: 0, priceUsdPerGibHour: 0.01, connectionBytesPerSecond: 1e9 }, vm: { nicBytesPerSecond: 2e9, nicBurstBytesPerSecond: 2e9 }, billing: { compute: "function" } });

describe("exactMilpSolver: repair when the MILP under-counts cache residency", () => {
  const limits = { modes: ["remote", "cache"] as const, allowSplits: false };
  it("cost objective: returns the cheapest plan under the model, not the MILP's", async () => {
    const problem = buildTestProblem(LONG_WAIT, { ...limits, modes: [...limits.modes], objective: "cost" }, FAST_CACHE);
    const bf = evaluateAssignment(problem, (await bruteForceSolver(problem, CTX)).assignment!);
    const milp = await exact(problem, CTX);
    expect(milp.notes?.some((n) => n.startsWith("repair"))).toBe(true);
    expect(scored(problem, milp.assignment).costUsd).toBeLessThanOrEqual(bf.costUsd * (1 + GAP));
    expect(milp.lowerBound!).toBeLessThanOrEqual(bf.costUsd);
  });

  it("latency objective: keeps a budget the MILP alone would break", async () => {
    const loose = buildTestProblem(LONG_WAIT, { ...limits, modes: [...limits.modes], objective: "cost" }, FAST_CACHE);
    const cheapest = evaluateAssignment(loose, (await bruteForceSolver(loose, CTX)).assignment!);
    const problem = buildTestProblem(LONG_WAIT, { ...limits, modes: [...limits.modes], budgetUsd: cheapest.costUsd * (1 + 1e-6) }, FAST_CACHE);
    const milp = await exact(problem, CTX);
    expect(milp.status, JSON.stringify(milp.notes)).not.toBe("infeasible");
    const e = scored(problem, milp.assignment);
    expect(e.feasible, JSON.stringify(e.violations)).toBe(true);
    expect(e.makespanMs).toBeLessThanOrEqual(cheapest.makespanMs * (1 + GAP));
  });
});
