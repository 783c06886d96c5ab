import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseCsvSync } from "csv-parse/sync";
import { parquetWriteBuffer } from "hyparquet-writer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, SluiceError } from "../../errors.js";
import { workflowTraceCsv } from "../../../test/support/workflow-traces.js";
import { readLambdaTraces } from "../lambda/read-lambda-traces.js";
import { readTraceTable } from "../read-trace-table.js";
import { detectTraceFormat } from "./trace-format.js";

// 12 runs of the published-shape map-reduce, every 4th cold, as CSV and as Parquet (numbers as
// doubles, 64-bit sizes as INT64, text as strings, empty cells as nulls), in row groups of 10 rows.
const CSV = workflowTraceCsv({ runs: 12, sizesMb: [2, 8, 32], coldEvery: 4 });
const mapping = { columns: { runtimeMs: { expr: "(end - start) * 1000" } }, fanoutFromRuns: { runColumn: "request_id", next: { split: "map", map: "reduce" } } } as const;

function csvToParquet(csv: string, rowGroupSize = 10): Uint8Array {
  const [header, ...rows] = parseCsvSync(csv) as string[][];
  const columnData = header!.map((name, j) => {
    const cells = rows.map((r) => r[j] ?? "");
    const numeric = cells.every((c) => c === "" || /^-?\d+(\.\d+)?$/.test(c));
    const whole = numeric && cells.every((c) => c === "" || /^-?\d+$/.test(c));
    if (whole) return { name, type: "INT64" as const, data: cells.map((c) => (c === "" ? null : BigInt(c))) };
    if (numeric) return { name, type: "DOUBLE" as const, data: cells.map((c) => (c === "" ? null : Number(c))) };
    return { name, type: "STRING" as const, data: cells.map((c) => (c === "" ? null : c)) };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize }));
}

