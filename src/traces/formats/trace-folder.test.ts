import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { workflowTraceCsv } from "../../../test/support/workflow-traces.js";
import { rejectedInputError } from "../../../test/support/input-error.js";
import { readTraceTable } from "../read-trace-table.js";
import { expandTraceFolders } from "./trace-folder.js";

let dir: string;
const CSV = workflowTraceCsv({ runs: 9, sizesMb: [2, 8, 32], coldEvery: 3 });
const lines = CSV.trimEnd().split("\n");
/** The trace cut in three files by rows, each with the header: what a harness writing a file per run leaves. */
const part = (k: number) => [lines[0], ...lines.slice(1).filter((_, i) => i % 3 === k)].join("\n") + "\n";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-trace-folder-"));
  for (const sub of ["runs/b", "runs/a", "runs/.git", "empty/deeper"]) await mkdir(path.join(dir, sub), { recursive: true });
  await writeFile(path.join(dir, "runs", "b", "2.csv"), part(2));
  await writeFile(path.join(dir, "runs", "a", "1.csv.gz"), gzipSync(part(1)));
  await writeFile(path.join(dir, "runs", "0.csv"), part(0));
  await writeFile(path.join(dir, "runs", "README.md"), "# not a trace\n");
  await writeFile(path.join(dir, "runs", ".DS_Store"), "x");
  await writeFile(path.join(dir, "runs", ".git", "config.json"), "{}");
  await writeFile(path.join(dir, "empty", "deeper", "notes.txt"), "nothing\n");
  await writeFile(path.join(dir, "whole.csv"), CSV);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a folder where a trace file goes", () => {
  it("stands for the trace files under it, depth first in name order; hidden entries and other names passed over", async () => {
    const runs = path.join(dir, "runs");
    expect(await expandTraceFolders([runs])).toEqual([path.join(runs, "0.csv"), path.join(runs, "a", "1.csv.gz"), path.join(runs, "b", "2.csv")]);
    // files stay as given, a missing path too (its reader says it cannot be read), in the order given
    expect(await expandTraceFolders([path.join(dir, "whole.csv"), "no/such.csv", path.join(runs, "b")])).toEqual([path.join(dir, "whole.csv"), "no/such.csv", path.join(runs, "b", "2.csv")]);
    expect(await expandTraceFolders([path.join(dir, "empty")], { extensions: [".txt"] })).toEqual([path.join(dir, "empty", "deeper", "notes.txt")]);
  });

  it("reads into the same table as the whole trace in one file, with a report per file", async () => {
    const folder = await readTraceTable([path.join(dir, "runs")]);
    const whole = await readTraceTable([path.join(dir, "whole.csv")]);
    expect(folder.reports.map((r) => path.relative(dir, r.file))).toEqual(["runs/0.csv", "runs/a/1.csv.gz", "runs/b/2.csv"]);
    expect(folder.table.rows).toBe(whole.table.rows);
    const key = (r: { function: string; inputBytes: number; runtimeMs?: number }) => `${r.function} ${r.inputBytes} ${r.runtimeMs}`;
    expect(folder.table.toRecords().map(key).sort()).toEqual(whole.table.toRecords().map(key).sort());
  });

  it("a folder with no trace file is SLU5006 naming it and the names looked for", async () => {
    const err = await rejectedInputError(() => readTraceTable([path.join(dir, "empty")]));
    expect(err.issues[0]).toMatchObject({ code: codeOf("traces.emptyFolder"), path: [path.join(dir, "empty")], expected: "files named .csv, .tsv, .jsonl, .ndjson, .json, .parquet, .pq (each maybe .gz), at any depth" });
  });
});
