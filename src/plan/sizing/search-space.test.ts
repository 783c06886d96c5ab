import { describe, expect, it } from "vitest";
import { validateDag } from "../../dag/validate-dag.js";
import { powerGrid, searchSpace } from "./search-space.js";

describe("powerGrid", () => {
  it.each([
    // min, max → min, the powers of two strictly between, max
    [1, 1, [1]],
    [1, 10, [1, 2, 4, 8, 10]],
    [30, 10000, [30, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 10000]],
    [6, 8, [6, 8]],
    [3, 5, [3, 4, 5]],
  ])("%d–%d → %j", (min, max, grid) => {
    expect(powerGrid(min, max)).toEqual(grid);
  });
});

describe("searchSpace", () => {
  const dag = validateDag({
    stages: [
      { id: "root", function: "f", instances: "auto" },
      { id: "spread", function: "f", instances: { min: 2, max: 64 } },
      { id: "pair", function: "f", instances: "auto" },
      { id: "sink", function: "f", instances: "auto" },
      { id: "fixed", function: "f", instances: 4, memoryMb: 512 },
    ],
    edges: [
      { from: "root", to: "spread", pattern: "scatter" },
      { from: "spread", to: "pair", pattern: "one-to-one" },
      { from: "pair", to: "sink", pattern: "gather" },
      { from: "root", to: "fixed", pattern: "shuffle" },
    ],
  });
  const space = new Map(searchSpace(dag, true).map((s) => [s.stageId, s]));

  it.each([
    // stage, counts searched, scatter producer, fixed by its pattern, memory searched
    ["root", 15, undefined, false, true], // 1, 2, 4, …, 8192, 10000: 15 values
    ["spread", 7, "root", false, true], // multiples 1, 2, 4, …, 64 of root's count
    ["pair", 0, undefined, true, true], // one-to-one: as many as its producer
    ["sink", 0, undefined, true, true], // gather: one
    ["fixed", 0, undefined, false, false], // a fixed count and a configured memory are the DAG's
  ] as const)("%s", (id, counts, scatterFrom, fixedByPattern, memory) => {
    const s = space.get(id)!;
    expect([s.counts.length, s.scatterFrom, s.fixedByPattern, s.memory]).toEqual([counts, scatterFrom, fixedByPattern, memory]);
  });
});
