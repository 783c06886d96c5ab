import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { WORKFLOW_HEADER, workflowTraceCsv } from "../../test/support/workflow-traces.js";
import { parseCsvTraces } from "./parse-csv-traces.js";
import { rejectedInputError } from "../../test/support/input-error.js";

const CANONICAL = `app,function,input_bytes,runtime_ms,memory_mb,output_bytes,fanout,memory_setting_mb,cold
sort,split,1000000,120.5,64,1000000,30,1024,true
sort,map,33333,40,70,33333,1,1024,false
`;

const issueOf = rejectedInputError;

describe("parseCsvTraces: the canonical header and unit suffixes", () => {
  it("reads the canonical header", async () => {
    const { records, report } = await parseCsvTraces(CANONICAL, { file: "t.csv" });
    expect([report.rowsRead, report.rowsKept, report.rowsFiltered, report.skipped]).toEqual([2, 2, 0, []]);
    expect(records[0]).toEqual({ app: "sort", function: "split", inputBytes: 1e6, runtimeMs: 120.5, memoryMb: 64, outputBytes: 1e6, fanout: 30, memorySettingMb: 1024, cold: true });
    expect(records[1]?.cold).toBe(false);
  });

  it.each([
    // header, row, field, expected value (arithmetic in the comment)
    ["duration_ms", "250", "runtimeMs", 250],
    ["duration_s", "1.5", "runtimeMs", 1500], // 1.5 s · 1000
    ["duration_us", "2500", "runtimeMs", 2.5], // 2500 µs / 1000
    ["download_bytes", "4096", "inputBytes", 4096],
    ["input_kib", "4", "inputBytes", 4096], // 4 · 1024
    ["input_mb", "1.5", "inputBytes", 1.5e6], // decimal MB
    ["upload_bytes", "10", "outputBytes", 10],
    ["output_gib", "1", "outputBytes", 1073741824], // 1024³
    ["max_mem_used_mb", "300", "memoryMb", 300],
    ["max_rss_kib", "2048", "memoryMb", 2], // 2048 KiB / 1024
    ["peak_memory_bytes", "1048576", "memoryMb", 1], // 2^20 bytes = 1 platform MB
    ["inputBytes", "7", "inputBytes", 7], // camelCase
    ["blob.download", "8", "inputBytes", 8], // dotted, trailing stem "download"
    ["blob.upload", "9", "outputBytes", 9],
    ["max-mem-used", "12", "memoryMb", 12], // kebab
    ["Execution Duration (ms)", "13", "runtimeMs", 13], // spaced and decorated
    ["provider.execution_duration", "14", "runtimeMs", 14], // no unit suffix: ms
  ] as const)("maps column %s=%s onto %s", async (header, value, field, expected) => {
    const base: Record<string, string> = { function_name: "f", app: "a", input_bytes: "1", runtime_ms: "1", memory_mb: "1", output_bytes: "1", fanout: "1" };
    const drop: Record<string, string> = { runtimeMs: "runtime_ms", inputBytes: "input_bytes", outputBytes: "output_bytes", memoryMb: "memory_mb" };
    delete base[drop[field]!];
    base[header] = value;
    const text = Object.keys(base).join(",") + "\n" + Object.values(base).join(",") + "\n";
    const { records } = await parseCsvTraces(text);
    expect(records[0]?.[field]).toBeCloseTo(expected, 9);
  });

  it("takes a user column map with units and constants, its names in any style", async () => {
    const text = "fn,Blob-Download,ul,took,rss\nresize,2,1,0.25,90\n";
    const { records } = await parseCsvTraces(text, {
      columns: { app: { value: "video" }, function: "fn", input_bytes: { column: "blob.download", unit: "MiB" }, outputBytes: { column: "ul", unit: "KiB" }, "runtime-ms": { column: "took", unit: "s" }, memoryMb: "rss", fanout: { value: 1 } },
    });
    // 2 MiB = 2·1024² = 2097152 B; 1 KiB = 1024 B; 0.25 s = 250 ms
    expect(records[0]).toEqual({ app: "video", function: "resize", inputBytes: 2097152, outputBytes: 1024, runtimeMs: 250, memoryMb: 90, fanout: 1 });
  });
});

