import { describe, expect, it } from "vitest";
import type { Objective } from "../model/types.js";
import { runPlanCase } from "../../test/support/run-plan-case.js";

// A seeded sample of the property bench/solver-property.bench.ts checks over 10,000 DAGs per
// objective: plan() returns a sound plan or a typed InputError, never another exception. Every
// fifth case asks for the exact MILP, whose read-back (fractions within the engine's tolerance)
// once threw on objective "cost".
const CASES = 60;

describe("plan() on random DAGs never throws", () => {
  for (const objective of ["latency", "cost", "perf-per-dollar"] as const satisfies readonly Objective[]) {
    it(`${objective}: ${CASES} seeded cases`, async () => {
      const failures: string[] = [];
      for (let seed = 1; seed <= CASES; seed++) {
        const outcome = await runPlanCase(seed, objective, seed % 5 === 0 && objective !== "perf-per-dollar" ? "exact" : "auto");
        if (outcome.problems.length > 0) failures.push(`seed ${seed}: ${outcome.problems.join("; ")}`);
      }
      expect(failures).toEqual([]);
    }, 300_000);
  }

  // Cases the 10,000-case bench found, kept so they stay fixed.
  const FOUND: { seed: number; objective: Objective; why: string }[] = [
    // modes vm-local + cache and a cache too small for a producer's output: a second input of a
    // stage had no choice within the capacity and the fastest pass read an undefined choice
    { seed: 1_001_000, objective: "cost", why: "no edge choice within the cache capacity" },
  ];
  for (const { seed, objective, why } of FOUND) {
    it(`${objective} seed ${seed}: ${why}`, async () => {
      const outcome = await runPlanCase(seed, objective, "auto");
      expect(outcome.problems).toEqual([]);
    });
  }
});
