import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { Problem } from "../../model/types.js";
import { bruteForceSolver } from "../referee/brute-force.js";
import { heuristicSolver } from "../heuristic/heuristic.js";
import { edgeTradeoff, edgeTradeoffWithout, type TradeoffVertex } from "../edge/edge-tradeoff.js";
import { exactMilpSolver } from "../milp/exact-milp.js";
import { splitCostUsd, splitTimeMs } from "../edge/fastest-split.js";
import { costLowerBoundUsd, latencyLowerBoundMs } from "./lower-bound.js";
import { lpRelaxationBound } from "./lp-relaxation-bound.js";
import { buildTestProblem, diamondSpec, problemSpecArb, type ProblemSpec } from "../../../test/support/solve-problems.js";
import { pieceTimeMs } from "../../model/modes/mode-module.js";

const CTX = { timeLimitMs: 20_000 };
const exact = exactMilpSolver();

/** The envelope's cost at time t (flat after the last vertex, undefined before the first). */
function envelopeUsd(vertices: readonly TradeoffVertex[], t: number): number | undefined {
  if (vertices.length === 0 || t < vertices[0]!.timeMs * (1 - 1e-9)) return undefined;
  for (let j = 0; j + 1 < vertices.length; j++) {
    const a = vertices[j]!;
    const b = vertices[j + 1]!;
    if (t <= b.timeMs) return a.costUsd + ((b.costUsd - a.costUsd) * (Math.max(t, a.timeMs) - a.timeMs)) / (b.timeMs - a.timeMs);
  }
  return vertices[vertices.length - 1]!.costUsd;
}

/** Limits between the cheapest and the fastest whole-mode plan (t < 0: tighter than the cheapest, often infeasible). */
async function limitedProblem(spec: ProblemSpec, objective: "latency" | "cost", t: number, allowSplits: boolean): Promise<Problem> {
  const loose = buildTestProblem(spec, { allowSplits });
  const cheap = evaluateAssignment(loose, (await bruteForceSolver({ ...loose, objective: "cost" }, CTX)).assignment!);
  const fast = evaluateAssignment(loose, (await bruteForceSolver(loose, CTX)).assignment!);
  if (objective === "latency") return buildTestProblem(spec, { objective, allowSplits, budgetUsd: Math.max(1e-12, cheap.costUsd + t * (fast.costUsd - cheap.costUsd)) });
  return buildTestProblem(spec, { objective, allowSplits, deadlineMs: Math.max(1e-6, fast.makespanMs + t * (cheap.makespanMs - fast.makespanMs)) });
}

/** The best evaluated objective of brute force (whole modes) and the exact MILP (splits too); Infinity when neither finds a plan. */
async function bestKnown(problem: Problem): Promise<number> {
  let best = Infinity;
  for (const o of [await bruteForceSolver(problem, CTX), await exact(problem, CTX)]) {
    if (o.assignment === undefined) continue;
    const e = evaluateAssignment(problem, o.assignment);
    if (e.feasible) best = Math.min(best, problem.objective === "latency" ? e.makespanMs : e.costUsd);
  }
  return best;
}

// The diamond with 32 middle instances of 3000 MB (2 per VM): vm-local there queues in 16 waves, so the budget binds.
const DIAMOND: ProblemSpec = diamondSpec(32, 3000);

