import { describe, expect, it } from "vitest";
import { randomDag, randomDagProfiles } from "../testing/random-dag.js";
import { plan } from "./plan.js";

const DAG = "examples/dags/mapreduce-sort.json";

describe("plan() is reproducible", () => {
  it("gives byte-identical JSON for the same inputs, with no wall-clock timings unless asked", async () => {
    const { readFile } = await import("node:fs/promises");
    const dag = JSON.parse(await readFile(DAG, "utf8"));
    const a = JSON.stringify(await plan(dag, "1.5 GiB"));
    const b = JSON.stringify(await plan(dag, "1.5 GiB"));
    expect(a).toBe(b);
    expect(a).not.toContain("timingsMs");
    const timed = await plan(dag, "1.5 GiB", { timings: true });
    expect(Object.keys(timed.timingsMs ?? {})).toEqual(["validate", "estimate", "candidates", "solve", "assemble"]);
  });

  it("200 concurrent calls that reach the exact MILP agree", async () => {
    // A 12-stage random DAG (seed 35) with the budget a quarter of the way from its cheapest to its
    // fastest plan's cost: the heuristic's gap exceeds the tolerance, so "auto" runs the MILP
    // (measured: solver "exact-milp (auto)").
    const profiles = randomDagProfiles();
    const dag = randomDag(12, 35, 3);
    const fast = await plan(dag, "2 GB", { profiles });
    const cheap = await plan(dag, "2 GB", { profiles, objective: "cost" });
    const budgetUsd = cheap.predicted.costUsd + 0.25 * (fast.predicted.costUsd - cheap.predicted.costUsd);
    const first = await plan(dag, "2 GB", { profiles, budgetUsd });
    expect(first.solver.name).toContain("milp");
    const all = await Promise.all(Array.from({ length: 200 }, () => plan(dag, "2 GB", { profiles, budgetUsd })));
    expect(new Set(all.map((p) => JSON.stringify(p))).size).toBe(1);
    expect(JSON.stringify(all[0])).toBe(JSON.stringify(first));
  });
});
