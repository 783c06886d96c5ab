import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { detectTraceFormat, formatOfName, formatOfStart } from "./trace-format.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-trace-format-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the format of a trace file", () => {
  it.each([
    ["runs.csv", "csv"],
    ["RUNS.CSV", "csv"],
    ["runs.jsonl", "jsonl"],
    ["runs.ndjson", "jsonl"],
    ["runs.json", "json"], // JSON Lines or an array: look inside
    ["runs.log", undefined],
    ["dir.v2/runs", undefined], // a dot in a folder is no extension
  ])("by name: %s → %s", (name, format) => {
    expect(formatOfName(name)).toBe(format);
  });

  it.each([
    ['{"a":1}', "jsonl"],
    ['\ufeff\n  {"a":1}', "jsonl"],
    ['[{"a":1}]', "json-array"],
    ["function,input_bytes\n", "csv"],
    ["", "csv"],
  ])("by its first character: %j → %s", (text, format) => {
    expect(formatOfStart(text)).toBe(format);
  });

  it.each([
    // file name, content, format
    ["export.log", '{"function":"f"}\n', "jsonl"],
    ["export.txt", "function,input_bytes\nf,1\n", "csv"],
    ["runs.json", '[{"function":"f"}]', "json-array"],
    ["runs.json", '{"function":"f"}\n{"function":"g"}\n', "jsonl"],
    ["odd.json", "function,input_bytes\n", "jsonl"], // a .json file is never CSV: its first line is then a bad JSON record
    ["braces.csv", '{"function":"f"}\n', "csv"], // the extension settles it
  ])("detects %s holding %j as %s", async (name, text, format) => {
    const file = path.join(dir, name);
    await writeFile(file, text);
    expect(await detectTraceFormat(file)).toBe(format);
  });

  it("names the path of a file it cannot open to look inside", async () => {
    await expect(detectTraceFormat(path.join(dir, "none.log"))).rejects.toMatchObject({ code: codeOf("io.cannotRead"), issues: [{ path: [path.join(dir, "none.log")] }] });
  });
});
