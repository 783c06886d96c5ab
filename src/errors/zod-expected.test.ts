import { describe, expect, it } from "vitest";
import { z } from "zod";
import { expectedOf } from "./zod-expected.js";

const firstIssue = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected an issue");
  return r.error.issues[0]!;
};

describe("expectedOf", () => {
  it.each([
    { name: "an integer, not zod's 'int'", schema: z.number().int(), value: 1.5, expected: "an integer" },
    { name: "a type", schema: z.number(), value: "4", expected: "number" },
    { name: "an exclusive lower bound", schema: z.number().positive(), value: 0, expected: "> 0" },
    { name: "an inclusive upper bound", schema: z.number().max(10), value: 11, expected: "≤ 10" },
    { name: "an array's least length", schema: z.array(z.number()).min(2), value: [1], expected: "at least 2 item(s)" },
    { name: "a string's greatest length", schema: z.string().max(3), value: "abcd", expected: "at most 3 character(s)" },
    { name: "a literal choice, each shown", schema: z.enum(["a", "b"]), value: "c", expected: 'one of "a", "b"' },
    { name: "a multiple", schema: z.number().multipleOf(5), value: 7, expected: "a multiple of 5" },
    // A union names each branch's form once: number, and an object (whose first issue is its type).
    { name: "a union's forms", schema: z.union([z.number(), z.object({ p: z.number() })]), value: "x", expected: "number or object" },
  ])("$name: $expected", ({ schema, value, expected }) => {
    expect(expectedOf(firstIssue(schema, value))).toBe(expected);
  });
});
