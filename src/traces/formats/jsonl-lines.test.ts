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