let dir: string;
const file = (name: string) => path.join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-parquet-"));
  await writeFile(file("wf.csv"), CSV);
  await writeFile(file("wf.parquet"), csvToParquet(CSV));
  await writeFile(file("wf-noext"), csvToParquet(CSV));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("Parquet traces", () => {
  it("train the same records as the CSV, read row group by row group (by extension or by its magic bytes)", async () => {
    const fromCsv = (await readTraceTable([file("wf.csv")], { mapping })).table.toRecords();
    expect(fromCsv.length).toBeGreaterThan(40);
    expect((await readTraceTable([file("wf.parquet")], { mapping })).table.toRecords()).toEqual(fromCsv);
    expect(await detectTraceFormat(file("wf-noext"))).toBe("parquet");
    const noExt = (await readTraceTable([file("wf-noext")], { mapping })).table.toRecords();
    expect(noExt.map(({ app: _a, ...r }) => r)).toEqual(fromCsv.map(({ app: _a, ...r }) => r));
  });

  it("reads timestamps as seconds since the epoch, booleans, 64-bit integers and JSON columns", async () => {
    const t0 = Date.UTC(2024, 4, 1, 12);
    const p = file("types.parquet");
    await writeFile(p, new Uint8Array(parquetWriteBuffer({
      columnData: [
        { name: "function", type: "STRING", data: ["f", "f", "f"] },
        { name: "start", type: "TIMESTAMP", data: [new Date(t0), new Date(t0 + 1000), new Date(t0 + 2000)] },
        { name: "end", type: "TIMESTAMP", data: [new Date(t0 + 23), new Date(t0 + 1000 + 250), new Date(t0 + 2000 + 1)] },
        { name: "input_bytes", type: "INT64", data: [2n ** 40n, 2n, 3n] },
        { name: "is_cold", type: "BOOLEAN", data: [true, false, null] },
        { name: "meta", type: "JSON", data: [{ tier: "a" }, { tier: "a" }, { tier: "b" }] },
      ],
    })));
    const read = await readTraceTable([p], { mapping: { columns: { runtimeMs: { expr: "(end - start) * 1000" } }, where: 'meta != "{\\"tier\\":\\"b\\"}"' } });
    const records = read.table.toRecords();
    expect(records).toHaveLength(2); // the JSON column's text filtered the third row out
    records.forEach((r, i) => expect(r.runtimeMs).toBeCloseTo([23, 250][i]!, 3)); // to the microsecond: epoch seconds in a double
    expect(records.map((r) => r.inputBytes)).toEqual([2 ** 40, 2]);
    expect(records.map((r) => r.cold)).toEqual([true, false]);
  });

  it("dots a struct's fields like nested JSON keys, so blob.download is recognised as the input size", async () => {
    const p = file("struct.parquet");
    await writeFile(p, new Uint8Array(parquetWriteBuffer({
      schema: [
        { name: "root", num_children: 3 },
        { name: "func", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
        { name: "duration_ms", type: "DOUBLE", repetition_type: "REQUIRED" },
        { name: "blob", num_children: 2, repetition_type: "OPTIONAL" },
        { name: "download", type: "INT64", repetition_type: "OPTIONAL" },
        { name: "upload", type: "INT64", repetition_type: "OPTIONAL" },
      ],
      columnData: [
        { name: "func", data: ["map", "map", "map"] },
        { name: "duration_ms", data: [10, 20, 30] },
        { name: "blob", data: [{ download: 1000n, upload: 10n }, { download: 2000n, upload: null }, null] },
      ],
    })));
    const read = await readTraceTable([p], { mapping: { onInvalid: "skip" } });
    const records = read.table.toRecords();
    expect(records.map((r) => [r.function, r.inputBytes, r.runtimeMs, r.outputBytes])).toEqual([["map", 1000, 10, 10], ["map", 2000, 20, undefined]]);
    expect(read.reports[0]!.rowsRead).toBe(3); // the third row has no blob: no input size, rejected and counted
  });

  it("names the row of a bad cell as a CSV export of the table would (the header is line 1)", async () => {
    // the fifth data row (line 6 of the CSV) gets a negative duration
    const [header, ...rows] = parseCsvSync(CSV) as string[][];
    const k = header!.indexOf("provider.execution_duration");
    rows[4]![k] = "-5";
    const p = file("bad.parquet");
    await writeFile(p, csvToParquet([header, ...rows].map((r) => r!.join(",")).join("\n")));
    const err = await readTraceTable([p], { mapping: { columns: { runtimeMs: "provider.execution_duration" } } }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(SluiceError);
    expect((err as SluiceError).issues[0]!.path.slice(0, 2)).toEqual([p, "line 6"]);
  });

  it("a damaged file is a cannot-read error naming it; a CSV whose first column is PAR1 stays CSV", async () => {
    const whole = csvToParquet(CSV);
    const cut = file("cut.parquet");
    await writeFile(cut, whole.subarray(0, whole.length - 20));
    const err = await readTraceTable([cut]).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(SluiceError);
    expect((err as SluiceError).issues[0]).toMatchObject({ code: codeOf("io.cannotRead"), path: [cut] });
    await writeFile(file("par1.txt"), "PAR1,function,input_bytes,runtime_ms\nx,f,1000,5\n");
    expect(await detectTraceFormat(file("par1.txt"))).toBe("csv");
  });

  it("serves as the sizes file of a Lambda log join", async () => {
    const id = (k: number) => `1f2e3d4c-0000-4000-8000-0000000000${String(k).padStart(2, "0")}`;
    const log = Array.from({ length: 6 }, (_, k) => `REPORT RequestId: ${id(k)}\tDuration: ${10 + k}.50 ms\tBilled Duration: ${11 + k} ms\tMemory Size: 512 MB\tMax Memory Used: 60 MB\t`).join("\n");
    const sizes = ["request_id,app,function,input_bytes", ...Array.from({ length: 6 }, (_, k) => `${id(k)},a,f,${(k + 1) * 1000}`)].join("\n");
    await writeFile(file("report.log"), log);
    await writeFile(file("sizes.csv"), sizes);
    await writeFile(file("sizes.parquet"), csvToParquet(sizes, 4));
    const fromParquet = await readLambdaTraces(file("report.log"), file("sizes.parquet"));
    expect(fromParquet.records).toHaveLength(6);
    expect(fromParquet.records).toEqual((await readLambdaTraces(file("report.log"), file("sizes.csv"))).records);
  });
});
