import { describe, expect, it } from "vitest";
import { InputError, type Issue } from "../errors.js";
import { validateDag } from "./validate-dag.js";

function issuesOf(input: unknown, known?: ReadonlySet<string>): Issue[] {
  try {
    validateDag(input, known);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return [...(e as InputError).issues];
  }
  throw new Error("expected an InputError");
}

const s = (id: string, instances?: number) => (instances === undefined ? { id, function: "f" } : { id, function: "f", instances });

describe("validateDag: valid input", () => {
  it("builds the internal form with a topological order and edge indexes", () => {
    const dag = validateDag({
      name: "diamond",
      stages: [s("d"), s("b"), s("a"), s("c")],
      edges: [
        { from: "b", to: "d", pattern: "shuffle" },
        { from: "a", to: "b", pattern: "scatter" },
        { from: "a", to: "c", pattern: "broadcast" },
        { from: "c", to: "d", pattern: "shuffle" },
      ],
    });
    expect(dag.name).toBe("diamond");
    const pos = new Map(dag.order.map((id, i) => [id, i]));
    for (const e of dag.edges) expect(pos.get(e.from)!).toBeLessThan(pos.get(e.to)!);
    expect(dag.incoming.get("d")).toEqual([0, 3]);
    expect(dag.outgoing.get("a")).toEqual([1, 2]);
    expect(dag.incoming.get("a")).toEqual([]);
  });

  it("defaults the name and the edges", () => {
    const dag = validateDag({ stages: [s("x")] });
    expect(dag.name).toBe("app");
    expect(dag.edges).toEqual([]);
    expect(dag.order).toEqual(["x"]);
  });

  it("keeps only the allowed fields", () => {
    const dag = validateDag({ stages: [{ id: "x", function: "f", instances: 3, colour: "red" }], extra: 1 });
    expect(dag.stages[0]).toEqual({ id: "x", function: "f", instances: 3 });
  });

  it.each([
    { pattern: "one-to-one", nu: 4, nv: 4 },
    { pattern: "scatter", nu: 4, nv: 12 },
    { pattern: "gather", nu: 4, nv: 1 },
    { pattern: "broadcast", nu: 4, nv: 7 },
    { pattern: "shuffle", nu: 3, nv: 5 },
  ])("accepts $pattern with $nu → $nv instances", ({ pattern, nu, nv }) => {
    expect(() => validateDag({ stages: [s("u", nu), s("v", nv)], edges: [{ from: "u", to: "v", pattern }] })).not.toThrow();
  });
});

