import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { readCsvTraces } from "./read-csv-traces.js";

const BUNDLED = "datasets/mapreduce-sort.csv";

describe("readCsvTraces", () => {
  it.runIf(existsSync(BUNDLED))("loads the bundled MapReduce-sort traces without a column map", async () => {
    const { records, report } = await readCsvTraces(BUNDLED);
    expect(report.skipped).toEqual([]);
    expect(records.length).toBe(report.rowsRead);
    expect(new Set(records.map((r) => r.function))).toEqual(new Set(["sort-map", "sort-reduce"]));
    for (const r of records) expect(Number.isFinite(r.runtimeMs) && typeof r.cold === "boolean").toBe(true);
  });

  it("names the path of a file it cannot read", async () => {
    await expect(readCsvTraces("no/such.csv")).rejects.toSatisfy((e: unknown) => e instanceof InputError && e.issues[0]?.path[0] === "no/such.csv");
  });
});

describe("readTraceTable: the row limit counts every file", () => {
  it("refuses the row past the limit in the second file", async () => {
    const { mkdtemp, rm, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { readTraceTable } = await import("./read-trace-table.js");
    const dir = await mkdtemp(path.join(tmpdir(), "sluice-rows-"));
    try {
      const csv = "app,function,input_bytes,runtime_ms\na,f,1000,10\na,f,2000,20\n"; // 2 rows per file
      const files = [path.join(dir, "1.csv"), path.join(dir, "2.csv")];
      for (const f of files) await writeFile(f, csv);
      expect((await readTraceTable(files, { maxRows: 4 })).reports.map((r) => r.rowsRead)).toEqual([2, 2]); // 2 + 2 = 4 ≤ 4
      // 3 allowed: 2 in the first file leave 1 for the second, whose second row (line 3) is refused
      await expect(readTraceTable(files, { maxRows: 3 })).rejects.toMatchObject({ code: "SLU5005", issues: [{ path: [files[1], "line 3"] }] });
      await expect(readCsvTraces(files[0]!, { maxRows: 1 })).rejects.toMatchObject({ code: "SLU5005" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
