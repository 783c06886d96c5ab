import { describe, expect, it } from "vitest";
import { InputError, type Issue } from "../errors.js";
import { validateDag } from "./validate-dag.js";
import { thrownInputError } from "../../test/support/input-error.js";

const issuesOf = (input: unknown, known?: ReadonlySet<string>): Issue[] => [...thrownInputError(() => validateDag(input, known)).issues];

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
    const dag = validateDag({ name: "n", stages: [{ id: "x", function: "f", instances: 3 }] });
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
      issue: { code: "SLU2014", path: ["edges"], message: "cycle through a -> b -> c -> a" },
    },
    {
      name: "self-loop",
      input: { stages: [s("a")], edges: [{ from: "a", to: "a", pattern: "shuffle" }] },
      issue: { code: "SLU2012", path: ["edges", 0], actual: '"a->a"' },
    },
    {
      name: "dangling edge",
      input: { stages: [s("a")], edges: [{ from: "a", to: "ghost", pattern: "shuffle" }] },
      issue: { code: "SLU2011", path: ["edges", 0, "to"], actual: '"ghost"' },
    },
    {
      name: "duplicate stage id",
      input: { stages: [s("a"), s("b"), s("a")] },
      issue: { code: "SLU2010", path: ["stages", 2, "id"], actual: '"a"' },
    },
    {
      name: "duplicate edge",
      input: { stages: [s("a"), s("b")], edges: [{ from: "a", to: "b", pattern: "shuffle" }, { from: "a", to: "b", pattern: "gather" }] },
      issue: { code: "SLU2013", path: ["edges", 1] },
    },
    {
      name: "unknown pattern",
      input: { stages: [s("a"), s("b")], edges: [{ from: "a", to: "b", pattern: "zip" }] },
      issue: { code: "SLU2003", path: ["edges", 0, "pattern"], expected: 'one of "one-to-one", "scatter", "broadcast", "shuffle", "gather"', actual: '"zip"' },
    },
    {
      name: "non-positive instances",
      input: { stages: [s("a", 0)] },
      issue: { code: "SLU2003", path: ["stages", 0, "instances"], expected: "> 0", actual: "0" },
    },
    {
      name: "non-integer instances",
      input: { stages: [s("a", 2.5)] },
      issue: { code: "SLU2002", path: ["stages", 0, "instances"], expected: "an integer", actual: "2.5" },
    },
    {
      name: "one-to-one with unequal counts",
      input: { stages: [s("a", 4), s("b", 5)], edges: [{ from: "a", to: "b", pattern: "one-to-one" }] },
      issue: { code: "SLU2015", path: ["edges", 0, "pattern"], expected: "4 consumer instances", actual: "5" },
    },
    {
      name: "scatter to a count that is not a multiple",
      input: { stages: [s("a", 4), s("b", 6)], edges: [{ from: "a", to: "b", pattern: "scatter" }] },
      issue: { code: "SLU2016", path: ["edges", 0, "pattern"], expected: "a multiple of 4", actual: "6" },
    },
    {
      name: "scatter to fewer instances",
      input: { stages: [s("a", 4), s("b", 2)], edges: [{ from: "a", to: "b", pattern: "scatter" }] },
      issue: { code: "SLU2016", path: ["edges", 0, "pattern"] },
    },
    {
      name: "gather to several instances",
      input: { stages: [s("a", 4), s("b", 2)], edges: [{ from: "a", to: "b", pattern: "gather" }] },
      issue: { code: "SLU2017", path: ["edges", 0, "pattern"], expected: "1", actual: "2" },
    },
    {
      name: "not an object",
      input: "stages: a",
      issue: { code: "SLU2002", path: [], expected: "object", actual: '"stages: a"' },
    },
    {
      name: "no stages",
      input: { stages: [] },
      issue: { code: "SLU2003", path: ["stages"], expected: "at least 1 item(s)" },
    },
    {
      name: "an unknown stage field, with a suggestion",
      input: { stages: [{ id: "a", function: "f", instancez: 4 }] },
      issue: { code: "SLU2001", path: ["stages", 0, "instancez"], message: 'unknown DAG field; did you mean "instances"?', expected: "one of id, function, instances, memoryMb, inputFraction, sideInputBytes, repeat" },
    },
    {
      name: "an unknown top-level field",
      input: { stages: [s("a")], edgez: [] },
      issue: { code: "SLU2001", path: ["edgez"], message: 'unknown DAG field; did you mean "edges"?' },
    },
    {
      name: "a number given as a string is not coerced",
      input: { stages: [{ id: "a", function: "f", instances: "4" }] },
      // instances is a count, "auto" or { min, max }: a string other than "auto" fits none of them
      issue: { code: "SLU2002", path: ["stages", 0, "instances"], expected: 'number or one of "auto" or object', actual: '"4"' },
    },
  ])("$name", ({ input, issue }) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject(issue);
  });

  it("inputFraction on a stage with inputs, or outside (0, 1]", () => {
    const issues = issuesOf({ stages: [{ id: "a", function: "f" }, { id: "b", function: "f", inputFraction: 0.5 }], edges: [{ from: "a", to: "b", pattern: "one-to-one" }] });
    expect(issues).toEqual([{ code: "SLU2018", path: ["stages", 1, "inputFraction"], message: "only a root stage reads the app input", expected: "no inputFraction on a stage with inputs", actual: "0.5", hint: expect.any(String) }]);
    expect(issuesOf({ stages: [{ id: "a", function: "f", inputFraction: 1.5 }] })[0]!.path).toEqual(["stages", 0, "inputFraction"]);
  });

  it("unknown function, when the profiled functions are given", () => {
    const issues = issuesOf({ stages: [{ id: "a", function: "map" }, { id: "b", function: "reduce" }, { id: "c", function: "srot" }] }, new Set(["map", "sort"]));
    expect(issues).toEqual([
      { code: "SLU2019", path: ["stages", 1, "function"], message: "no profile for this function", expected: "one of map, sort", actual: '"reduce"', hint: expect.any(String) },
      { code: "SLU2019", path: ["stages", 2, "function"], message: 'no profile for this function; did you mean "sort"?', expected: "one of map, sort", actual: '"srot"', hint: expect.any(String) },
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
      ["SLU2019", ["stages", 1, "function"]], // unknown function
      ["SLU2010", ["stages", 2, "id"]], // duplicate stage
      ["SLU2011", ["edges", 1, "to"]], // dangling edge
      ["SLU2012", ["edges", 2]], // self-loop
      ["SLU2013", ["edges", 3]], // duplicate edge
      ["SLU2014", ["edges"]], // cycle
      ["SLU2015", ["edges", 0, "pattern"]], // one-to-one counts
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
      /Invalid DAG: 2 issues\n  - SLU2010 stages\.1\.id: duplicate stage id.*\n    hint: .*\n  - SLU2011 edges\.0\.to: dangling edge/,
    );
  });
});

