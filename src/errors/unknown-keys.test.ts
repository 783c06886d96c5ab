import { describe, expect, it } from "vitest";
import { findUnknownKeys } from "./unknown-keys.js";
import { nestedTestSchema } from "../../test/support/nested-test-schema.js";

const schema = nestedTestSchema;

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
