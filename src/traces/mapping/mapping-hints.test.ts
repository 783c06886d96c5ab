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
