import { describe, expect, it } from "vitest";
import { codeOf, InputError } from "../../errors.js";
import { joinLambdaTraces } from "./join-lambda-traces.js";
import { parseLambdaReports } from "./parse-lambda-report.js";

// As CloudWatch shows them: START/END/REPORT per request, tab-separated fields.
const LOG = [
  "START RequestId: 0a1b2c3d-0000-4000-8000-000000000001 Version: $LATEST",
  "END RequestId: 0a1b2c3d-0000-4000-8000-000000000001",
  "REPORT RequestId: 0a1b2c3d-0000-4000-8000-000000000001\tDuration: 812.45 ms\tBilled Duration: 813 ms\tMemory Size: 1024 MB\tMax Memory Used: 211 MB\tInit Duration: 301.02 ms\t",
  "2024-05-01T10:00:02.000Z\tREPORT RequestId: 0a1b2c3d-0000-4000-8000-000000000002\tDuration: 95.10 ms\tBilled Duration: 96 ms\tMemory Size: 1024 MB\tMax Memory Used: 130 MB\t",
  '{"timestamp":1714557603000,"message":"REPORT RequestId: 0a1b2c3d-0000-4000-8000-000000000003\\tDuration: 40.00 ms\\tBilled Duration: 40 ms\\tMemory Size: 512 MB\\tMax Memory Used: 88 MB\\t"}',
].join("\n");

const SIZES = `request_id,app,function,download_bytes,upload_bytes,fanout
0a1b2c3d-0000-4000-8000-000000000001,sort,split,1500000000,1500000000,30
0a1b2c3d-0000-4000-8000-000000000002,sort,map,50000000,50000000,1
`;

describe("parseLambdaReports", () => {
  it("reads Duration (not Billed or Init), memory and cold start from plain, tab and JSON lines", () => {
    const { reports, issues } = parseLambdaReports(LOG, "log.txt");
    expect(issues).toEqual([]);
    expect(reports.map((r) => [r.durationMs, r.billedDurationMs, r.memorySizeMb, r.maxMemoryUsedMb, r.initDurationMs, r.line])).toEqual([
      [812.45, 813, 1024, 211, 301.02, 3],
      [95.1, 96, 1024, 130, undefined, 4],
      [40, 40, 512, 88, undefined, 5],
    ]);
  });

  it("flags a REPORT line without Max Memory Used, naming the line", () => {
    const { issues } = parseLambdaReports("x\nREPORT RequestId: abc\tDuration: 1 ms\n", "l.log");
    expect(issues[0]?.path).toEqual(["l.log", "line 2", "Max Memory Used"]);
  });
});

describe("joinLambdaTraces", () => {
  it("joins by request id and counts reports without sizes", async () => {
    const { records, report } = await joinLambdaTraces(LOG, SIZES, { reportFile: "log.txt", sizesFile: "sizes.csv" });
    expect(records).toEqual([
      { app: "sort", function: "split", inputBytes: 1.5e9, outputBytes: 1.5e9, fanout: 30, runtimeMs: 812.45, memoryMb: 211, memorySettingMb: 1024, cold: true },
      { app: "sort", function: "map", inputBytes: 5e7, outputBytes: 5e7, fanout: 1, runtimeMs: 95.1, memoryMb: 130, memorySettingMb: 1024, cold: false },
    ]);
    expect(report.unmatchedReports).toBe(1);
    expect(report.idColumn).toBe("request_id");
  });

  it("rejects a sizes row with no REPORT line, or skips it when asked", async () => {
    const sizes = SIZES + "ffff,sort,map,1,1,1\n";
    let err: unknown;
    try {
      await joinLambdaTraces(LOG, sizes, { sizesFile: "sizes.csv" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]?.path).toEqual(["sizes.csv", "line 4", "request_id"]);
    const skipped = await joinLambdaTraces(LOG, sizes, { sizesFile: "sizes.csv", onInvalid: "skip" });
    expect(skipped.records).toHaveLength(2);
    expect(skipped.report.rowsSkipped).toEqual({ "no REPORT line": 1 });
  });

  // A workflow trace names its run first (request_id, one per workflow run) and the Lambda request
  // second: picking the first id-like name joined nothing, or the wrong rows.
  const WORKFLOW_SIZES = `request_id,aws_request_id,func,blob.download,blob.upload
run-1,0a1b2c3d-0000-4000-8000-000000000001,split,1500000000,1500000000
run-1,0a1b2c3d-0000-4000-8000-000000000002,map,50000000,50000000
`;

  it("picks the id column whose values match the REPORT request ids, not the first id-like name", async () => {
    const { records, report } = await joinLambdaTraces(LOG, WORKFLOW_SIZES, { columns: { app: { value: "sort" } } });
    expect(report.idColumn).toBe("aws_request_id");
    expect(records.map((r) => [r.function, r.runtimeMs])).toEqual([["split", 812.45], ["map", 95.1]]);
  });

  it("takes the id column by flag, and names the flag when it is not in the header", async () => {
    const chosen = await joinLambdaTraces(LOG, WORKFLOW_SIZES, { idColumn: "AwsRequestId" });
    expect(chosen.report.idColumn).toBe("aws_request_id");
    let err: unknown;
    try {
      await joinLambdaTraces(LOG, WORKFLOW_SIZES, { idColumn: "lambda_id", origin: "cli", sizesFile: "s.csv" });
    } catch (e) {
      err = e;
    }
    expect((err as InputError).issues[0]).toMatchObject({ path: ["s.csv", "--id-column"], actual: '"lambda_id"' });
  });

  it.each([
    // the sizes file names its runs by a workflow id; no column holds the REPORT lines' request ids
    { label: "a workflow run id only", sizes: "run_id,app,function,download_bytes,upload_bytes,fanout\nrun-1,sort,split,1500000000,1500000000,30\n" },
    // ids of other requests than the log's
    { label: "request ids of another log", sizes: SIZES.replaceAll("0a1b2c3d", "ffffffff") },
  ])("without idColumn, a sizes file with $label is SLU5021 naming its header", async ({ sizes }) => {
    const err = await joinLambdaTraces(LOG, sizes, { reportFile: "log.txt", sizesFile: "sizes.csv" }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const first = (err as InputError).issues[0]!;
    expect(first.code).toBe(codeOf("traces.noRequestIdColumn"));
    expect(first.path.slice(0, 2)).toEqual(["sizes.csv", "header"]);
    expect(first.actual).toBe(sizes.split("\n")[0]);
  });
});
