import { describe, expect, it } from "vitest";
import { validateDag } from "../dag/validate-dag.js";
import { type Issue } from "../errors.js";
import { toAssignment, toDecisions } from "./decisions.js";
import type { Decisions } from "./types.js";
import { thrownInputError } from "../../test/support/input-error.js";

const dag = validateDag({
  stages: ["a", "b", "c", "d"].map((id) => ({ id, function: "f" })),
  edges: [
    { from: "a", to: "b", pattern: "shuffle" },
    { from: "a", to: "c", pattern: "broadcast" },
    { from: "b", to: "d", pattern: "one-to-one" },
    { from: "c", to: "d", pattern: "one-to-one" },
  ],
});

const issuesOf = (decisions: unknown): Issue[] => [...thrownInputError(() => toAssignment(dag, decisions as Decisions)).issues];

describe("toAssignment / toDecisions", () => {
  const decisions: Decisions = {
    edges: [
      { from: "a", to: "b", mode: "remote" },
      { from: "a", to: "c", mode: "direct", split: { direct: 0.75, cache: 0.25 } },
      { from: "b", to: "d", mode: "vm-local" },
      { from: "c", to: "d", mode: "cache" },
    ],
    admitted: ["a", "c"],
  };

  it("maps decisions onto dag.edges order, shares in TRANSFER_MODES order", () => {
    const a = toAssignment(dag, decisions);
    expect(a.edges).toEqual([
      [{ mode: "remote", fraction: 1 }],
      [
        { mode: "direct", fraction: 0.75 },
        { mode: "cache", fraction: 0.25 },
      ],
      [{ mode: "vm-local", fraction: 1 }],
      [{ mode: "cache", fraction: 1 }],
    ]);
    expect([...a.admitted].sort()).toEqual(["a", "c"]);
  });

  it("round-trips", () => {
    expect(toDecisions(dag, toAssignment(dag, decisions))).toEqual(decisions);
  });

  it("accepts decisions in any order and drops zero fractions", () => {
    const shuffled: Decisions = {
      edges: [
        { from: "c", to: "d", mode: "cache" },
        { from: "b", to: "d", mode: "vm-local" },
        { from: "a", to: "c", mode: "cache", split: { cache: 0.5, remote: 0, direct: 0.5 } },
        { from: "a", to: "b", mode: "remote" },
      ],
      admitted: ["c", "a"],
    };
    const a = toAssignment(dag, shuffled);
    expect(a.edges[1]).toEqual([
      { mode: "direct", fraction: 0.5 },
      { mode: "cache", fraction: 0.5 },
    ]);
    // Back: the largest fraction names the mode; a tie goes to the earlier mode in TRANSFER_MODES.
    expect(toDecisions(dag, a).edges[1]).toEqual({ from: "a", to: "c", mode: "direct", split: { direct: 0.5, cache: 0.5 } });
    expect(toDecisions(dag, a).admitted).toEqual(["a", "c"]);
  });
});

describe("toAssignment errors name the field", () => {
  const ok = [
    { from: "a", to: "b", mode: "remote" },
    { from: "a", to: "c", mode: "remote" },
    { from: "b", to: "d", mode: "remote" },
    { from: "c", to: "d", mode: "remote" },
  ];
  const withEdge = (i: number, d: unknown) => ({ edges: ok.map((e, j) => (j === i ? d : e)), admitted: [] });

  it.each([
    { name: "unknown mode", decisions: withEdge(1, { from: "a", to: "c", mode: "carrier-pigeon" }), path: ["decisions", "edges", 1, "mode"], actual: '"carrier-pigeon"' },
    { name: "unknown mode in a split", decisions: withEdge(1, { from: "a", to: "c", mode: "direct", split: { direct: 0.5, pigeon: 0.5 } }), path: ["decisions", "edges", 1, "split", "pigeon"], actual: '"pigeon"' },
    { name: "negative fraction", decisions: withEdge(0, { from: "a", to: "b", mode: "direct", split: { direct: 1.5, remote: -0.5 } }), path: ["decisions", "edges", 0, "split", "remote"], actual: "-0.5" },
    { name: "NaN fraction", decisions: withEdge(0, { from: "a", to: "b", mode: "direct", split: { direct: Number.NaN } }), path: ["decisions", "edges", 0, "split", "direct"], actual: "NaN" },
    { name: "non-numeric fraction", decisions: withEdge(0, { from: "a", to: "b", mode: "direct", split: { direct: "all" } }), path: ["decisions", "edges", 0, "split", "direct"], actual: '"all"' },
    { name: "unknown admitted stage", decisions: { edges: ok, admitted: ["a", "zz"] }, path: ["decisions", "admitted", 1], actual: '"zz"' },
    { name: "edge not in the DAG", decisions: { edges: [...ok, { from: "d", to: "a", mode: "remote" }], admitted: [] }, path: ["decisions", "edges", 4], actual: "\"d->a\"" },
    { name: "edge decided twice", decisions: { edges: [...ok, { from: "a", to: "b", mode: "direct" }], admitted: [] }, path: ["decisions", "edges", 4], actual: "\"a->b\"" },
    { name: "a misspelt field (no silent default)", decisions: withEdge(0, { from: "a", to: "b", mdoe: "direct" }), path: ["decisions", "edges", 0, "mdoe"], actual: '"mdoe"' },
    { name: "edges that are not a list", decisions: { edges: "all remote", admitted: [] }, path: ["decisions", "edges"], actual: '"all remote"' },
    // prefixes is a positive integer (key prefixes an edge spreads its objects over): SLU6025
    { name: "zero prefixes", decisions: withEdge(0, { from: "a", to: "b", mode: "remote", prefixes: 0 }), path: ["decisions", "edges", 0, "prefixes"], actual: "0", code: "SLU6025" },
    // zod 4 checks integers as a type: 2.5 is the wrong type (SLU6028), not a bad value
    { name: "a fractional prefix count", decisions: withEdge(2, { from: "b", to: "d", mode: "remote", prefixes: 2.5 }), path: ["decisions", "edges", 2, "prefixes"], actual: "2.5", code: "SLU6028" },
  ])("$name", ({ decisions, path, actual, ...rest }) => {
    const issues = issuesOf(decisions);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(path);
    expect(issues[0]!.actual).toBe(actual);
    if ("code" in rest) expect(issues[0]!.code).toBe(rest.code);
  });

  it("a missing decision names the edge", () => {
    const issues = issuesOf({ edges: ok.slice(0, 3), admitted: [] });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(["decisions", "edges"]);
    expect(issues[0]!.message).toContain("c->d");
  });

  it("lists every issue at once", () => {
    const issues = issuesOf({
      edges: [
        { from: "a", to: "b", mode: "teleport" },
        { from: "a", to: "c", mode: "direct", split: { direct: -1 } },
        { from: "x", to: "y", mode: "remote" },
      ],
      admitted: ["nope"],
    });
    expect(issues.map((i) => i.path)).toEqual([
      ["decisions", "edges", 0, "mode"],
      ["decisions", "edges", 1, "split", "direct"],
      ["decisions", "edges"], // b->d missing
      ["decisions", "edges"], // c->d missing
      ["decisions", "edges", 2],
      ["decisions", "admitted", 0],
    ]);
  });
});
