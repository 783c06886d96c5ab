import { describe, expect, it } from "vitest";
import type { Problem } from "../../model/types.js";
import { buildTestProblem, diamondSpec } from "../../../test/support/solve-problems.js";
import { sideInputsUsd } from "./forest-terms.js";

// The diamond: s2 reads edge 1 (s1 → s2: direct, remote, cache) and edge 2 (s0 → s2: vm-local,
// direct, remote, cache). With edge 1 as s2's tree edge, edge 2 is its one side input.
const problem = buildTestProblem(diamondSpec(8, 1769));
const wholeUsd = (p: Problem, mode: string) => {
  const o = p.edges[2]!.options.find((x) => x.mode === mode)!;
  return o.fixedUsd + o.perFractionUsd;
};
const nonLocalUsd = Math.min(...["direct", "remote", "cache"].map((m) => wholeUsd(problem, m)));
const localOnly: Problem = { ...problem, edges: problem.edges.map((c, i) => (i === 2 ? { ...c, options: c.options.filter((o) => o.mode === "vm-local") } : c)) };

describe("sideInputsUsd", () => {
  it.each([
    // tree edge vm-local: the side input may not be, so its cheapest other mode; otherwise the cheaper of that and vm-local
    { label: "a side input with every mode", p: problem, besideTree: nonLocalUsd, besideNone: Math.min(nonLocalUsd, wholeUsd(problem, "vm-local")) },
    // vm-local only: beside a vm-local tree edge no plan exists (Infinity), else it must take vm-local
    { label: "a side input with vm-local only", p: localOnly, besideTree: Infinity, besideNone: wholeUsd(problem, "vm-local") },
  ])("$label", ({ p, besideTree, besideNone }) => {
    const side = sideInputsUsd(p, "s2", 1);
    expect(side.besideTreeUsd).toBe(besideTree);
    expect(side.besideNoneUsd).toBeCloseTo(besideNone, 15);
    expect(Number.isNaN(side.besideNoneUsd)).toBe(false);
  });
});
