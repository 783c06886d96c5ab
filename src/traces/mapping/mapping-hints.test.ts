import { describe, expect, it } from "vitest";
import { parseCsvTraces } from "../parse-csv-traces.js";

const OFFSETS = "fn,input_bytes,start,end,output_bytes,run_id\nf,100,0.0,0.125,5,r1\ng,5,0.2,0.3,1,r1\n";

describe("mapping hints: what the file could give that the mapping left out", () => {
  it("offsets as start and end: the expression that would give the runtime, in the caller's words", async () => {
    const api = await parseCsvTraces(OFFSETS);
    expect(api.report.hints).toContain('runtimeMs: start and end are no epoch times; if they are seconds, columns.runtimeMs: { expr: "(end - start) * 1000" }');
    const cli = await parseCsvTraces(OFFSETS, { origin: "cli" });
    expect(cli.report.hints).toContain("runtimeMs: start and end are no epoch times; if they are seconds, --derive 'runtimeMs=(end - start) * 1000'");
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
});
