import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InputError } from "./error-classes.js";
import { findUnknownKeys, parseStrict, schemaIssues } from "./schema-issues.js";

const schema = z.object({
  name: z.string().default("x"),
  stages: z.array(z.object({ id: z.string(), instances: z.number().int().positive().optional() })),
  byName: z.record(z.string(), z.object({ gbps: z.number() })).optional(),
  either: z.union([z.number(), z.object({ p: z.number() })]).optional(),
  loose: z.looseObject({ a: z.number() }).optional(),
});
const KEYS = { unknownKey: "dag.unknownKey", wrongType: "dag.wrongType", badValue: "dag.badValue" } as const;

describe("findUnknownKeys", () => {
  it("finds unknown keys at any depth, through arrays, records and unions, not in loose objects", () => {
    const input = { stages: [{ id: "a", instancez: 2 }], byName: { k: { gbps: 1, gpbs: 2 } }, either: { p: 1, q: 2 }, loose: { a: 1, b: 2 }, extra: 1 };
    expect(findUnknownKeys(schema, input).map((u) => u.path)).toEqual([["stages", 0, "instancez"], ["byName", "k", "gpbs"], ["either", "q"], ["extra"]]); // document order
  });

  it("handles a deep array without recursion", () => {
    const stages = Array.from({ length: 200_000 }, (_, i) => ({ id: `s${i}` }));
    expect(findUnknownKeys(schema, { stages })).toEqual([]);
  });

  it("treats __proto__ and constructor as ordinary unknown keys", () => {
    const input = JSON.parse('{"stages": [], "__proto__": {"x": 1}, "constructor": 1}');
    expect(findUnknownKeys(schema, input).map((u) => u.key)).toEqual(["__proto__", "constructor"]);
  });
});

describe("schemaIssues", () => {
  it("reports an unknown key with a suggestion, a wrong type without coercion, and an out-of-range value", () => {
    const issues = schemaIssues(schema, { stages: [{ id: "a", instancez: 2 }, { id: "b", instances: "4" }, { id: "c", instances: 0 }] }, KEYS);
    expect(issues).toEqual([
      expect.objectContaining({ code: "SLU2001", path: ["stages", 0, "instancez"], message: 'unknown DAG field; did you mean "instances"?', expected: "one of id, instances", actual: '"instancez"' }),
      expect.objectContaining({ code: "SLU2002", path: ["stages", 1, "instances"], expected: "number", actual: '"4"' }),
      expect.objectContaining({ code: "SLU2003", path: ["stages", 2, "instances"], expected: "> 0", actual: "0" }),
    ]);
  });

  it("prefixes a root path and says what is missing", () => {
    expect(schemaIssues(schema, {}, KEYS, ["dag"])).toEqual([expect.objectContaining({ code: "SLU2002", path: ["dag", "stages"], expected: "array", actual: "nothing" })]);
  });

  it("parseStrict returns the parsed value or throws one InputError with every issue", () => {
    expect(parseStrict(schema, { stages: [] }, KEYS, "Invalid DAG")).toEqual({ name: "x", stages: [] });
    expect(() => parseStrict(schema, { stages: [], nmae: "y" }, KEYS, "Invalid DAG")).toThrow(InputError);
  });
});
