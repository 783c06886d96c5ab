import { describe, expect, it } from "vitest";
import { joinLambdaTraces } from "../lambda/join-lambda-traces.js";
import { parseCsvTraces } from "../parse-csv-traces.js";

const OFFSETS = "fn,input_bytes,start,end,output_bytes,run_id\nf,100,0.0,0.125,5,r1\ng,5,0.2,0.3,1,r1\n";

describe("mapping hints: what the file could give that the mapping left out", () => {
  it("offsets as start and end: the expression that would give the runtime, in the caller's words", async () => {
    const api = await parseCsvTraces(OFFSETS);
    expect(api.report.hints).toContain('runtimeMs: no column gives it, and start and end were not read as times; if they are seconds, columns.runtimeMs: { expr: "(end - start) * 1000" }');
    const cli = await parseCsvTraces(OFFSETS, { origin: "cli" });
    expect(cli.report.hints).toContain("runtimeMs: no column gives it, and start and end were not read as times; if they are seconds, --derive 'runtimeMs=(end - start) * 1000'");
  });

  it("a run-id column: fanout counted per run", async () => {
    const cli = await parseCsvTraces(OFFSETS, { origin: "cli" });
    expect(cli.report.hints).toContain("fanout: if run_id names a workflow run, count each function's next-stage invocations per run: --fanout-run run_id with --next F=G or --dag FILE");
    const api = await parseCsvTraces(OFFSETS);
    expect(api.report.hints).toContain('fanout: if run_id names a workflow run, count each function\'s next-stage invocations per run: fanoutFromRuns: { runColumn: "run_id", next }');
  });

  // Azure Functions Invocation Trace 2021 (github.com/Azure/AzurePublicDataset, AzureFunctionsInvocationTrace2021.md):
  // app,func,end_timestamp,duration with duration in seconds and no input size.
  const AZURE_2021 = "app,func,end_timestamp,duration\n7342,313c,5160.142570018768,0.134\n17c3,c9f8,5161.280997037888,0.013\n7342,313c,5241.567729949951,42.356\n";

  it("a duration named without a unit, which no start/end pair settles: the ms it was read in is said, with how to give another", async () => {
    const cli = await parseCsvTraces(AZURE_2021, { origin: "cli", columns: { inputBytes: { value: 1 } } });
    expect(cli.report.columns).toContain("runtimeMs←duration (ms assumed: no unit in the name)");
    expect(cli.report.hints).toEqual(["runtimeMs: duration has no unit in its name and was read in ms; if it is in another (ns, us, ms, s), give it: --column runtimeMs=duration:s"]);
    expect(cli.records[0]!.runtimeMs).toBe(0.134); // still read, not refused: sub-ms functions exist
    const api = await parseCsvTraces(AZURE_2021, { columns: { inputBytes: { value: 1 } } });
    expect(api.report.hints).toEqual(['runtimeMs: duration has no unit in its name and was read in ms; if it is in another (ns, us, ms, s), give it: columns.runtimeMs: { column: "duration", unit: "s" }']);
    // given, as the hint says: 0.134 s = 134 ms, and nothing is left assumed
    const given = await parseCsvTraces(AZURE_2021, { origin: "cli", columns: { inputBytes: { value: 1 }, runtimeMs: { column: "duration", unit: "s" } } });
    expect(given.records.map((r) => r.runtimeMs).sort((a, b) => a! - b!)).toEqual([13, 134, 42356]);
    expect(given.report.columns).toContain("runtimeMs←duration ×1000");
    expect(given.report.hints).toBeUndefined();
  });

  it("a column mapped without a unit is an assumption too; memory says MB, a size says B in the columns line only", async () => {
    const { report } = await parseCsvTraces("fn,input_size,took,rss\nf,100,5,60\n", { origin: "cli", columns: { runtimeMs: "took", memoryMb: "rss" } });
    expect(report.columns).toBe("function←fn, inputBytes←input_size (B assumed: no unit in the name), runtimeMs←took (ms assumed: no unit in the name), memoryMb←rss (MB assumed: no unit in the name)");
    expect(report.hints).toEqual([
      "runtimeMs: took has no unit in its name and was read in ms; if it is in another (ns, us, ms, s), give it: --column runtimeMs=took:s",
      "memoryMb: rss has no unit in its name and was read in MB; if it is in another (B, KB, KiB, MB, MiB, GB, GiB), give it: --column memoryMb=rss:KB",
    ]);
  });

  it("cells that carry their own unit (Cloud Logging's latency \"0.123456s\") leave nothing assumed", async () => {
    const { records, report } = await parseCsvTraces("fn,input_bytes,latency\nf,100,0.123456s\nf,200,0.25s\n", { columns: { runtimeMs: "latency" } });
    expect(records.map((r) => r.runtimeMs)).toEqual([123.456, 250]);
    expect(report.columns).toBe("function←fn, inputBytes←input_bytes, runtimeMs←latency");
    expect(report.hints).toBeUndefined();
  });

  it("says nothing of what the mapping already gives", async () => {
    const { report } = await parseCsvTraces(OFFSETS, { columns: { runtimeMs: { expr: "(end - start) * 1000" } }, fanoutFromRuns: { runColumn: "run_id", next: { f: "g" } } });
    expect(report.hints).toBeUndefined();
    const epoch = await parseCsvTraces("fn,input_bytes,start,end,fanout\nf,100,1700000000,1700000000.5,2\n");
    expect(epoch.report.hints).toBeUndefined(); // the epoch pair gives the runtime; fanout has its column
  });

  it("nothing of what a REPORT join fills: a sizes file's start and end are no hint for the runtime, its request ids none for fanout", async () => {
    const id = "8f9e0d1c-0000-4000-8000-000000000001";
    const log = `REPORT RequestId: ${id}\tDuration: 12.5 ms\tBilled Duration: 13 ms\tMemory Size: 1024 MB\tMax Memory Used: 80 MB\t`;
    const { report } = await joinLambdaTraces(log, `request_id,function,input_bytes,start,end\n${id},f,100,0.0,0.5\n`);
    expect(report.hints).toBeUndefined(); // and request_id there is Lambda's, one per invocation: no run to count by
    const withRun = await joinLambdaTraces(log, `request_id,run_id,function,input_bytes\n${id},r1,f,100\n`);
    expect(withRun.report.hints).toEqual(['fanout: if run_id names a workflow run, count each function\'s next-stage invocations per run: fanoutFromRuns: { runColumn: "run_id", next }']);
  });
});