describe("validateDag: each problem is a typed issue with its path", () => {
  it.each([
    {
      name: "a cycle is named",
      input: { stages: [s("a"), s("b"), s("c"), s("d")], edges: [{ from: "a", to: "b", pattern: "shuffle" }, { from: "b", to: "c", pattern: "shuffle" }, { from: "c", to: "a", pattern: "shuffle" }, { from: "c", to: "d", pattern: "shuffle" }] },
      issue: { code: "cycle", path: ["edges"], message: "cycle through a -> b -> c -> a" },
    },
    {
      name: "self-loop",
      input: { stages: [s("a")], edges: [{ from: "a", to: "a", pattern: "shuffle" }] },
      issue: { code: "cycle", path: ["edges", 0], actual: '"a->a"' },
    },
    {
      name: "dangling edge",
      input: { stages: [s("a")], edges: [{ from: "a", to: "ghost", pattern: "shuffle" }] },
      issue: { code: "unknown_reference", path: ["edges", 0, "to"], actual: '"ghost"' },
    },
    {
      name: "duplicate stage id",
      input: { stages: [s("a"), s("b"), s("a")] },
      issue: { code: "duplicate", path: ["stages", 2, "id"], actual: '"a"' },
    },
    {
      name: "duplicate edge",
      input: { stages: [s("a"), s("b")], edges: [{ from: "a", to: "b", pattern: "shuffle" }, { from: "a", to: "b", pattern: "gather" }] },
      issue: { code: "duplicate", path: ["edges", 1] },
    },
    {
      name: "unknown pattern",
      input: { stages: [s("a"), s("b")], edges: [{ from: "a", to: "b", pattern: "zip" }] },
      issue: { code: "invalid_value", path: ["edges", 0, "pattern"] },
    },
    {
      name: "non-positive instances",
      input: { stages: [s("a", 0)] },
      issue: { code: "invalid_value", path: ["stages", 0, "instances"] },
    },
    {
      name: "non-integer instances",
      input: { stages: [s("a", 2.5)] },
      issue: { code: "invalid_type", path: ["stages", 0, "instances"] },
    },
    {
      name: "one-to-one with unequal counts",
      input: { stages: [s("a", 4), s("b", 5)], edges: [{ from: "a", to: "b", pattern: "one-to-one" }] },
      issue: { code: "contradiction", path: ["edges", 0, "pattern"], expected: "4 consumer instances", actual: "5" },
    },
    {
      name: "scatter to a count that is not a multiple",
      input: { stages: [s("a", 4), s("b", 6)], edges: [{ from: "a", to: "b", pattern: "scatter" }] },
      issue: { code: "contradiction", path: ["edges", 0, "pattern"], expected: "a multiple of 4", actual: "6" },
    },
    {
      name: "scatter to fewer instances",
      input: { stages: [s("a", 4), s("b", 2)], edges: [{ from: "a", to: "b", pattern: "scatter" }] },
      issue: { code: "contradiction", path: ["edges", 0, "pattern"] },
    },
    {
      name: "gather to several instances",
      input: { stages: [s("a", 4), s("b", 2)], edges: [{ from: "a", to: "b", pattern: "gather" }] },
      issue: { code: "contradiction", path: ["edges", 0, "pattern"], expected: "1", actual: "2" },
    },
    {
      name: "not an object",
      input: "stages: a",
      issue: { code: "invalid_type", path: [] },
    },
    {
      name: "no stages",
      input: { stages: [] },
      issue: { path: ["stages"] },
    },
  ])("$name", ({ input, issue }) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject(issue);
  });

  it("inputFraction on a stage with inputs, or outside (0, 1]", () => {
    const issues = issuesOf({ stages: [{ id: "a", function: "f" }, { id: "b", function: "f", inputFraction: 0.5 }], edges: [{ from: "a", to: "b", pattern: "one-to-one" }] });
    expect(issues).toEqual([{ code: "contradiction", path: ["stages", 1, "inputFraction"], message: "only a root stage reads the app input", expected: "no inputFraction on a stage with inputs", actual: "0.5" }]);
    expect(issuesOf({ stages: [{ id: "a", function: "f", inputFraction: 1.5 }] })[0]!.path).toEqual(["stages", 0, "inputFraction"]);
  });

  it("unknown function, when the profiled functions are given", () => {
    const issues = issuesOf({ stages: [{ id: "a", function: "map" }, { id: "b", function: "reduce" }] }, new Set(["map", "sort"]));
    expect(issues).toEqual([
      { code: "unknown_reference", path: ["stages", 1, "function"], message: "no profile for this function", expected: "one of map, sort", actual: '"reduce"' },
    ]);
  });

  it("reports several semantic issues at once, each with its path", () => {
    const issues = issuesOf(
      {
        stages: [{ id: "a", function: "map", instances: 4 }, { id: "b", function: "nope", instances: 3 }, { id: "a", function: "map" }, { id: "c", function: "map" }],
        edges: [
          { from: "a", to: "b", pattern: "one-to-one" },
          { from: "b", to: "zz", pattern: "shuffle" },
          { from: "c", to: "c", pattern: "shuffle" },
          { from: "a", to: "b", pattern: "shuffle" },
          { from: "b", to: "a", pattern: "shuffle" },
        ],
      },
      new Set(["map"]),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_reference", ["stages", 1, "function"]],
      ["duplicate", ["stages", 2, "id"]],
      ["unknown_reference", ["edges", 1, "to"]],
      ["cycle", ["edges", 2]],
      ["duplicate", ["edges", 3]],
      ["cycle", ["edges"]],
      ["contradiction", ["edges", 0, "pattern"]],
    ]);
  });

  it("reports several structural issues at once", () => {
    const issues = issuesOf({ stages: [{ id: "a", function: "f", instances: -1 }, { id: "", function: "f" }], edges: [{ from: "a", to: "b", pattern: "zip" }] });
    expect(issues.map((i) => i.path)).toEqual([
      ["stages", 0, "instances"],
      ["stages", 1, "id"],
      ["edges", 0, "pattern"],
    ]);
  });

  it("the error message lists every issue with its path", () => {
    expect(() => validateDag({ stages: [s("a"), s("a")], edges: [{ from: "a", to: "q", pattern: "shuffle" }] })).toThrow(
      /Invalid DAG: 2 issues\n  - stages\.1\.id: duplicate stage id.*\n  - edges\.0\.to: dangling edge/,
    );
  });
});
