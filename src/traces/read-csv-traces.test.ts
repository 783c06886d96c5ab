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