describe("parseCsvTraces: published per-invocation workflow traces", () => {
  const text = workflowTraceCsv({ runs: 3, sizesMb: [16], noise: 0 });
  // Run input 16 MB: 1 split, ⌈16 / 8⌉ = 2 maps of 8 MB, 1 reduce of 16 MB; 4 rows per run.

  it("recognises func, is_cold, blob.download/upload, max_mem_used, billing.mem and the execution duration", async () => {
    const { records, report } = await parseCsvTraces(text, { file: "wf.csv" });
    expect(report.columns).toContain("function←func");
    expect(report.columns).toContain("inputBytes←blob.download");
    expect(report.columns).toContain("outputBytes←blob.upload");
    expect(report.columns).toContain("memoryMb←max_mem_used");
    expect(report.columns).toContain("memorySettingMb←billing.mem");
    expect(report.columns).toContain("cold←is_cold");
    expect(records).toHaveLength(12);
    expect(records.every((r) => r.app === "wf" && r.cold === false && r.memorySettingMb === 1024)).toBe(true);
  });

  it("derives runtime from end − start in seconds, and the duration column in µs by its unit", async () => {
    const derived = await parseCsvTraces(text, { columns: { runtimeMs: { expr: "(end - start) * 1000" } } });
    const unit = await parseCsvTraces(text, { columns: { runtimeMs: { column: "provider.execution_duration", unit: "us" } } });
    // split at 16 MB: 50 + 2·16 = 82 ms (start/end kept to µs, so within 1e-3 ms)
    expect(derived.records.find((r) => r.function === "split")!.runtimeMs).toBeCloseTo(82, 2);
    expect(unit.records.find((r) => r.function === "split")!.runtimeMs).toBeCloseTo(82, 6);
    // the same with a unit on the expression: (end - start) in s
    const s = await parseCsvTraces(text, { columns: { runtimeMs: { expr: "end - start", unit: "s" } } });
    expect(s.records.find((r) => r.function === "map")!.runtimeMs).toBeCloseTo(60, 2); // map at 8 MB: 20 + 5·8
  });

  it("sums columns into one field", async () => {
    const { records } = await parseCsvTraces(text, { columns: { inputBytes: { expr: "blob.download + blob.upload" } } });
    expect(records.find((r) => r.function === "reduce")!.inputBytes).toBe(16e6 + 1.6e6); // reads 16 MB, writes 10%
  });

  it("counts fanout as next-stage invocations per run, at the stage's input in that run", async () => {
    const { records, report } = await parseCsvTraces(text, { fanoutFromRuns: { runColumn: "request_id", next: { split: "map", map: "reduce" } } });
    const split = records.filter((r) => r.function === "split");
    expect(split.map((r) => r.fanout)).toEqual([2, 2, 2]); // 2 maps per run
    const map = records.filter((r) => r.function === "map");
    // one count per (map, run), at the maps' summed input 2 · 8 MB; the second map of each run is counted once
    expect(map.map((r) => r.fanout)).toEqual([1, undefined, 1, undefined, 1, undefined]);
    expect(map[0]!.stageInputBytes).toBe(16e6);
    expect(records.filter((r) => r.function === "reduce").map((r) => r.fanout)).toEqual([1, 1, 1]); // a sink: 1
    expect(report.targets.fanout).toMatchObject({ used: 9, skipped: { "counted once per run": 3 } });
  });

  it("filters rows with --where and counts them", async () => {
    const { records, report } = await parseCsvTraces(text, { where: 'func != "reduce" and blob.download > 10e6' });
    // keeps the 3 splits (16 MB); the maps read 8 MB and the reducers are excluded
    expect(records.map((r) => r.function)).toEqual(["split", "split", "split"]);
    expect(report.rowsFiltered).toBe(9);
  });
});

