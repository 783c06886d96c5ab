import { describe, expect, it } from "vitest";
import { InputError, InvariantError, IoError, inputErrorOf, sluiceError } from "./error-classes.js";
import { fillTemplate, formatIssue, issue } from "./issue.js";
import { show } from "./show.js";

describe("issue()", () => {
  it("fills the message and expected templates from the catalogue and keeps the hint", () => {
    const i = issue("dag.cycle", { path: ["edges"], params: { cycle: "a -> b -> a" } });
    expect(i).toEqual({ code: "SLU2014", path: ["edges"], message: "cycle through a -> b -> a", expected: "an acyclic graph", hint: expect.stringContaining("remove one edge") });
  });

  it.each([
    // a string actual is shown as given; anything else through show()
    { actual: "5 instances", shown: "5 instances" },
    { actual: show("a"), shown: '"a"' },
    { actual: 4, shown: "4" },
    { actual: null, shown: "null" },
    { actual: { x: 1 }, shown: '{"x":1}' },
  ])("shows actual $actual as $shown", ({ actual, shown }) => {
    expect(issue("dag.duplicateStageId", { path: ["stages", 1, "id"], actual }).actual).toBe(shown);
  });

  it("lets the raise site override expected", () => {
    expect(issue("dag.oneToOneCounts", { path: [], params: { edge: "a->b" }, expected: "4 consumer instances" }).expected).toBe("4 consumer instances");
  });

  it("leaves unknown placeholders visible rather than blank", () => {
    expect(fillTemplate("x {a} {b}", { a: 1 })).toBe("x 1 {b}");
  });

  it("formats as code, path, message, expected, actual", () => {
    expect(formatIssue(issue("dag.duplicateStageId", { path: ["stages", 2, "id"], actual: show("map") }))).toBe('SLU2010 stages.2.id: duplicate stage id; expected unique stage ids; got "map"');
    expect(formatIssue(issue("dag.badValue", { actual: "x" }))).toMatch(/^SLU2003 \(root\): /);
  });
});

describe("the error classes", () => {
  it.each([
    { key: "dag.duplicateStageId", cls: InputError, category: "data", exit: 65 },
    { key: "option.unknownSolver", cls: InputError, category: "usage", exit: 64 },
    { key: "io.cannotRead", cls: InputError, category: "no-input", exit: 66 },
    { key: "io.cannotWrite", cls: IoError, category: "io", exit: 74 },
    { key: "internal.invariant", cls: InvariantError, category: "internal", exit: 70 },
  ] as const)("$key raises a $cls.name with category $category, exit $exit", ({ key, cls, category, exit }) => {
    const params = { reason: "r", detail: "d" };
    const err = sluiceError(key as "io.cannotWrite", { path: ["p"], params });
    expect(err).toBeInstanceOf(cls);
    expect(err.category).toBe(category);
    expect(err.exitCode).toBe(exit);
    expect(err.code).toMatch(/^SLU\d{4}$/);
    expect(err.issues).toHaveLength(1);
  });

  it("renders every issue and each distinct hint once", () => {
    const err = inputErrorOf([
      issue("dag.duplicateStageId", { path: ["stages", 1, "id"], actual: show("a") }),
      issue("dag.duplicateStageId", { path: ["stages", 2, "id"], actual: show("a") }),
      issue("dag.danglingEdge", { path: ["edges", 0, "to"], actual: show("q") }),
    ]);
    expect(err.message.split("\n")).toEqual([
      "Invalid DAG: 3 issues",
      '  - SLU2010 stages.1.id: duplicate stage id; expected unique stage ids; got "a"',
      "    hint: Rename one of the stages; edges refer to stages by id.",
      '  - SLU2010 stages.2.id: duplicate stage id; expected unique stage ids; got "a"',
      '  - SLU2011 edges.0.to: dangling edge: no such stage; expected a stage id; got "q"',
      "    hint: Every edge's from and to must name a stage listed in stages.",
    ]);
    expect(err.code).toBe("SLU2010");
  });

  it("keeps `new InvariantError(detail)` working, with the generic internal code", () => {
    const err = new InvariantError("the heap is empty");
    expect(err.code).toBe("SLU9001");
    expect(err.exitCode).toBe(70);
    expect(err.message).toContain("the heap is empty");
  });

  it("serialises to JSON with code, category and issues", () => {
    const err = sluiceError("dag.selfLoop", { path: ["edges", 0], actual: show("a->a") });
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ name: "InputError", code: "SLU2012", category: "data", issues: [{ code: "SLU2012", path: ["edges", 0] }] });
  });
});