describe("edgeTradeoff", () => {
  it("lies on or below every whole mode and every two-mode split of the edge", () => {
    fc.assert(
      fc.property(problemSpecArb(4), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }), (spec, fractions) => {
        const problem = buildTestProblem(spec);
        for (const cands of problem.edges) {
          const vertices = edgeTradeoff(cands, true)!;
          const below = (t: number, usd: number) => {
            const env = envelopeUsd(vertices, t);
            expect(env).toBeDefined();
            expect(env!).toBeLessThanOrEqual(usd * (1 + 1e-9) + 1e-15);
          };
          for (const o of cands.options) below(pieceTimeMs(o.timePieces, 1), o.fixedUsd + o.perFractionUsd);
          for (const a of cands.options) for (const b of cands.options) {
            if (a === b || !a.splittable || !b.splittable) continue;
            for (const f of fractions) if (f > 0 && f < 1) below(splitTimeMs(a, b, f), splitCostUsd(a, b, f));
          }
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe("edgeTradeoffWithout", () => {
  it("gives the envelope and, per option, the first vertex of the envelope without that option", () => {
    fc.assert(
      fc.property(problemSpecArb(5), fc.boolean(), (spec, allowSplits) => {
        const problem = buildTestProblem(spec, { allowSplits });
        for (const cands of problem.edges) {
          const scan = edgeTradeoffWithout(cands, allowSplits)!;
          expect(scan.vertices).toEqual(edgeTradeoff(cands, allowSplits));
          cands.options.forEach((o, k) => {
            // one scan per option, as the "without" rows were built before
            const alone = edgeTradeoff({ ...cands, options: cands.options.filter((x) => x !== o) }, allowSplits)?.[0]?.timeMs ?? Infinity;
            if (alone === Infinity) expect(scan.fastestWithoutMs[k]).toBe(Infinity);
            else expect(Math.abs(scan.fastestWithoutMs[k]! - alone)).toBeLessThanOrEqual(1e-9 * alone);
          });
        }
      }),
      { numRuns: 80, seed: 11 },
    );
  });
});

describe("lpRelaxationBound", () => {
  for (const objective of ["latency", "cost"] as const) {
    it(`${objective}: ≤ the best of brute force and the exact MILP, ≥ the cheap bound`, async () => {
      await fc.assert(
        fc.asyncProperty(problemSpecArb(5), fc.double({ min: -0.2, max: 1.2, noNaN: true }), fc.boolean(), async (spec, t, allowSplits) => {
          const problem = await limitedProblem(spec, objective, t, allowSplits);
          const lp = await lpRelaxationBound(problem, CTX);
          const best = await bestKnown(problem);
          if (lp.status === "infeasible") {
            expect(best).toBe(Infinity); // a relaxation that no point satisfies leaves no plan
            return;
          }
          expect(lp.status).toBe("optimal");
          const cheap = objective === "latency" ? latencyLowerBoundMs(problem) : costLowerBoundUsd(problem);
          expect(lp.bound!).toBeGreaterThanOrEqual(cheap);
          if (Number.isFinite(best)) expect(lp.bound!).toBeLessThanOrEqual(best * (1 + 1e-9) + 1e-12);
        }),
        { numRuns: 30, seed: 20240611 },
      );
    }, 120_000);
  }

  it("is strictly tighter with a binding budget than without one", async () => {
    // Budget a hair above the cheapest whole-mode plan: the fastest choices (what the bound without a
    // budget may assume on every edge) are out of reach, and the LP's cost rows say so. The diamond's
    // chain (its skip edge left out): on the diamond the fastest-plan bound, which sees the last
    // stage read one input after the other is written, already passes the relaxation.
    const chain = { ...DIAMOND, edges: DIAMOND.edges.slice(0, 2) };
    const loose = buildTestProblem(chain);
    const cheapUsd = evaluateAssignment(loose, (await bruteForceSolver({ ...loose, objective: "cost" }, CTX)).assignment!).costUsd;
    const problem = buildTestProblem(chain, { budgetUsd: cheapUsd * 1.0001 });
    const lp = await lpRelaxationBound(problem, CTX);
    expect(lp.status).toBe("optimal");
    const free = await lpRelaxationBound(loose, CTX);
    expect(free.bound!).toBeGreaterThanOrEqual(latencyLowerBoundMs(loose));
    expect(lp.bound!).toBeGreaterThan(free.bound! * (1 + 1e-6));
    expect(lp.bound!).toBeLessThanOrEqual((await bestKnown(problem)) * (1 + 1e-9));
  }, 60_000);

  it("gives the same bound started from the heuristic's plan (primal simplex) as cold (dual simplex)", async () => {
    let started = 0;
    await fc.assert(
      fc.asyncProperty(problemSpecArb(5), fc.constantFrom("latency", "cost"), fc.double({ min: 0, max: 1.2, noNaN: true }), fc.boolean(), async (spec, objective, t, allowSplits) => {
        const problem = await limitedProblem(spec, objective, t, allowSplits);
        const plan = await heuristicSolver(problem, CTX);
        if (plan.assignment === undefined) return;
        const [cold, warm] = [await lpRelaxationBound(problem, CTX), await lpRelaxationBound(problem, { ...CTX, start: plan.assignment })];
        expect(warm.status).toBe(cold.status);
        if (cold.bound !== undefined) expect(Math.abs(warm.bound! - cold.bound)).toBeLessThanOrEqual(1e-7 * Math.abs(cold.bound));
        started++;
      }),
      { numRuns: 40, seed: 20261204 },
    );
    expect(started).toBeGreaterThan(20);
  }, 120_000);

  it("gives no bound for perf-per-dollar", async () => {
    const lp = await lpRelaxationBound(buildTestProblem(DIAMOND, { objective: "perf-per-dollar" }), CTX);
    expect(lp.bound).toBeUndefined();
  });
});
