import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { randomDag, randomDagProfiles } from "../../test/support/random-dag.js";
import { plan } from "./plan.js";

const sort = JSON.parse(readFileSync("examples/dags/mapreduce-sort.json", "utf8"));

describe("plans that miss a limit explain it honestly", () => {
  it("a deadline under the latency objective is named as the deadline, never as a budget of $Infinity", async () => {
    const p = await plan(sort, "1.5 GiB", { deadlineMs: 1 });
    expect(p.status).toBe("infeasible");
    expect(p.message).toMatch(/^deadline 1 ms is below the fastest achievable makespan, [\d.]+ ms/);
    expect(JSON.stringify(p)).not.toContain("Infinity");
  });

  it("a budget below the cheapest plan says so with the cheapest cost, which is above the budget", async () => {
    const p = await plan(sort, "1.5 GiB", { budgetUsd: 1e-9 });
    expect(p.status).toBe("infeasible");
    expect(p.message).toMatch(/^budget \$1e-9 is below the cheapest achievable cost/);
    expect(p.predicted.costUsd).toBeGreaterThan(1e-9);
  });

  it("both limits attainable alone but not together are named together", async () => {
    // Function billing and NICs at their baseline, where the fastest plan is not the cheapest (with
    // bursting NICs and the VM-pool bill, direct passing is both here).
    const platform = { vm: { nicBurstBytesPerSecond: 1.25e9 / 8 }, billing: { compute: "function" as const } };
    const fastest = await plan(sort, "1.5 GiB", { platform });
    const cheapest = await plan(sort, "1.5 GiB", { platform, objective: "cost" });
    // just under the fastest's cost, just under the cheapest's makespan: neither plan meets both
    const p = await plan(sort, "1.5 GiB", { platform, budgetUsd: fastest.predicted.costUsd * 0.999, deadlineMs: cheapest.predicted.makespanMs * 0.999 });
    if (p.status === "infeasible") expect(p.message).toMatch(/^no plan found meets both the budget .* and the deadline/);
    else expect(p.predicted.costUsd).toBeLessThanOrEqual(fastest.predicted.costUsd * 0.999);
  });

  it("brute force (whole modes only) missing a deadline that a split meets returns the split plan, not a self-contradiction", async () => {
    // Seed 70 at 3 GB: the heuristic's fastest plan splits one edge and takes 128,147 ms; the best
    // whole-mode plan takes 128,314 ms. A deadline of 128,200 ms is met only with the split.
    const profiles = randomDagProfiles();
    const dag = randomDag(4, 70, 3);
    const p = await plan(dag, "3 GB", { profiles, objective: "cost", deadlineMs: 128_200, solver: "brute-force" });
    expect(p.status).toBe("ok");
    expect(p.predicted.makespanMs).toBeLessThanOrEqual(128_200 * (1 + 1e-9)); // the model's feasibility tolerance
    expect(p.solver.notes.join("\n")).toContain("brute-force found no plan within the limits; the heuristic's plan meets them");
  });

  it("a solver that times out is not reported as proof of infeasibility", async () => {
    const timedOut = () => ({ name: "slow", status: "timedout" as const });
    const p = await plan(sort, "1.5 GiB", { solver: timedOut });
    expect(p.status).toBe("ok");
    expect(p.solver.notes).toContain("slow reached its time limit without a plan within the limits; the heuristic's plan meets them");
    const q = await plan(sort, "1.5 GiB", { solver: timedOut, budgetUsd: 1e-9 });
    expect(q.status).toBe("infeasible");
    expect(q.message).toMatch(/^budget \$1e-9 is below the cheapest achievable cost.*\(the search reached its time limit, so a plan within the limits may still exist\)$/);
  });
});
