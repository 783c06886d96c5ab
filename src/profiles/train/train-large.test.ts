import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workflowTraceCsv } from "../../../test/support/workflow-traces.js";
import { readTraceTable } from "../../traces/read-trace-table.js";
import { saveProfiles } from "../store/save-profiles.js";
import { generateTraces, SYNTHETIC_SORT } from "../../../test/support/synthetic-traces.js";
import { trainProfiles } from "./train-profiles.js";

// Before: rows were spread into push() and Math.min(), which throws a RangeError above ~125k rows,
// and grouping copied every function's rows per row (quadratic time).
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-large-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("training past 125,000 rows", () => {
  it("trains 150,000 records through the API", async () => {
    const records = generateTraces(SYNTHETIC_SORT.slice(0, 2), { inputBytes: Array.from({ length: 300 }, (_, i) => (i + 1) * 1e5), repeats: 250, noise: 0.05, seed: 4 });
    expect(records.length).toBe(150_000); // 2 functions · 300 sizes · 250 runs
    const set = await trainProfiles(records, { model: "linear" });
    expect(set.data.metadata.traceRows).toBe(150_000);
    expect(set.data.functions.split!.targets.runtimeMs!.metrics.rows).toBe(75_000);
    const { profilesFile } = await saveProfiles(set, path.join(dir, "api"));
    // Two functions, a fixed-size residual summary each: far below 100 KB per function.
    expect((await readFile(profilesFile)).byteLength).toBeLessThan(2 * 100_000);
  });

  it("streams a 150,000-row workflow trace from a file and trains it", async () => {
    // 37,500 runs of 1 split, ⌈8/8⌉ = 1 or ⌈16/8⌉ = 2 maps and 1 reduce: 3 or 4 rows a run.
    const file = path.join(dir, "wf.csv");
    await writeFile(file, workflowTraceCsv({ runs: 43_000, sizesMb: [8, 16], coldEvery: 10 }));
    const { table, reports } = await readTraceTable([file], { mapping: { columns: { runtimeMs: { expr: "(end - start) * 1000" } }, fanoutFromRuns: { runColumn: "request_id", next: { split: "map", map: "reduce" } } } });
    expect(reports[0]!.rowsRead).toBe(150_500); // 21,500 runs of 3 rows + 21,500 of 4
    const set = await trainProfiles(table, { model: "linear" });
    expect(set.segments!("map")).toEqual(["warm", "cold"]);
    expect(set.profileFor("split", {})!.fanout(16e6)).toBe(2);
  });
});
