import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, SluiceError } from "../../errors.js";
import { joinLambdaTraces } from "./join-lambda-traces.js";
import { parseLambdaReports } from "./parse-lambda-report.js";
import { readLambdaReports, readLambdaTraces } from "./read-lambda-traces.js";

const ID = (k: number) => `1f2e3d4c-0000-4000-8000-0000000000${String(k).padStart(2, "0")}`;
const N = 12;
const text = (k: number) => `REPORT RequestId: ${ID(k)}\tDuration: ${10 + k}.50 ms\tBilled Duration: ${11 + k} ms\tMemory Size: 512 MB\tMax Memory Used: ${60 + (k % 4) * 10} MB\t${k % 5 === 0 ? "Init Duration: 150.00 ms\t" : ""}`;
const event = (k: number) => ({ time: "2024-05-01T10:00:00.000Z", type: "platform.report", record: { requestId: ID(k), metrics: { durationMs: 10.5 + k, billedDurationMs: 11 + k, memorySizeMB: 512, maxMemoryUsedMB: 60 + (k % 4) * 10 }, status: k === 7 ? "timeout" : "success" } });
const ks = Array.from({ length: N }, (_, k) => k);

/** The same invocations in each layout a CloudWatch export comes in. */
const LOGS: Record<string, string> = {
  "plain.log": ks.flatMap((k) => [`START RequestId: ${ID(k)} Version: $LATEST`, text(k), `END RequestId: ${ID(k)}`]).join("\r\n") + "\r\n",
  "events.jsonl": ks.flatMap((k) => [JSON.stringify({ time: "2024-05-01T10:00:00.000Z", type: "platform.start", record: { requestId: ID(k) } }), JSON.stringify(event(k))]).join("\n"),
  "insights.csv": ["@timestamp,@logStream,@message", ...ks.map((k) => `2024-05-01 10:00:${String(k).padStart(2, "0")}.000,stream-${k % 3},"${text(k)}"`)].join("\n"),
  "events-array.json": JSON.stringify(ks.map(event)),
  "filter-log-events.json": JSON.stringify({ events: ks.map((k) => ({ logStreamName: `stream-${k % 3}`, timestamp: k, message: k % 2 === 0 ? text(k) : JSON.stringify(event(k)) })) }, null, 2),
};
/** The same reports as Logs Insights returns their fields (`filter @type = "REPORT" | fields …`): memory in bytes at 10^6 per MB. */
const insightsFields = (k: number) => ({ "@timestamp": `2024-05-01 10:00:${String(k).padStart(2, "0")}.000`, "@logStream": `stream-${k % 3}`, "@requestId": ID(k), "@duration": `${10 + k}.5`, "@billedDuration": `${11 + k}`, "@maxMemoryUsed": `${(60 + (k % 4) * 10) * 1e6}`, "@memorySize": `${512e6}`, "@initDuration": k % 5 === 0 ? "150.0" : "" });
const INSIGHTS: Record<string, string> = {
  "insights-fields.csv": [Object.keys(insightsFields(0)).join(","), ...ks.map((k) => Object.values(insightsFields(k)).join(","))].join("\n") + "\n",
  "get-query-results.json": JSON.stringify({ results: ks.map((k) => Object.entries(insightsFields(k)).filter(([, v]) => v !== "").map(([field, value]) => ({ field, value }))), status: "Complete" }, null, 2),
};
Object.assign(LOGS, INSIGHTS);
const SIZES_CSV = ["request_id,app,function,input_bytes", ...ks.map((k) => `${ID(k)},a,f,${(k + 1) * 1000}`)].join("\n") + "\n";
const SIZES_JSONL = ks.map((k) => JSON.stringify({ requestId: ID(k), app: "a", function: "f", input: { bytes: (k + 1) * 1000 } })).join("\n") + "\n";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-lambda-"));
  for (const [name, body] of Object.entries(LOGS)) await writeFile(path.join(dir, name), body);
  await writeFile(path.join(dir, "sizes.csv"), SIZES_CSV);
  await writeFile(path.join(dir, "sizes.jsonl"), SIZES_JSONL);
  for (const [name, body] of Object.entries(LOGS)) await writeFile(path.join(dir, `${name}.gz`), gzipSync(body));
  await writeFile(path.join(dir, "sizes.csv.gz"), gzipSync(SIZES_CSV));
  await writeFile(path.join(dir, "sizes.jsonl.gz"), gzipSync(SIZES_JSONL));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("readLambdaReports (streamed from a file)", () => {
  it.each(Object.keys(LOGS))("reads %s exactly as the text parser reads it", async (name) => {
    const file = path.join(dir, name);
    const streamed = await readLambdaReports(file);
    expect(streamed.reports).toHaveLength(N);
    expect(streamed.issues).toEqual([]);
    expect(streamed).toEqual(parseLambdaReports(LOGS[name]!, file));
  });

  it("names the path of a log it cannot read", async () => {
    const err = await readLambdaReports(path.join(dir, "missing.log")).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(SluiceError);
    expect((err as SluiceError).issues[0]).toMatchObject({ code: codeOf("io.cannotRead"), path: [path.join(dir, "missing.log")] });
  });
});

