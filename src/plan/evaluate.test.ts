import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { evaluate } from "./evaluate.js";
import { plan } from "./plan.js";

// A stored plan for a DAG with an open count is re-priced at its own placement; the placement a
// scheduler hands back is checked first. Before, a placement that was not an array was a TypeError
// ("placement.map is not a function"), an unknown stage id was ignored, and an open stage left out
// was evaluated at 1 instance (a root's default) without a word.
const open = {
  name: "open",
  stages: [{ id: "map", function: "sort-map", instances: "auto" }, { id: "reduce", function: "sort-reduce" }],
  edges: [{ from: "map", to: "reduce", pattern: "shuffle" }],
};
const edges = [{ from: "map", to: "reduce", mode: "remote" as const }];

async function issuesOf(run: () => Promise<unknown>): Promise<unknown[]> {
  const err = await run().then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  return (err as InputError).issues.map((i) => [i.code, i.path]);
}

describe("evaluate() with a placement", () => {
  it("re-prices a stored plan (JSON round trip) at the plan's own prediction", async () => {
    const p = await plan(open, "2 GiB", { budgetUsd: 0.5 });
    const stored = JSON.parse(JSON.stringify(p)) as typeof p;
    const e = await evaluate(open, "2 GiB", stored, { budgetUsd: 0.5 });
    expect([e.makespanMs, e.costUsd]).toEqual([p.predicted.makespanMs, p.predicted.costUsd]);
  });

  it.each<[string, unknown, unknown[]]>([
    ["not an array", "map=8", [["SLU6028", ["decisions", "placement"]]]],
    ["an entry without instances", [{ stageId: "map" }], [["SLU6028", ["decisions", "placement", 0, "instances"]]]],
    ["a fractional count", [{ stageId: "map", instances: 2.5 }], [["SLU6028", ["decisions", "placement", 0, "instances"]]]],
    ["a count of 0", [{ stageId: "map", instances: 0 }], [["SLU6025", ["decisions", "placement", 0, "instances"]]]],
    ["an unknown stage (and the open one missing)", [{ stageId: "mapper", instances: 8 }], [["SLU6023", ["decisions", "placement", 0, "stageId"]], ["SLU6029", ["decisions", "placement"]]]],
    ["no entry for the open stage", [], [["SLU6029", ["decisions", "placement"]]]],
  ])("rejects %s", async (_name, placement, expected) => {
    expect(await issuesOf(() => evaluate(open, "2 GiB", { edges, admitted: [], placement } as never))).toEqual(expected);
  });

  it("checks the decisions' shape before sizing (null is an InputError, not a TypeError)", async () => {
    expect(await issuesOf(() => evaluate(open, "2 GiB", null as never))).toEqual([["SLU6028", ["decisions"]]]);
  });
});
