import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecordText } from "./json-record-text.js";
import { JsonLinesSplitter } from "./jsonl-lines.js";

function split(chunks: readonly string[]): RecordText[] {
  const s = new JsonLinesSplitter();
  return [...chunks.flatMap((c) => s.push(c)), ...s.end()];
}

/** `text` cut at the given offsets. */
function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((p, k) => text.slice(p, points[k] ?? text.length));
}

describe("JsonLinesSplitter", () => {
  it.each([
    // text, records (text and 1-based line)
    ['{"a":1}\n{"a":2}\n', [['{"a":1}', 1], ['{"a":2}', 2]]],
    ['{"a":1}\n\n   \n{"a":2}', [['{"a":1}', 1], ['{"a":2}', 4]]], // blank lines skipped but counted; no final newline
    ['{"a":1}\r\n{"a":2}\r\n', [['{"a":1}', 1], ['{"a":2}', 2]]], // CRLF
    ['\ufeff{"a":1}\n', [['{"a":1}', 1]]], // a byte-order mark
    ["", []],
    ["\n\n", []],
    ["not json\n", [["not json", 1]]], // kept: json-record.ts decides
  ] as const)("splits %j", (text, expected) => {
    expect(split([text]).map((r) => [r.text, r.line])).toEqual(expected);
  });

  it("gives the same records however the text is cut into chunks", () => {
    const line = fc.oneof(fc.constant(""), fc.constant("  "), fc.json().filter((j) => !j.includes("\n")));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"), fc.array(fc.nat(), { maxLength: 8 }), (lines, eol, at) => {
        const text = lines.join(eol);
        expect(split(cut(text, at))).toEqual(split([text]));
      }),
      { numRuns: 300, seed: 5030 },
    );
  });
});

describe("JsonLinesSplitter: pretty-printed objects", () => {
  it("joins the lines of each object one after another (jq without -c), wherever the chunks are cut", () => {
    const objects = [{ a: 1, b: { c: "}{ \" ] [" } }, { a: 2, list: [1, 2, { d: 3 }] }];
    const text = objects.map((o) => JSON.stringify(o, null, 2)).join("\n") + "\n";
    for (const at of [[], [1], [7, 30, 31], [text.length - 2]]) {
      const records = split(cut(text, at));
      expect(records.map((r) => JSON.parse(r.text) as unknown)).toEqual(objects);
      expect(records.map((r) => r.line)).toEqual([1, 1 + JSON.stringify(objects[0], null, 2).split("\n").length]);
    }
  });

  it("ends an open object at the next line starting with {, so one broken line stays one bad record", () => {
    const records = split(['{"a":1\n{"a":2}\n{\n  "a": 3\n}\n']);
    expect(records.map((r) => [r.text, r.line])).toEqual([['{"a":1', 1], ['{"a":2}', 2], ['{\n  "a": 3\n}', 3]]);
  });

  it("an object left open at the end is one record (a bad one, for the reader to name)", () => {
    expect(split(['{"a":1}\n{\n  "b": [1,\n'])).toEqual([{ text: '{"a":1}', line: 1 }, { text: '{\n  "b": [1,', line: 2 }]);
  });
});
