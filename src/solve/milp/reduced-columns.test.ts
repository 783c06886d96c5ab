import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveMilp } from "../../lp/solve-milp.js";
import type { Problem } from "../../model/types.js";
import { prepareProblem } from "../../plan/prepare-problem.js";
import { plan } from "../../plan/plan.js";
import { buildTestProblem, diamondSpec, problemSpecArb } from "../../../test/support/solve-problems.js";
import { randomDag, randomDagProfiles } from "../../../test/support/random-dag.js";
import { buildPlanMilp } from "./formulation.js";
import { computeMilpScale } from "./scale.js";
import { reducedColumns } from "./reduced-columns.js";

/** The relaxation's LP optimum (scaled units) built with and without the merged columns, and both models' sizes. */
async function bothOptima(problem: Problem) {
  const minimize = problem.objective === "cost" ? "cost" : "latency";
  const scale = computeMilpScale(problem);
  const build = (reduceColumns: boolean) => buildPlanMilp(problem, { minimize, budgetUsd: problem.budgetUsd, deadlineMs: problem.deadlineMs, relax: true, reduceColumns }, scale).model;
  const [all, merged] = [build(false), build(true)];
  const [a, b] = [await solveMilp(all, { engine: "highs" }), await solveMilp(merged, { engine: "highs" })];
  return { all: a, merged: b, columns: [all.variables.length, merged.variables.length], rows: [all.constraints.length, merged.constraints.length] };
}

const sameOptimum = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(x)));

describe("reducedColumns", () => {
  it("merges whole options' fractions and single-use admissions only", () => {
    // the diamond's 4 edges, each with whole options when splits are off: every fraction merges
    const problem = buildTestProblem(diamondSpec(8, 1024), { allowSplits: false });
    const reduced = reducedColumns(problem);
    const options = problem.edges.flatMap((c) => c.options);
    expect(reduced.fractionAsUse.size).toBe(options.length);
    // with splits allowed only the non-splittable options (vm-local) merge
    const split = reducedColumns(buildTestProblem(diamondSpec(8, 1024), { allowSplits: true }));
    expect([...split.fractionAsUse].every((o) => !o.splittable)).toBe(true);
    // a stage's admission merges only when one (edge, option) pair needs it
    for (const [id, use] of reduced.admissionAsUse) {
      const pairs = problem.dag.edges.flatMap((e, i) => (e.from === id ? problem.edges[i]!.options.filter((o) => o.requiresAdmission) : []));
      expect(pairs.length).toBe(1);
      expect(use).toMatch(/^y\[\d+\]\[cache\]$/);
    }
  });

  // bench:plan's kind of problem, smaller: random DAGs with a halfway budget, through plan()'s own preparation
  const table = [
    { stages: 12, seed: 1000 },
    { stages: 30, seed: 1009 },
    { stages: 40, seed: 1003 },
  ];
  for (const { stages, seed } of table) {
    it(`random DAG of ${stages} stages (seed ${seed}): the same LP optimum with fewer columns`, async () => {
      const profiles = randomDagProfiles();
      const dag = randomDag(stages, seed);
      const cheap = await plan(dag, "2 GB", { profiles, objective: "cost", solver: "heuristic" });
      const fast = await plan(dag, "2 GB", { profiles, solver: "heuristic" });
      const budgetUsd = (cheap.predicted.costUsd + fast.predicted.costUsd) / 2;
      const { problem } = await prepareProblem(dag, "2 GB", { profiles, budgetUsd });
      const r = await bothOptima(problem);
      expect(r.all.status).toBe("optimal");
      expect(r.merged.status).toBe("optimal");
      sameOptimum(r.all.objective, r.merged.objective);
      expect(r.columns[1]).toBeLessThan(r.columns[0]!); // vm-local's fractions at least
      expect(r.rows[1]).toBeLessThan(r.rows[0]!);
    }, 30_000);
  }

  it("gives the same LP optimum (or the same infeasibility) on random small problems, budgets and deadlines", async () => {
    const seen = { optimal: 0, infeasible: 0, merged: 0 };
    await fc.assert(
      fc.asyncProperty(problemSpecArb(5), fc.boolean(), fc.constantFrom("latency", "cost"), fc.double({ min: 0, max: 3, noNaN: true }), async (spec, allowSplits, objective, slack) => {
        const loose = buildTestProblem(spec, { allowSplits });
        // a limit around the loose relaxation's own figures: 0 often infeasible, 3 rarely binding
        const free = await bothOptima({ ...loose, objective });
        if (free.all.status !== "optimal") return;
        const scale = computeMilpScale(loose);
        const limits = objective === "latency" ? { budgetUsd: scale.constantUsd * (1 + slack / 10) } : { deadlineMs: scale.horizonMs * (slack / 3) };
        const problem = buildTestProblem(spec, { allowSplits, objective, ...limits });
        const r = await bothOptima(problem);
        expect(r.merged.status).toBe(r.all.status);
        if (r.all.status === "optimal") sameOptimum(r.all.objective, r.merged.objective);
        if (r.all.status === "optimal" || r.all.status === "infeasible") seen[r.all.status]++;
        if (r.columns[1]! < r.columns[0]!) seen.merged++;
      }),
      { numRuns: 60, seed: 20261204 },
    );
    // the sample reaches both outcomes, and merges columns
    expect(seen.optimal).toBeGreaterThan(0);
    expect(seen.infeasible).toBeGreaterThan(0);
    expect(seen.merged).toBeGreaterThan(0);
  }, 120_000);
});
