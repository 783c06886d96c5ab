import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findUnknownKeys } from "./unknown-keys.js";

const schema = z.object({
  name: z.string().default("x"),
  stages: z.array(z.object({ id: z.string(), instances: z.number().int().positive().optional() })),
  byName: z.record(z.string(), z.object({ gbps: z.number() })).optional(),
  either: z.union([z.number(), z.object({ p: z.number() })]).optional(),
  loose: z.looseObject({ a: z.number() }).optional(),
});

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
