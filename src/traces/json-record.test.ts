import { describe, expect, it } from "vitest";
import { cellText, forEachCell, forEachKey, parseJsonRecord } from "./json-record.js";

function cells(text: string): [string, string][] {
  const p = parseJsonRecord(text);
  if (!p.ok) throw new Error(p.detail);
  const out: [string, string][] = [];
  forEachCell(p.value, (k, c) => out.push([k, c]));
  return out;
}

describe("parseJsonRecord", () => {
  it.each([
    // text, reason, detail
    ["oops", "not JSON", /^not JSON \(/],
    ['{"a":1', "not JSON", /^not JSON \(/],
    ["[1, 2]", "not a JSON object", /^an array, not a JSON object$/],
    ["42", "not a JSON object", /^a number, not a JSON object$/],
    ['"text"', "not a JSON object", /^a string, not a JSON object$/],
    ["null", "not a JSON object", /^null, not a JSON object$/],
    ["true", "not a JSON object", /^a boolean, not a JSON object$/],
  ])("refuses %j: %s", (text, reason, detail) => {
    const p = parseJsonRecord(text);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.reason).toBe(reason);
      expect(p.detail).toMatch(detail);
    }
  });
});

describe("a JSON record as cells", () => {
  it.each([
    // value, cell text
    [12.5, "12.5"],
    [0, "0"],
    [-0, "0"],
    [1e21, "1e+21"], // still a number to the cell reader
    ["map", "map"],
    ["", ""],
    [true, "true"],
    [false, "false"],
    [null, ""], // an empty cell: a missing target
    [[1, 2], "[1,2]"], // an array is its JSON text: "not a number" if a field uses it
  ])("%j → %j", (value, text) => {
    expect(cellText(value)).toBe(text);
  });

  it("flattens nested objects to dotted keys, depth first in key order", () => {
    expect(cells('{"function":"map","blob":{"download":1234,"upload":{"bytes":7}},"duration_ms":12.5,"is_cold":false,"tags":["a"],"empty":{}}')).toEqual([
      ["function", "map"],
      ["blob.download", "1234"],
      ["blob.upload.bytes", "7"],
      ["duration_ms", "12.5"],
      ["is_cold", "false"],
      ["tags", '["a"]'],
      // an empty object has no leaf: no key
    ]);
  });

  it("lists the same keys without building cells", () => {
    const p = parseJsonRecord('{"a":{"b":1,"c":null},"d":[{"e":1}]}');
    const keys: string[] = [];
    if (p.ok) forEachKey(p.value, (k) => keys.push(k));
    expect(keys).toEqual(["a.b", "a.c", "d"]);
  });
});
