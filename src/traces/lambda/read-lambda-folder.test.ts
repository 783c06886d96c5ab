import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { rejectedInputError } from "../../../test/support/input-error.js";
import { readLambdaReports, readLambdaTraces } from "./read-lambda-traces.js";

// A CloudWatch export to S3: <task>/<log stream>/000000.gz, …; each line "<timestamp> <message>".
const ID = (k: number) => `7a6b5c4d-0000-4000-8000-0000000000${String(k).padStart(2, "0")}`;
const report = (k: number, ms: number, mb: number, status = "") => `2024-05-01T10:00:${String(k).padStart(2, "0")}.000Z REPORT RequestId: ${ID(k)}\tDuration: ${ms} ms\tBilled Duration: ${Math.ceil(ms)} ms\tMemory Size: 1024 MB\tMax Memory Used: ${mb} MB\t${status}`;
const start = (k: number) => `2024-05-01T10:00:${String(k).padStart(2, "0")}.000Z START RequestId: ${ID(k)} Version: $LATEST`;
let dir: string;
let exportDir: string;
let sizes: string;
const streamA = ["task-1", "2024", "05", "01", "[$LATEST]aaa"];
const streamB = ["task-1", "2024", "05", "01", "[$LATEST]bbb"];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-lambda-folder-"));
  exportDir = path.join(dir, "exportedlogs");
  for (const s of [streamA, streamB]) await mkdir(path.join(exportDir, ...s), { recursive: true });
  // stream a: the 8 MB invocation in the first part, then a 1 MB one in the second part that carries its peak
  await writeFile(path.join(exportDir, ...streamA, "000000.gz"), gzipSync([start(1), report(1, 80, 300)].join("\n") + "\n"));
  await writeFile(path.join(exportDir, ...streamA, "000001.gz"), gzipSync([start(2), report(2, 10, 300), start(5), report(5, 900, 310, "Status: timeout")].join("\n") + "\n"));
  await writeFile(path.join(exportDir, ...streamB, "000000.gz"), gzipSync([report(3, 20, 120), report(4, 12, 130)].join("\n") + "\n"));
  await writeFile(path.join(exportDir, "aws-logs-write-test"), "Permission Check Successful");
  sizes = path.join(dir, "sizes.csv");
  await writeFile(sizes, `request_id,function,input_bytes\n${ID(1)},f,8000000\n${ID(2)},f,1000000\n${ID(3)},f,2000000\n${ID(4)},f,3000000\n${ID(5)},f,9000000\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a Lambda log export split in parts: a folder as --report-log", () => {
  it("reads every part in name order, each report with its file, and the part's folder as its log stream", async () => {
    const { reports, issues } = await readLambdaReports(exportDir);
    expect(issues).toEqual([]);
    expect(reports.map((r) => [r.requestId, path.relative(exportDir, r.file!), r.line, r.environment])).toEqual([
      [ID(1), "task-1/2024/05/01/[$LATEST]aaa/000000.gz", 2, "task-1/2024/05/01/[$LATEST]aaa"],
      [ID(2), "task-1/2024/05/01/[$LATEST]aaa/000001.gz", 2, "task-1/2024/05/01/[$LATEST]aaa"],
      [ID(5), "task-1/2024/05/01/[$LATEST]aaa/000001.gz", 4, "task-1/2024/05/01/[$LATEST]aaa"],
      [ID(3), "task-1/2024/05/01/[$LATEST]bbb/000000.gz", 1, "task-1/2024/05/01/[$LATEST]bbb"],
      [ID(4), "task-1/2024/05/01/[$LATEST]bbb/000000.gz", 2, "task-1/2024/05/01/[$LATEST]bbb"],
    ]);
  });

  it("joins with the sizes: the running maximum is followed across a stream's parts, and a failed invocation names its part and line", async () => {
    const { records, report: summary } = await readLambdaTraces(exportDir, sizes);
    expect(records.map((r) => [r.inputBytes, r.runtimeMs, r.memoryMb])).toEqual([[8e6, 80, 300], [1e6, 10, undefined], [2e6, 20, 120], [3e6, 12, 130]]);
    expect(summary.targets.memoryMb.skipped).toEqual({ "environment's running max": 1 });
    expect(summary.rowsSkipped).toEqual({ "invocation timeout": 1 });
    expect(summary.skipped[0]!.code).toBe(codeOf("traces.failedInvocation"));
    expect(summary.skipped[0]!.message).toContain(`REPORT at ${path.join(exportDir, ...streamA, "000001.gz")} line 4`);
  });

  it("a folder with no file at all is SLU5006", async () => {
    await mkdir(path.join(dir, "nothing", ".hidden"), { recursive: true });
    const err = await rejectedInputError(() => readLambdaTraces(path.join(dir, "nothing"), sizes));
    expect(err.issues[0]).toMatchObject({ code: codeOf("traces.emptyFolder"), path: [path.join(dir, "nothing")] });
  });
});
