import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseCsvSync } from "csv-parse/sync";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { trainProfiles } from "../profiles/train/train-profiles.js";
import { csvRecordsToObjects, csvToJsonl } from "../../test/support/csv-to-jsonl.js";
import { workflowTraceCsv } from "../../test/support/workflow-traces.js";
import { parseCsvTraces } from "./parse-csv-traces.js";
import { readCsvTraces } from "./read-csv-traces.js";
import { readTraceTable } from "./read-trace-table.js";

let dir: string;
// 12 runs of the published-shape map-reduce, every 4th cold; the same records as nested JSON.
const CSV = workflowTraceCsv({ runs: 12, sizesMb: [2, 8, 32], coldEvery: 4 });
const files = { csv: "", jsonl: "", log: "", array: "", tsv: "", semicolon: "" };
/** The same table with another delimiter (a cell holding it quoted). */
const withDelimiter = (csv: string, d: string) =>
  (parseCsvSync(csv) as string[][]).map((cells) => cells.map((c) => (c.includes(d) || c.includes('"') ? `"${c.replaceAll('"', '""')}"` : c)).join(d)).join("\n") + "\n";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-read-table-"));
  for (const sub of ["a", "b", "c", "d", "e", "f", "gz"]) await mkdir(path.join(dir, sub));
  // one base name, so every file gives the same default app ("wf")
  files.csv = path.join(dir, "a", "wf.csv");
  files.jsonl = path.join(dir, "b", "wf.jsonl");
  files.log = path.join(dir, "c", "wf.log");
  files.array = path.join(dir, "d", "wf.json");
  await writeFile(files.csv, CSV);
  await writeFile(files.jsonl, csvToJsonl(CSV, { nest: true }));
  await writeFile(files.log, csvToJsonl(CSV, { nest: true }));
  await writeFile(files.array, JSON.stringify(csvRecordsToObjects(CSV, { nest: true }), null, 2));
  files.tsv = path.join(dir, "e", "wf.tsv");
  files.semicolon = path.join(dir, "f", "wf.csv");
  await writeFile(files.tsv, withDelimiter(CSV, "\t"));
  await writeFile(files.semicolon, withDelimiter(CSV, ";"));
  // each file again, gzip-compressed, under gz/ (same base names, so the same default app)
  for (const file of Object.values(files)) await writeFile(path.join(dir, "gz", `${path.basename(file)}.gz`), gzipSync(await readFile(file)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("readTraceTable: CSV, JSON Lines and JSON arrays alike", () => {
  const mapping = { columns: { runtimeMs: { expr: "(end - start) * 1000" } }, fanoutFromRuns: { runColumn: "request_id", next: { split: "map", map: "reduce" } } } as const;

  it("reads a semicolon-delimited file with decimal commas (a spreadsheet export in a decimal-comma locale) like the CSV", async () => {
    const localised = withDelimiter(CSV, ";").replace(/(\d)\.(\d)/g, "$1,$2");
    expect(localised).toMatch(/;\d+,\d+;/);
    const semicolonFile = path.join(dir, "f", "wf-decimal-comma.csv");
    await writeFile(semicolonFile, localised);
    const fromCsv = (await readTraceTable([files.csv], { mapping })).table.toRecords();
    expect((await readTraceTable([semicolonFile], { mapping })).table.toRecords().map(({ app: _a, ...r }) => r)).toEqual(fromCsv.map(({ app: _a, ...r }) => r));
    expect((await parseCsvTraces(localised, { file: "wf.csv", ...mapping })).records).toEqual((await parseCsvTraces(CSV, { file: "wf.csv", ...mapping })).records);
  });

  it("reads each file gzip-compressed as it reads it plain (CSV, TSV, JSON Lines, a .log, a JSON array)", async () => {
    for (const file of Object.values(files)) {
      const gz = path.join(dir, "gz", `${path.basename(file)}.gz`);
      const plain = await readTraceTable([file], { mapping });
      const compressed = await readTraceTable([gz], { mapping });
      expect(compressed.table.toRecords()).toEqual(plain.table.toRecords());
      expect(compressed.table.toRecords().length).toBeGreaterThan(0);
    }
  });

  it("reads tab- and semicolon-delimited files like the CSV, streamed and from text (the delimiter is sniffed from the header)", async () => {
    const fromCsv = (await readTraceTable([files.csv], { mapping })).table.toRecords();
    expect(withDelimiter(CSV, "\t")).toContain("\t");
    for (const file of [files.tsv, files.semicolon]) expect((await readTraceTable([file], { mapping })).table.toRecords()).toEqual(fromCsv);
    for (const d of ["\t", ";"]) expect((await parseCsvTraces(withDelimiter(CSV, d), { file: "wf.csv", ...mapping })).records).toEqual((await parseCsvTraces(CSV, { file: "wf.csv", ...mapping })).records);
  });

  it("reads the same records from a CSV, a .jsonl, a .log holding JSON Lines and a .json array", async () => {
    const read = async (file: string) => (await readTraceTable([file], { mapping })).table.toRecords();
    const fromCsv = await read(files.csv);
    expect(fromCsv.length).toBe(12 * 2 + 4 * 2 + 4 * 4); // per run: split + reduce, and ⌈S / 8 MB⌉ maps (1, 1, 4)
    for (const file of [files.jsonl, files.log, files.array]) expect(await read(file)).toEqual(fromCsv);
  });

  it("trains the same profile set from the CSV and from the JSON Lines", async () => {
    const train = async (file: string) => {
      const { table } = await readTraceTable([file], { mapping });
      const set = await trainProfiles(table, { model: "linear", trainedAt: new Date(0) });
      return { ...set.data, metadata: { ...set.data.metadata, trainingMs: 0 } };
    };
    const fromCsv = await train(files.csv);
    expect(Object.keys(fromCsv.functions).sort()).toEqual(["map", "reduce", "split"]);
    expect(await train(files.jsonl)).toEqual(fromCsv); // tracesSha256 included: the same rows
  });

  it("reads several formats in one call, one report each, with progress over all of them", async () => {
    const progress: number[] = [];
    let total = 0;
    const { table, reports } = await readTraceTable([files.csv, files.jsonl, files.array], { mapping, onProgress: (done, all) => (progress.push(done), (total = all)) });
    expect(reports.map((r) => [path.basename(r.file), r.rowsKept])).toEqual([["wf.csv", 48], ["wf.jsonl", 48], ["wf.json", 48]]);
    expect(table.rows).toBe(3 * 48);
    expect(progress.every((p, k) => k === 0 || p >= progress[k - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(total);
  });

  it("adds the JSON lines it skipped to the file's report, and counts rows against maxRows across formats", async () => {
    const file = path.join(dir, "mixed.jsonl");
    await writeFile(file, '{"function":"f","input_bytes":1,"runtime_ms":2}\nnot json\n[3]\n{"function":"f","input_bytes":2,"runtime_ms":4}\n');
    const { reports } = await readTraceTable([file], { mapping: { onInvalid: "skip" } });
    expect(reports[0]).toMatchObject({ rowsRead: 4, rowsKept: 2, rowsSkipped: { "not JSON": 1, "not a JSON object": 1 } });
    await expect(readTraceTable([file])).rejects.toMatchObject({ code: codeOf("traces.badJsonRecord"), issues: [{ path: [file, "line 2"] }] });
    // 48 CSV rows leave 1 for the JSON file: its second object (line 4) is one too many
    await expect(readTraceTable([files.csv, file], { maxRows: 49, mapping: { onInvalid: "skip" } })).rejects.toMatchObject({ code: codeOf("traces.tooManyRows"), issues: [{ path: [file, "line 4"] }] });
  });

  it("readCsvTraces takes JSON Lines too (it reads through readTraceTable)", async () => {
    const { records } = await readCsvTraces(files.jsonl);
    expect(records).toEqual((await readCsvTraces(files.csv)).records);
  });
});
