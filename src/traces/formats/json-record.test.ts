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

describe("arrays of key/value pairs", () => {
  it("an OpenWhisk activation's annotations become dotted keys by name, nested values dotted further", () => {
    const activation = { name: "map", duration: 123, annotations: [{ key: "waitTime", value: 5 }, { key: "initTime", value: 300 }, { key: "limits", value: { memory: 256, timeout: 60000 } }], response: { status: "success" } };
    expect(cells(JSON.stringify(activation))).toEqual([
      ["name", "map"], ["duration", "123"], ["annotations.waitTime", "5"], ["annotations.initTime", "300"], ["annotations.limits.memory", "256"], ["annotations.limits.timeout", "60000"], ["response.status", "success"],
    ]);
    const keys: string[] = [];
    forEachKey(activation, (k) => keys.push(k));
    expect(keys).toEqual(cells(JSON.stringify(activation)).map(([k]) => k));
  });

  it.each([
    ["AWS tags (Key/Value)", { tags: [{ Key: "stage", Value: "map" }] }, [["tags.stage", "map"]]],
    ["Kubernetes env (name/value)", { env: [{ name: "MEMORY_MB", value: "512" }] }, [["env.MEMORY_MB", "512"]]],
    ["a repeated key: the last wins", { a: [{ key: "x", value: 1 }, { key: "x", value: 2 }] }, [["a.x", "2"]]],
    ["a key named __proto__ stays a key", { a: [{ key: "__proto__", value: 1 }] }, [["a.__proto__", "1"]]],
  ])("%s", (_label, record, expected) => {
    expect(cells(JSON.stringify(record))).toEqual(expected);
  });

  it.each([
    ["numbers", { a: [1, 2] }],
    ["pairs with a third property", { a: [{ key: "x", value: 1, extra: true }] }],
    ["a pair whose key is not text", { a: [{ key: 1, value: 1 }] }],
    ["mixed pairs and values", { a: [{ key: "x", value: 1 }, 5] }],
    ["an empty array", { a: [] }],
  ])("%s stay JSON text", (_label, record) => {
    expect(cells(JSON.stringify(record))).toEqual([["a", JSON.stringify(record.a)]]);
  });
});
