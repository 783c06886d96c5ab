import { describe, expect, it } from "vitest";
import type { Pattern } from "../../dag/types.js";
import { validateDag } from "../../dag/validate-dag.js";
import type { InstanceOutcome } from "../queue/job-data.js";
import { instanceCount } from "./instance-count.js";

/** Producers' outcomes as their partition counts: `[3, 3]` is two instances of three partitions each. */
const outcomes = (byStage: Record<string, number[]>) =>
  new Map(Object.entries(byStage).map(([id, parts]) => [id, parts.map((n, index) => ({ index, partitionBytes: Array<number>(n).fill(1) }) as unknown as InstanceOutcome)]));

const twoInputs = (p: Pattern, q: Pattern) =>
  validateDag({ name: "d", stages: [{ id: "a", function: "f", instances: 2 }, { id: "b", function: "f" }, { id: "c", function: "f" }], edges: [{ from: "a", to: "c", pattern: p }, { from: "b", to: "c", pattern: q }] });

describe("instanceCount", () => {
  it.each([
    // A root runs its own count.
    { name: "a root", pattern: "one-to-one" as const, parts: [], stage: "a", n: 2 },
    // one-to-one: one receiver per producer instance (2).
    { name: "one-to-one", pattern: "one-to-one" as const, parts: [1, 1], stage: "b", n: 2 },
    // scatter: one receiver per partition, 3 + 2 = 5.
    { name: "scatter", pattern: "scatter" as const, parts: [3, 2], stage: "b", n: 5 },
    // shuffle: as many receivers as each producer wrote partitions (4).
    { name: "shuffle", pattern: "shuffle" as const, parts: [4, 4], stage: "b", n: 4 },
    // gather: one receiver.
    { name: "gather", pattern: "gather" as const, parts: [4, 4], stage: "b", n: 1 },
  ])("$name → $n", ({ pattern, parts, stage, n }) => {
    const dag = validateDag({ name: "d", stages: [{ id: "a", function: "f", instances: 2 }, { id: "b", function: "f" }], edges: [{ from: "a", to: "b", pattern }] });
    expect(instanceCount(dag, stage, outcomes({ a: parts }))).toBe(n);
  });

  it("agrees across input edges that give the same count (one-to-one 2 and shuffle of 2 partitions)", () => {
    expect(instanceCount(twoInputs("one-to-one", "shuffle"), "c", outcomes({ a: [2, 2], b: [2] }))).toBe(2);
  });

  it.each([
    // a→c one-to-one gives 2, b→c gather gives 1.
    { name: "two input edges that disagree", dag: twoInputs("one-to-one", "gather"), byStage: { a: [1, 1], b: [1] }, detail: /b->c gives 1, an earlier input 2/ },
    // A shuffle whose producers wrote 3 and 2 partitions.
    { name: "a shuffle of unequal producers", dag: twoInputs("shuffle", "shuffle"), byStage: { a: [3, 2], b: [3] }, detail: /producer 0 wrote 3, producer 1 wrote 2/ },
  ])("throws execute.instanceCountMismatch naming the stage for $name", ({ dag, byStage, detail }) => {
    const run = () => instanceCount(dag, "c", outcomes(byStage));
    expect(run).toThrow(/SLU7514/);
    expect(run).toThrow(/stages\.c/);
    expect(run).toThrow(detail);
  });
});