describe("readLambdaTraces", () => {
  it.each([
    ["plain.log", "sizes.csv"],
    ["events.jsonl", "sizes.jsonl"],
    ["insights.csv", "sizes.csv"],
    ["filter-log-events.json", "sizes.jsonl"],
  ])("joins %s with %s as the text API does", async (log, sizes) => {
    const columns = sizes.endsWith(".jsonl") ? { inputBytes: "input.bytes" } : {};
    const fromFiles = await readLambdaTraces(path.join(dir, log), path.join(dir, sizes), { columns });
    const fromText = await joinLambdaTraces(LOGS[log]!, sizes.endsWith(".jsonl") ? SIZES_JSONL : SIZES_CSV, { columns, reportFile: path.join(dir, log), sizesFile: path.join(dir, sizes) });
    expect(fromFiles.records).toEqual(fromText.records);
    expect(fromFiles.report).toEqual(fromText.report);
    expect(fromFiles.records.length).toBeGreaterThanOrEqual(N - 1);
  });
});

describe("gzip-compressed logs and sizes files", () => {
  it.each(Object.keys(LOGS))("reads %s.gz as the plain file", async (name) => {
    const gz = await readLambdaReports(path.join(dir, `${name}.gz`));
    expect(gz.reports).toHaveLength(N);
    expect(gz).toEqual(await readLambdaReports(path.join(dir, name)));
  });

  it.each([
    ["plain.log", "sizes.csv"],
    ["events.jsonl", "sizes.jsonl"],
    ["insights.csv", "sizes.csv"],
  ])("joins %s.gz with %s.gz as the plain files", async (log, sizes) => {
    const columns = sizes.endsWith(".jsonl") ? { inputBytes: "input.bytes" } : {};
    const plain = await readLambdaTraces(path.join(dir, log), path.join(dir, sizes), { columns });
    const gz = await readLambdaTraces(path.join(dir, `${log}.gz`), path.join(dir, `${sizes}.gz`), { columns });
    expect(gz.records).toEqual(plain.records);
    expect(gz.records.length).toBeGreaterThanOrEqual(N - 1);
  });
});

describe("Logs Insights exports of REPORT fields", () => {
  const essentials = (r: { requestId: string; durationMs: number; maxMemoryUsedMb: number; memorySizeMb?: number; initDurationMs?: number }) => [r.requestId, r.durationMs, r.maxMemoryUsedMb, r.memorySizeMb, r.initDurationMs !== undefined];

  it.each(Object.keys(INSIGHTS))("%s gives the reports the REPORT lines give, cold starts included", async (name) => {
    const fromInsights = await readLambdaReports(path.join(dir, name));
    expect(fromInsights.issues).toEqual([]);
    expect(fromInsights.reports.map(essentials)).toEqual((await readLambdaReports(path.join(dir, "plain.log"))).reports.map(essentials));
    expect(fromInsights.reports.map((r) => r.environment)).toEqual(ks.map((k) => `stream-${k % 3}`));
  });

  it("joins an Insights CSV with the sizes as the plain log joins", async () => {
    const fromInsights = await readLambdaTraces(path.join(dir, "insights-fields.csv"), path.join(dir, "sizes.csv"));
    const fromLog = await readLambdaTraces(path.join(dir, "plain.log"), path.join(dir, "sizes.csv"));
    expect(fromInsights.records.map((r) => [r.inputBytes, r.runtimeMs, r.cold])).toEqual(fromLog.records.map((r) => [r.inputBytes, r.runtimeMs, r.cold]));
    expect(fromInsights.records.length).toBeGreaterThan(0);
  });

  it("reads memory given in MiB-based bytes as MiB, and names a row without @maxMemoryUsed", () => {
    const csv = ["@requestId,@duration,@maxMemoryUsed,@memorySize", `${ID(1)},12.5,${64 * 1048576},${512 * 1048576}`, `${ID(2)},13.5,,${512 * 1048576}`].join("\n");
    const parsed = parseLambdaReports(csv, "q.csv");
    expect(parsed.reports.map((r) => [r.maxMemoryUsedMb, r.memorySizeMb])).toEqual([[64, 512]]);
    expect(parsed.issues[0]).toMatchObject({ code: codeOf("traces.reportLine"), path: ["q.csv", "line 3", "@maxMemoryUsed"] });
  });

  it("a log with no report at all is SLU5034 naming it, not an id column that matches nothing", async () => {
    const err = await readLambdaTraces(path.join(dir, "sizes.csv"), path.join(dir, "sizes.csv")).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(SluiceError);
    expect((err as SluiceError).issues[0]).toMatchObject({ code: codeOf("traces.noReports"), path: [path.join(dir, "sizes.csv")] });
  });
});
