import { describe, expect, it, vi } from "vitest";
import { buildTestProblem, diamondSpec } from "../../test/support/solve-problems.js";
import { exactMilpSolver } from "../solve/milp/exact-milp.js";
import { solveMilp } from "./solve-milp.js";
import { REFERENCE_CASES } from "./test-models.js";

// A default install has no glpk.js (an optional peer dependency): its import fails as Node's does.
vi.mock("glpk.js/node", () => {
  throw Object.assign(new Error("Cannot find package 'glpk.js'"), { code: "ERR_MODULE_NOT_FOUND" });
});

describe("GLPK when glpk.js is not installed", () => {
  it("solveMilp says the engine is unavailable and how to add it, without throwing", async () => {
    const r = await solveMilp(REFERENCE_CASES[0]!.model, { engine: "glpk", timeLimitMs: 5_000 });
    expect(r.status).toBe("error");
    expect(r.unavailable).toBe(true);
    expect(r.message).toMatch(/npm install glpk\.js/);
  });

  it("the exact solver asked for GLPK plans with HiGHS instead, and notes it", async () => {
    const outcome = await exactMilpSolver({ engine: "glpk" })(buildTestProblem(diamondSpec(8, 1769), { budgetUsd: 1 }), { timeLimitMs: 20_000 });
    expect(outcome.assignment).toBeDefined();
    expect(outcome.notes?.some((n) => n.includes("glpk.js") && n.includes("used HiGHS"))).toBe(true);
  });
});
