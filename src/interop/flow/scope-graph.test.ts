import { describe, expect, it } from "vitest";
import type { FlowNode, FlowScope } from "./flow-graph.js";
import { patternFor } from "./dag-records.js";
import { analyseScope } from "./scope-graph.js";

/** A scope from `name: type -> next,next` lines; "choice" and "fail" nodes by type, the rest stages. */
function scope(spec: Record<string, [FlowNode["type"], string[]]>, start = Object.keys(spec)[0]!): FlowScope {
  const nodes = new Map<string, FlowNode>();
  for (const [name, [type, next]] of Object.entries(spec)) {
    const base = { name, path: [name], next, nextPaths: next.map(() => [name, "Next"]) };
    nodes.set(name, type === "stage" ? { ...base, type, stage: { function: name, kind: "function" } } : ({ ...base, type, what: type } as FlowNode));
  }
  return { path: [], start, startPath: ["StartAt"], nodes };
}

describe("analyseScope", () => {
  it("orders a diamond topologically and marks only the branches as conditional", () => {
    const g = analyseScope(scope({ a: ["stage", ["c"]], c: ["choice", ["x", "y"]], x: ["stage", ["z"]], y: ["stage", ["z"]], z: ["stage", []] }));
    expect(g.order).toEqual(["a", "c", "x", "y", "z"]);
    expect([...g.conditional].sort()).toEqual(["x", "y"]);
    expect(g.loops).toEqual([]);
  });

  it("finds a polling loop, cuts its back edge, and names the choice that leaves it", () => {
    // start → wait → get → ready? → (done | wait)
    const g = analyseScope(scope({ start: ["stage", ["wait"]], wait: ["pass", ["get"]], get: ["stage", ["ready"]], ready: ["choice", ["done", "wait"]], done: ["stage", []] }));
    expect(g.loops).toEqual([{ nodes: ["wait", "get", "ready"], via: "ready", backEdge: { from: "ready", to: "wait" } }]);
    expect(g.forward.get("ready")).toEqual(["done"]);
    expect(g.order).toEqual(["start", "wait", "get", "ready", "done"]);
  });

  it("reports a loop with no way out (no branch point) with via undefined", () => {
    const g = analyseScope(scope({ a: ["stage", ["b"]], b: ["stage", ["a"]] }));
    expect(g.loops).toEqual([{ nodes: ["a", "b"], via: undefined, backEdge: { from: "b", to: "a" } }]);
  });

  it("does not count a path into a Fail as an alternative: a stage after a guard is not conditional", () => {
    const g = analyseScope(scope({ check: ["choice", ["work", "bad"]], bad: ["fail", []], work: ["stage", []] }));
    expect(g.conditional.has("work")).toBe(false);
  });

  it("does not take a state that only loops back for an end: a pagination loop leaves its follower unconditional", () => {
    // get → more? → (next → back to get) | use: every successful run passes use.
    const g = analyseScope(scope({ get: ["stage", ["more"]], more: ["choice", ["next", "use"]], next: ["pass", ["get"]], use: ["stage", []] }));
    expect(g.terminals).toEqual(["use"]);
    expect(g.conditional.has("use")).toBe(false);
    expect(g.conditional.has("next")).toBe(true);
  });

  it("leaves unreachable nodes out", () => {
    const g = analyseScope(scope({ a: ["stage", []], orphan: ["stage", ["a"]] }));
    expect([...g.reachable]).toEqual(["a"]);
  });
});

describe("patternFor: the pattern an edge's instance counts imply", () => {
  it.each([
    [1, 1, "one-to-one"], // equal counts
    [8, 8, "one-to-one"],
    [1, 10, "scatter"], // 10 is a multiple of 1: entering a Map
    [8, 80, "scatter"], // a Map inside a Map of 8: each outer instance feeds its 10
    [10, 1, "gather"], // leaving a Map
    [80, 8, "shuffle"], // leaving an inner Map into the outer one: no single consumer, counts do not nest upward
    [4, 6, "shuffle"], // 6 is not a multiple of 4
  ])("%d → %d instances: %s", (nu, nv, pattern) => {
    expect(patternFor(nu, nv).pattern).toBe(pattern);
  });
});