describe("parseCsvTraces: partial rows train the targets they have", () => {
  it("keeps a row without memory and counts what each target used and skipped", async () => {
    const text = "function,input_bytes,runtime_ms,memory_mb,output_bytes\nf,1,10,,5\nf,2,20,30,\nf,3,,40,7\n";
    const { records, report } = await parseCsvTraces(text, { file: "p.csv" });
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual({ app: "p", function: "f", inputBytes: 1, runtimeMs: 10, outputBytes: 5 });
    expect(report.targets.runtimeMs).toMatchObject({ used: 2, skipped: { "empty cell": 1 } });
    expect(report.targets.memoryMb).toMatchObject({ used: 2, skipped: { "empty cell": 1 } });
    expect(report.targets.fanout).toMatchObject({ used: 0, skipped: { "no column": 3 } });
  });
});

describe("parseCsvTraces: bad input is a typed error or a counted skip naming row and column", () => {
  it.each([
    ["a non-number", "sort,split,abc,1,1,1,1,,", "line 2", "input_bytes", "a number"],
    ["a negative", "sort,split,1,-5,1,1,1,,", "line 2", "runtime_ms", "a number ≥ 0"],
    ["an empty required cell", "sort,,1,1,1,1,1,,", "line 2", "function", "a value"],
    ["a bad flag", "sort,split,1,1,1,1,1,,maybe", "line 2", "cold", "true/false, 1/0, yes/no or cold/warm"],
    ["NaN", "sort,split,NaN,1,1,1,1,,", "line 2", "input_bytes", "a number"],
  ])("rejects %s with file, line and column", async (_label, row, line, column, expected) => {
    const header = CANONICAL.split("\n")[0]!;
    const err = await issueOf(() => parseCsvTraces(`${header}\n${row}\n`, { file: "bad.csv" }));
    expect(err.issues[0]?.path).toEqual(["bad.csv", line, column]);
    expect(err.issues[0]?.expected).toBe(expected);
    expect(err.message).toContain("bad.csv.line 2");
  });

  it("names the row and the expression for a negative derived duration", async () => {
    const text = "func,start,end,blob.download\nf,10,9,1\n";
    const err = await issueOf(() => parseCsvTraces(text, { file: "d.csv", columns: { runtimeMs: { expr: "(end - start) * 1000" } } }));
    expect(err.issues[0]).toMatchObject({ path: ["d.csv", "line 2", "(end - start) * 1000"], expected: "a number ≥ 0", actual: "-1000" });
    const skipped = await parseCsvTraces(text, { file: "d.csv", columns: { runtimeMs: { expr: "(end - start) * 1000" } }, onInvalid: "skip" });
    expect(skipped.report.targets.runtimeMs).toMatchObject({ used: 0, skipped: { negative: 1 } });
  });

  it("reads a cell with its own unit in that unit, over the column's (61 MB, 12.5ms, 128Mi), and names a unit that does not fit", async () => {
    const text = "function,input_size,duration_ms,memory,output_kb\nf,2 MiB,1.5 s,128Mi,10 KB\nf,1000,12.5ms,61 MB,2000\n";
    const { records } = await parseCsvTraces(text, { file: "u.csv", columns: { inputBytes: "input_size", memoryMb: "memory" } });
    expect(records.map((r) => [r.inputBytes, r.runtimeMs, r.memoryMb, r.outputBytes])).toEqual([[2 * 1024 ** 2, 1500, 128, 10_000], [1000, 12.5, 61, 2_000_000]]);
    const err = await issueOf(() => parseCsvTraces("function,input_bytes,duration\nf,1000,5 MB\n", { file: "u.csv" }));
    expect(err.issues[0]).toMatchObject({ path: ["u.csv", "line 2", "duration"], expected: "a number, or one with a unit of ns, us, ms, s", actual: '"5 MB"' });
  });

  it("reads a .NET TimeSpan duration (00:00:00.1234567, as Application Insights writes one) as a time; nothing is left assumed (it was a bad cell)", async () => {
    const text = "name,input_bytes,duration\nResize,100,00:00:00.1234567\nResize,200,00:00:01.5\n";
    const { records, report } = await parseCsvTraces(text, { columns: { function: "name" } });
    expect(records.map((r) => r.runtimeMs)).toEqual([123.4567, 1500].map((ms) => expect.closeTo(ms, 9)));
    expect(report.columns).toBe("function←name, inputBytes←input_bytes, runtimeMs←duration");
  });

  it("names the column of a non-numeric cell inside an expression", async () => {
    const text = "func,start,end,blob.download\nf,10,soon,1\n";
    const err = await issueOf(() => parseCsvTraces(text, { file: "e.csv", columns: { runtimeMs: { expr: "end - start" } } }));
    expect(err.issues[0]).toMatchObject({ path: ["e.csv", "line 2", "end"], expected: "a number or an ISO 8601 date-time", actual: '"soon"' });
  });

  it("derives a runtime from ISO 8601 start and end times as from epoch seconds (text times used to be a bad cell)", async () => {
    const iso = "func,start,end,blob.download\nf,2024-05-01T12:00:10.000Z,2024-05-01T12:00:10.0235Z,1\nf,2024-05-01 14:00:00.5+02:00,2024-05-01 12:00:01.25,2\n";
    const epoch = `func,start,end,blob.download\nf,${Date.UTC(2024, 4, 1, 12, 0, 10) / 1000},${Date.UTC(2024, 4, 1, 12, 0, 10) / 1000 + 0.0235},1\nf,${Date.UTC(2024, 4, 1, 12) / 1000 + 0.5},${Date.UTC(2024, 4, 1, 12) / 1000 + 1.25},2\n`;
    const columns = { runtimeMs: { expr: "(end - start) * 1000" } };
    const fromIso = (await parseCsvTraces(iso, { file: "iso.csv", columns })).records.map((r) => r.runtimeMs);
    const fromEpoch = (await parseCsvTraces(epoch, { file: "epoch.csv", columns })).records.map((r) => r.runtimeMs);
    expect(fromIso[0]).toBeCloseTo(23.5, 3); // to the microsecond: a double holds epoch seconds to ~0.2 µs
    expect(fromIso[1]).toBeCloseTo(750, 3); // 14:00:00.5 at +02:00 is 12:00:00.5 UTC
    fromEpoch.forEach((ms, i) => expect(fromIso[i]).toBeCloseTo(ms!, 3));
    // a filter compares times as well: keep the rows that start after noon UTC
    const late = await parseCsvTraces(iso, { file: "iso.csv", columns, where: 'start > "2024-05-01T12:00:05Z"' });
    expect(late.records.map((r) => r.inputBytes)).toEqual([1]);
  });

  it("rejects a mapped column that is not in the header, an expression over a missing column, and an unknown field", async () => {
    const text = "func,start,end,blob.download\nf,1,2,3\n";
    const err = await issueOf(() => parseCsvTraces(text, { file: "m.csv", columns: { runtimeMs: { expr: "(stop - start) * 1000" }, memoryMb: "rss", speed: "end" } as never }));
    expect(err.issues.map((i) => [i.path[1], i.actual])).toEqual([
      ["columns.runtimeMs", '"stop"'],
      ["columns.memoryMb", '"rss"'],
      ["columns.speed", '"speed"'],
    ]);
  });

  it("names the CLI flags when the mapping came from the command line", async () => {
    const text = "func,start,end,blob.download\nf,1,2,3\n";
    const err = await issueOf(() => parseCsvTraces(text, { file: "m.csv", origin: "cli", columns: { runtimeMs: { expr: "(stop - start) * 1000" }, memoryMb: "rss" }, where: "nope > 1" }));
    expect(err.issues.map((i) => i.path[1])).toEqual(["--derive runtimeMs=…", "--column memoryMb=…", "--where"]);
    const none = await issueOf(() => parseCsvTraces("a,b\n1,2\n", { file: "n.csv", origin: "cli" }));
    expect(none.issues[0]?.message).toContain("--column function=COLUMN[:UNIT]");
    expect(none.message).not.toContain("columns option");
  });

  it.each([
    // no bytes at all, and only a line break: no header row to map
    { label: "an empty file", text: "" },
    { label: "a file of one blank line", text: "\n" },
  ])("rejects $label as SLU5001 naming line 1", async ({ text }) => {
    const err = await issueOf(() => parseCsvTraces(text, { file: "e.csv" }));
    expect(err.code).toBe(codeOf("traces.emptyFile"));
    expect(err.issues[0]?.path).toEqual(["e.csv", "line 1"]);
  });

  it("rejects a row with the wrong number of columns and an unclosed quote", async () => {
    const header = CANONICAL.split("\n")[0]!;
    expect((await issueOf(() => parseCsvTraces(`${header}\nsort,split,1\n`, { file: "x.csv" }))).issues[0]?.path).toEqual(["x.csv", "line 2"]);
    expect((await issueOf(() => parseCsvTraces(`${header}\nsort,"split,1,1,1,1,1,,\n`, { file: "q.csv" }))).issues[0]?.code).toBe(codeOf("traces.malformedCsv"));
  });

  it("names what is missing when the header maps to nothing", async () => {
    const err = await issueOf(() => parseCsvTraces("app,bytes,x\na,1,2\n", { file: "h.csv" }));
    expect(err.issues.map((i) => i.path[2])).toEqual(["function", "inputBytes", "targets"]);
  });

  it("skips and counts bad rows and cells when asked", async () => {
    const text = CANONICAL + "sort,map,x,1,1,1,1,,\nsort,map,5,oops,1,1,1,,\n";
    const { records, report } = await parseCsvTraces(text, { file: "s.csv", onInvalid: "skip" });
    expect(records).toHaveLength(3); // the bad-input row is out; the bad-runtime row keeps its other targets
    expect(report.rowsRead).toBe(4);
    expect(report.rowsSkipped).toEqual({ "inputBytes: not a number": 1 });
    expect(report.skipped.map((i) => i.path)).toEqual([["s.csv", "line 4", "input_bytes"]]);
    expect(report.targets.runtimeMs).toMatchObject({ used: 2, skipped: { "not a number": 1 } });
    expect(report.targets.runtimeMs.examples[0]?.path).toEqual(["s.csv", "line 5", "runtime_ms"]);
  });

  it("keeps the published header shape in a fixture (guards the generator)", () => {
    expect(workflowTraceCsv({ runs: 1 }).split("\n")[0]).toBe(WORKFLOW_HEADER);
  });
});

describe("parseCsvTraces and readCsvTraces: a row limit", () => {
  // CANONICAL holds 2 data rows after its header.
  it.each([
    { maxRows: 2, rows: 2 }, // exactly at the limit: read
    { maxRows: 1, rows: undefined }, // the second row (line 3) is one too many: SLU5005
  ])("maxRows $maxRows over 2 rows", async ({ maxRows, rows }) => {
    if (rows !== undefined) {
      expect((await parseCsvTraces(CANONICAL, { file: "t.csv", maxRows })).report.rowsRead).toBe(rows);
      return;
    }
    const err = await issueOf(() => parseCsvTraces(CANONICAL, { file: "t.csv", maxRows }));
    expect(err.code).toBe(codeOf("traces.tooManyRows"));
    expect(err.issues[0]?.path).toEqual(["t.csv", "line 3"]);
    expect(err.message).toContain("≤ 1 rows");
  });

  it("a header the mapping cannot use is said first, even past a limit below the rows sampled for units", async () => {
    const err = await issueOf(() => parseCsvTraces(CANONICAL, { file: "t.csv", maxRows: 1, columns: { runtimeMs: "no_such_column" } }));
    expect(err.issues[0]?.code).toBe(codeOf("columns.notInHeader"));
  });
});
