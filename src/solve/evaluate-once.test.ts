import { describe, expect, it } from "vitest";
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { Assignment } from "../model/types.js";
import { buildTestProblem, diamondSpec } from "../../test/support/solve-problems.js";
import { evaluateOnce } from "./evaluate-once.js";

describe("evaluateOnce", () => {
  const problem = buildTestProblem(diamondSpec(4, 1024), { budgetUsd: 1 });
  const direct: Assignment = { edges: problem.dag.edges.map(() => [{ mode: "direct", fraction: 1 }]), admitted: new Set() };
  const remote: Assignment = { edges: problem.dag.edges.map(() => [{ mode: "remote", fraction: 1 }]), admitted: new Set() };
  const cases = [
    // the verdict is the model's; asked again about the same objects, the same verdict object comes back
    { name: "all direct", assignment: direct },
    { name: "all remote", assignment: remote },
  ];
  for (const { name, assignment } of cases) {
    it(`${name}: gives evaluateAssignment's verdict, once per (assignment, problem)`, () => {
      const first = evaluateOnce(problem, assignment);
      expect(first).toEqual(evaluateAssignment(problem, assignment));
      expect(evaluateOnce(problem, assignment)).toBe(first);
      // another problem (here: another budget) is another question
      const tighter = { ...problem, budgetUsd: 0 };
      const other = evaluateOnce(tighter, assignment);
      expect(other).not.toBe(first);
      expect(other.feasible).toBe(false);
    });
  }
});
