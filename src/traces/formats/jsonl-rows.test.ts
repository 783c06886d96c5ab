import { appendFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, InputError, SluiceError } from "../../errors.js";
import type { CsvRow } from "./csv-rows.js";
import { jsonRows, parseJsonRows, streamJsonRows, type JsonRowsOptions } from "./jsonl-rows.js";
import { SkippedRecords } from "./skipped-records.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-jsonl-rows-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function collect(batches: AsyncIterable<readonly CsvRow[]>): Promise<{ rows: CsvRow[]; batches: number }> {
  const rows: CsvRow[] = [];
  let n = 0;
  for await (const batch of batches) {
    n++;
    rows.push(...batch);
  }
  return { rows, batches: n };
}

async function failure(batches: AsyncIterable<readonly CsvRow[]>): Promise<SluiceError> {
  const e = await collect(batches).then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(SluiceError);
  return e as SluiceError;
}

const JSONL: JsonRowsOptions = { format: "jsonl" };

describe("jsonRows: the header is every key in order of first appearance", () => {
  it("adds a key first seen on a later line, with empty cells before it", async () => {
    const text = '{"function":"f","input_bytes":1}\n{"function":"f","input_bytes":2,"runtime_ms":5}\n{"input_bytes":3,"function":"g"}\n';
    const { rows } = await collect(parseJsonRows(text, "t.jsonl", JSONL));
    expect(rows.map((r) => [r.record, r.info.lines])).toEqual([
      [["function", "input_bytes", "runtime_ms"], 1], // the header
      [["f", "1", ""], 1], // runtime_ms appears only on line 2
      [["f", "2", "5"], 2],
      [["g", "3", ""], 3], // key order within a record does not matter
    ]);
  });

  it("reads one top-level array the same way, each row numbered by the line its element starts on", async () => {
    const text = '[\n  {"function": "f", "blob": {"download": 1}},\n  {"function": "g", "blob": {"download": 2}, "cold": true}\n]\n';
    const { rows } = await collect(parseJsonRows(text, "t.json", { format: "json-array" }));
    expect(rows.map((r) => [r.record, r.info.lines])).toEqual([
      [["function", "blob.download", "cold"], 1],
      [["f", "1", ""], 2],
      [["g", "2", "true"], 3],
    ]);
  });

  it("yields nothing for a file of blank lines (ingestRows names the empty file)", async () => {
    expect((await collect(parseJsonRows("\n  \n", "t.jsonl", JSONL))).rows).toEqual([]);
  });

  it("refuses more distinct keys than the limit (SLU5032)", async () => {
    // keys that change per record (ids as keys): 3 records of 2 keys = 4 distinct keys > 3
    const text = '{"function":"f","r1":1}\n{"function":"f","r2":1}\n{"function":"f","r3":1}\n';
    const e = await failure(parseJsonRows(text, "t.jsonl", { ...JSONL, maxKeys: 3 }));
    expect(e).toMatchObject({ code: codeOf("traces.tooManyKeys"), issues: [{ path: ["t.jsonl", "header"], actual: '"r3"', expected: "≤ 3 distinct keys over all records" }] });
  });

  it("says the file changed when the second pass finds a key the first did not", async () => {
    const passes = ['{"function":"f"}\n', '{"function":"f","new":1}\n'];
    const e = await failure(jsonRows((pass) => [passes[pass - 1]!], "t.jsonl", JSONL));
    expect(e).toMatchObject({ code: codeOf("io.cannotRead"), issues: [{ path: ["t.jsonl", "line 1"], actual: '"new"' }] });
  });
});

