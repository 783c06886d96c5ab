import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import { mayHostWhenBeside } from "../../model/vm-local-chain.js";
import { buildTestProblem, diamondSpec, problemSpecArb } from "../../../test/support/solve-problems.js";
import { fastestPlan } from "./fastest-pass.js";
import { cheapestForward } from "./forward-pass.js";
import { tailMs } from "../schedule.js";

describe("tailMs", () => {
  it("is the longest time from a stage's finish to a sink's", () => {
    // diamond s0 → s1 → s2 and s0 → s2 with transfers 10, 20, 5 ms:
    //   tail(s2) = 0;  tail(s1) = 20 + base(s2);  tail(s0) = max(10 + base(s1) + tail(s1), 5 + base(s2))
    const problem = buildTestProblem(diamondSpec(8, 1769));
    const base = (id: string) => problem.stages.get(id)!.baseMs;
    const tail = tailMs(problem, [10, 20, 5]);
    expect(tail.get("s2")).toBe(0);
    expect(tail.get("s1")).toBe(20 + base("s2"));
    expect(tail.get("s0")).toBe(Math.max(10 + base("s1") + 20 + base("s2"), 5 + base("s2")));
  });
});

describe("cheapestForward", () => {
  it("keeps vm-local's placement rules at any target", () => {
    fc.assert(
      fc.property(problemSpecArb(7), fc.double({ min: 1, max: 3, noNaN: true }), (spec, stretch) => {
        const problem = buildTestProblem(spec);
        const fast = fastestPlan(problem);
        const times = fast.choices.map((c) => c.timeMs);
        const fastMs = evaluateAssignment(problem, { edges: fast.choices.map((c) => c.shares), admitted: fast.admitted }).makespanMs;
        const hosts = new Set(problem.dag.edges.filter((_, i) => fast.choices[i]!.usesVmLocal).map((e) => e.from));
        const plan = evaluateAssignment(problem, cheapestForward(problem, fastMs * stretch, tailMs(problem, times), hosts));
        expect(plan.violations.filter((v) => v.code === "vm-local-conflict" || v.code === "vm-local-chain" || v.code === "bad-split")).toEqual([]);
        // chain rule as the pass tracks it: a stage beside its producer on other VMs hosts no vm-local consumer
        problem.dag.edges.forEach((e, i) => {
          if (!plan.edges[i]!.shares.some((s) => s.mode === "vm-local") || mayHostWhenBeside(problem, i)) return;
          for (const j of problem.dag.outgoing.get(e.to)!) expect(plan.edges[j]!.shares.some((s) => s.mode === "vm-local")).toBe(false);
        });
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});
