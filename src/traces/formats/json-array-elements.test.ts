import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf, SluiceError } from "../../errors.js";
import { JsonArraySplitter } from "./json-array-elements.js";
import type { RecordText } from "./json-record-text.js";

function split(chunks: readonly string[]): RecordText[] {
  const s = new JsonArraySplitter("a.json");
  return [...chunks.flatMap((c) => s.push(c)), ...s.end()];
}

function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((p, k) => text.slice(p, points[k] ?? text.length));
}

describe("JsonArraySplitter", () => {
  it("cuts an array into its elements with the line each starts on", () => {
    const text = '[\n  {"a": 1},\n  {"a": "x,]}"},\n  {"b": {"c": [1, 2]}}, "s\\"]", 7\n]\n';
    expect(split([text]).map((r) => [JSON.parse(r.text), r.line])).toEqual([
      [{ a: 1 }, 2],
      [{ a: "x,]}" }, 3], // commas and brackets inside strings are text
      [{ b: { c: [1, 2] } }, 4],
      ['s"]', 4], // an escaped quote does not end the string; json-record.ts rejects non-objects
      [7, 4],
    ]);
  });

  it.each([
    ["[]", 0],
    ["  [ ]  \n", 0],
    ['[{"a":1},]', 1], // a trailing comma is tolerated
    ['\ufeff[{"a":1}]', 1],
  ])("reads %j as %i elements", (text, n) => {
    expect(split([text])).toHaveLength(n);
  });

  it("hands a bad element on as text (one bad record), not as a broken array", () => {
    expect(split(['[{"a":1}, {oops}, {"a":2}]']).map((r) => r.text.trim())).toEqual(['{"a":1}', "{oops}", '{"a":2}']);
  });

  it.each([
    // text, line of the error, reason
    ['{"a":1}', 1, "the file does not open with ["],
    ['[{"a":1}]\n[{"a":2}]', 2, "text after the array's closing ]"],
    ['[\n{"a":1},\n{"a":2}', 3, "the array is not closed: the file ends inside it"],
    ["[", 1, "the array is not closed: the file ends inside it"],
  ])("rejects the structure of %j (SLU5031, naming the line)", (text, line, reason) => {
    const error = (() => {
      try {
        split([text]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SluiceError);
    expect(error).toMatchObject({ code: codeOf("traces.malformedJsonArray"), issues: [{ path: ["a.json", `line ${line}`], message: reason }] });
  });

  it("gives every element of any array of objects, however pretty-printed and cut into chunks", () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 8 }), fc.constantFrom(0, 1, 2, "\t"), fc.array(fc.nat(), { maxLength: 10 }), (objects, indent, at) => {
        const text = JSON.stringify(objects, null, indent);
        const records = split(cut(text, at));
        expect(records.map((r) => JSON.parse(r.text))).toEqual(JSON.parse(text));
        // each element starts on the line its text's first character is on
        const lines = text.split("\n");
        for (const r of records) expect(lines[r.line - 1]).toContain(r.text.trimStart().split("\n")[0]);
      }),
      { numRuns: 300, seed: 5031 },
    );
  });
});