describe("validateDag: ids are plain strings", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])("a stage and a function may be called %s", (id) => {
    const dag = validateDag(JSON.parse(`{"stages": [{"id": "${id}", "function": "${id}"}, {"id": "b", "function": "f"}], "edges": [{"from": "${id}", "to": "b", "pattern": "shuffle"}]}`), new Set([id, "f"]));
    expect(dag.order).toEqual([id, "b"]);
    expect(dag.stageById.get(id)?.function).toBe(id);
    expect(dag.outgoing.get(id)).toEqual([0]);
  });

  it("ids that contain -> are not mistaken for one another", () => {
    // "a->b" → "c" and "a" → "b->c" would share the text key "a->b->c"
    const dag = validateDag({ stages: ["a->b", "c", "a", "b->c"].map((id) => s(id)), edges: [{ from: "a->b", to: "c", pattern: "shuffle" }, { from: "a", to: "b->c", pattern: "shuffle" }] });
    expect(dag.edges).toHaveLength(2);
  });
});

describe("validateDag: size", () => {
  const chain = (n: number) => ({
    stages: Array.from({ length: n }, (_, i) => s(`s${i}`)),
    edges: Array.from({ length: n - 1 }, (_, i) => ({ from: `s${i}`, to: `s${i + 1}`, pattern: "one-to-one" })),
  });

  it("validates a chain of 100,000 stages (walks are iterative)", () => {
    const dag = validateDag(chain(100_000));
    expect(dag.order[0]).toBe("s0");
    expect(dag.order[99_999]).toBe("s99999");
  });

  it("finds a cycle 100,000 stages long", () => {
    const input = chain(100_000);
    input.edges.push({ from: "s99999", to: "s0", pattern: "one-to-one" });
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/^cycle through s0 -> s1 -> .* -> s99999 -> s0$/);
  });

  it.each([
    { name: "stages", input: chain(11), limits: { maxStages: 10 }, issue: { code: "SLU2101", path: ["stages"], expected: "≤ 10 stages", actual: "11 stages" } },
    { name: "edges", input: chain(11), limits: { maxEdges: 9 }, issue: { code: "SLU2102", path: ["edges"], expected: "≤ 9 edges", actual: "10 edges" } },
    { name: "instances of one stage", input: { stages: [s("a", 200_000)] }, limits: {}, issue: { code: "SLU2103", path: ["stages", 0, "instances"], expected: "≤ 100000 instances", actual: "200000" } },
    // 200 stages × 60,000 instances = 12,000,000 > 10,000,000
    { name: "instances in all", input: { stages: Array.from({ length: 200 }, (_, i) => s(`s${i}`, 60_000)) }, limits: {}, issue: { code: "SLU2104", expected: "≤ 10000000 instances in all", actual: "12000000 instances" } },
  ])("rejects too many $name, naming the limit", ({ input, limits, issue }) => {
    let caught: unknown;
    try {
      validateDag(input, undefined, limits);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).issues).toEqual([expect.objectContaining(issue)]);
  });

  it("a raised limit lets the DAG through", () => {
    expect(validateDag({ stages: [s("a", 1e9)] }, undefined, { maxInstances: 1e9, maxTotalInstances: 1e9 }).stages[0]!.instances).toBe(1e9);
  });

  it("rejects a million edges before parsing them", () => {
    const edges = Array.from({ length: 1_000_000 }, () => ({ from: "a", to: "b", pattern: "shuffle" }));
    expect(issuesOf({ stages: [s("a"), s("b")], edges })).toEqual([expect.objectContaining({ code: "SLU2102", actual: "1000000 edges" })]);
  });
});