describe("jsonRows: a record that is not a JSON object", () => {
  const text = '{"function":"f","input_bytes":1}\n[1,2]\n{"function":"f","input_bytes":2}\n{"function":\n';

  it("is an InputError naming file and line, raised before any row is yielded", async () => {
    const seen: CsvRow[] = [];
    const e = await collect((async function* () {
      for await (const b of parseJsonRows(text, "t.jsonl", JSONL)) {
        seen.push(...b);
        yield b;
      }
    })()).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect(e).toMatchObject({ code: codeOf("traces.badJsonRecord"), issues: [{ path: ["t.jsonl", "line 2"], message: "an array, not a JSON object", expected: "a JSON object", actual: '"[1,2]"' }] });
    expect(seen).toEqual([]); // the first pass found it
  });

  it("is counted by reason with onInvalid skip, the other rows kept", async () => {
    const skipped = new SkippedRecords();
    const { rows } = await collect(parseJsonRows(text, "t.jsonl", { ...JSONL, onInvalid: "skip", skipped }));
    expect(rows.map((r) => r.info.lines)).toEqual([1, 1, 3]); // header, then lines 1 and 3
    expect(skipped.count).toBe(2);
    const report = skipped.applyTo({ file: "t.jsonl", rowsRead: 2, rowsKept: 2, rowsFiltered: 0, rowsSkipped: {}, skipped: [], fieldsSkipped: {}, targets: {} as never, columns: "" });
    expect(report.rowsSkipped).toEqual({ "not a JSON object": 1, "not JSON": 1 });
    expect(report.skipped.map((i) => i.path)).toEqual([["t.jsonl", "line 2"], ["t.jsonl", "line 4"]]);
  });

  it("when no record is an object, skip mode still refuses the file as empty (SLU5001)", async () => {
    const e = await failure(parseJsonRows("1\n2\n", "t.jsonl", { ...JSONL, onInvalid: "skip" }));
    expect(e).toMatchObject({ code: codeOf("traces.emptyFile"), issues: [{ actual: "no JSON object (2 records skipped)" }] });
  });
});

describe("streamJsonRows", () => {
  it("streams a large file in batches, not one await per row, with progress over both passes", async () => {
    // 20,000 records: record k (1-based) on line k holds k and 2k
    const file = path.join(dir, "many.jsonl");
    await writeFile(file, Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ a: i + 1, b: { c: 2 * (i + 1) } })).join("\n") + "\n");
    const progress: [number, number][] = [];
    const { rows, batches } = await collect(streamJsonRows(file, { ...JSONL, onBytes: (read, total) => progress.push([read, total]) }));
    expect(rows).toHaveLength(20_001);
    expect(rows[0]!.record).toEqual(["a", "b.c"]);
    for (const k of [1, 777, 20_000]) expect(rows[k]).toEqual({ record: [String(k), String(2 * k)], info: { lines: k } });
    expect(batches).toBeLessThan(rows.length / 10);
    const total = progress[0]![1];
    expect(progress.at(-1)).toEqual([total, total]); // half the bytes per pass: all of them at the end
    expect(progress.every(([read], k) => k === 0 || read >= progress[k - 1]![0])).toBe(true);
    expect(progress.some(([read]) => read === Math.round(total / 2))).toBe(true); // the end of the first pass
  });

  it("reads in the second pass only the bytes the first pass saw (a line appended meanwhile waits)", async () => {
    const file = path.join(dir, "growing.jsonl");
    await writeFile(file, '{"a":1}\n{"a":2}\n');
    const rows: CsvRow[] = [];
    for await (const batch of streamJsonRows(file, JSONL)) {
      if (rows.length === 0) await appendFile(file, '{"a":3,"late":true}\n'); // after the header: the first pass is done
      rows.push(...batch);
    }
    expect(rows.map((r) => r.record)).toEqual([["a"], ["1"], ["2"]]);
  });

  it("names the path of a file it cannot read", async () => {
    const e = await failure(streamJsonRows(path.join(dir, "none.jsonl"), JSONL));
    expect(e).toMatchObject({ code: codeOf("io.cannotRead"), issues: [{ path: [path.join(dir, "none.jsonl")] }] });
    expect((await failure(streamJsonRows(dir, JSONL))).code).toBe(codeOf("io.cannotRead")); // a folder
  });
});
