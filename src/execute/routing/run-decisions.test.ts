import { describe, expect, it } from "vitest";
import type { EdgeDecision } from "../../model/types.js";
import type { StagePlacement } from "../../plan/types.js";
import { runDecisionsKey, sameRunDecisions } from "./run-decisions.js";

interface RunDecisions {
  readonly inputBytes: number;
  readonly edges: readonly EdgeDecision[];
  readonly admitted: readonly string[];
  readonly placement: readonly StagePlacement[];
}

const stage = (stageId: string, instances: number, vms: number, colocatedWith?: string): StagePlacement => ({ stageId, instances, vms, slotsPerVm: 1, waves: Math.ceil(instances / vms), billedMemoryMb: 128, ...(colocatedWith ? { colocatedWith } : {}) });
const base: RunDecisions = {
  inputBytes: 4 * 1024 * 1024,
  edges: [
    { from: "split", to: "lloyd", mode: "vm-local" },
    { from: "lloyd", to: "merge", mode: "direct" },
  ],
  admitted: [],
  placement: [stage("split", 2, 2), stage("lloyd", 4, 2, "split"), stage("merge", 1, 1)],
};

describe("sameRunDecisions", () => {
  // Each case changes one thing execute() acts on (or one thing it does not) and says whether the runs differ.
  const cases: { name: string; other: RunDecisions; same: boolean }[] = [
    { name: "the same decisions", other: { ...base }, same: true },
    { name: "the placement listed in another order (order is not a decision)", other: { ...base, placement: [...base.placement].reverse() }, same: true },
    { name: "an explicit split of 100% direct is the unsplit direct edge", other: { ...base, edges: [base.edges[0]!, { ...base.edges[1]!, split: { direct: 1 } }] }, same: true },
    { name: "another mode on one edge", other: { ...base, edges: [base.edges[0]!, { from: "lloyd", to: "merge", mode: "cache" }] }, same: false },
    { name: "a split 50/50 instead of all direct", other: { ...base, edges: [base.edges[0]!, { ...base.edges[1]!, split: { direct: 0.5, remote: 0.5 } }] }, same: false },
    { name: "a stage admitted to the cache", other: { ...base, admitted: ["lloyd"] }, same: false },
    { name: "lloyd on 8 instances instead of 4", other: { ...base, placement: [base.placement[0]!, stage("lloyd", 8, 2, "split"), base.placement[2]!] }, same: false },
    { name: "another input size (8 MiB against 4 MiB)", other: { ...base, inputBytes: 8 * 1024 * 1024 }, same: false },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.same ? "same" : "different"}`, () => {
      expect(sameRunDecisions(base, c.other)).toBe(c.same);
      expect(runDecisionsKey(base) === runDecisionsKey(c.other)).toBe(c.same);
    });
  }
});
