import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import type { Assignment, ModeShare } from "../../model/types.js";
import { buildTestProblem, diamondSpec } from "../../../test/support/solve-problems.js";
import { scoreRun } from "./repair.js";

// The diamond (see extract.test.ts): edges s0→s1, s1→s2, s0→s2; direct is offered on all three.
const problem = buildTestProblem(diamondSpec(8, 1769));
const direct: ModeShare[] = [{ mode: "direct", fraction: 1 }];
const withEdge0 = (shares: ModeShare[], admitted: string[] = []): Assignment => ({ edges: [shares, direct, direct], admitted: new Set(admitted) });

describe("scoreRun: a MILP plan that breaks the model beyond its limits is a bug", () => {
  it("scores a plan the model accepts (whole direct on every edge)", () => {
    const best = scoreRun(problem, [withEdge0(direct)], undefined)!;
    expect(best.evaluation.violations).toEqual([]);
  });

  it.each([
    // 0.5 + 0.25 = 0.75 ≠ 1
    { label: "shares that do not sum to 1", assignment: withEdge0([{ mode: "direct", fraction: 0.5 }, { mode: "remote", fraction: 0.25 }]), path: "edges.s0->s1" },
    // the cache mode reads s0's output from the cache tier, which s0 was not admitted to
    { label: "a cache share without admission", assignment: withEdge0([{ mode: "cache", fraction: 1 }]), path: "edges.s0->s1.cache" },
    // vm-local is whole-only
    { label: "a split vm-local share", assignment: withEdge0([{ mode: "vm-local", fraction: 0.5 }, { mode: "direct", fraction: 0.5 }]), path: "edges.s0->s1.vm-local" },
  ])("$label is the internal error SLU9004 naming the violation", ({ assignment, path }) => {
    expect(() => scoreRun(problem, [assignment], undefined)).toThrow(expect.objectContaining({ code: codeOf("internal.milpPlanBreaksModel"), message: expect.stringContaining(path) }));
  });
});
