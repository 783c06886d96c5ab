/**
 * Lambda's other log shapes: the JSON log format's platform.report events (one a line, inside a CSV
 * export, or inside a whole `aws logs filter-log-events` document), failed invocations, and SnapStart
 * restores. Each reproduces a log as Lambda and CloudWatch write it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf, InputError } from "../../errors.js";
import { joinLambdaTraces } from "./join-lambda-traces.js";
import { parseLambdaReports } from "./parse-lambda-report.js";

const ID = (k: number) => `5a6b7c8d-0000-4000-8000-00000000000${k}`;

// Lambda's JSON log format: one event a line, platform.start / function / platform.report.
const JSON_LOG = [
  `{"time":"2024-05-01T10:00:00.000Z","type":"platform.initStart","record":{"initializationType":"on-demand","phase":"init"}}`,
  `{"time":"2024-05-01T10:00:00.300Z","type":"platform.start","record":{"requestId":"${ID(1)}","version":"$LATEST"}}`,
  `{"timestamp":"2024-05-01T10:00:00.400Z","level":"INFO","requestId":"${ID(1)}","message":"sorting part 3 (platform.report follows)"}`,
  `{"time":"2024-05-01T10:00:01.100Z","type":"platform.report","record":{"requestId":"${ID(1)}","metrics":{"durationMs":812.45,"billedDurationMs":813,"memorySizeMB":1024,"maxMemoryUsedMB":211,"initDurationMs":301.02},"status":"success"}}`,
  `{"time":"2024-05-01T10:00:02.000Z","type":"platform.report","record":{"requestId":"${ID(2)}","metrics":{"durationMs":95.1,"billedDurationMs":96,"memorySizeMB":1024,"maxMemoryUsedMB":130},"status":"success"}}`,
  `{"time":"2024-05-01T10:00:05.000Z","type":"platform.report","record":{"requestId":"${ID(3)}","metrics":{"durationMs":3000,"billedDurationMs":3000,"memorySizeMB":1024,"maxMemoryUsedMB":402},"status":"timeout"}}`,
].join("\n");

const SIZES = `request_id,app,function,download_bytes,upload_bytes,fanout
${ID(1)},sort,split,1500000000,1500000000,30
${ID(2)},sort,map,50000000,50000000,1
${ID(3)},sort,map,90000000,90000000,1
`;

describe("platform.report events (Lambda's JSON log format)", () => {
  it("reads duration, memory, cold start and status, and ignores the other events and a message that names platform.report", () => {
    const { reports, issues } = parseLambdaReports(JSON_LOG, "log.json");
    expect(issues).toEqual([]);
    expect(reports.map((r) => [r.requestId, r.durationMs, r.billedDurationMs, r.memorySizeMb, r.maxMemoryUsedMb, r.initDurationMs, r.status, r.line])).toEqual([
      [ID(1), 812.45, 813, 1024, 211, 301.02, "success", 4],
      [ID(2), 95.1, 96, 1024, 130, undefined, "success", 5],
      [ID(3), 3000, 3000, 1024, 402, undefined, "timeout", 6],
    ]);
  });

  it("joins like REPORT lines; a timed-out invocation is counted and skipped even without skip mode", async () => {
    const { records, report } = await joinLambdaTraces(JSON_LOG, SIZES, { reportFile: "log.json", sizesFile: "sizes.csv" });
    expect(records).toEqual([
      { app: "sort", function: "split", inputBytes: 1.5e9, outputBytes: 1.5e9, fanout: 30, runtimeMs: 812.45, memoryMb: 211, memorySettingMb: 1024, cold: true },
      { app: "sort", function: "map", inputBytes: 5e7, outputBytes: 5e7, fanout: 1, runtimeMs: 95.1, memoryMb: 130, memorySettingMb: 1024, cold: false },
    ]);
    expect(report.rowsSkipped).toEqual({ "invocation timeout": 1 });
    expect(report.skipped[0]).toMatchObject({ code: codeOf("traces.failedInvocation"), path: ["sizes.csv", "line 4", "request_id"], actual: '"timeout"' });
    expect(report.skipped[0]!.message).toContain("log.json line 6");
    expect(report.targets.runtimeMs.used).toBe(2);
  });

  it("reads the text format's Status: timeout / error and a SnapStart Restore Duration (a cold start)", async () => {
    const log = [
      `REPORT RequestId: ${ID(1)}\tDuration: 120.00 ms\tBilled Duration: 121 ms\tMemory Size: 512 MB\tMax Memory Used: 90 MB\tRestore Duration: 210.50 ms\tBilled Restore Duration: 80 ms`,
      `REPORT RequestId: ${ID(2)}\tDuration: 900000.00 ms\tBilled Duration: 900000 ms\tMemory Size: 512 MB\tMax Memory Used: 134 MB\tStatus: timeout`,
      `REPORT RequestId: ${ID(3)}\tDuration: 55.00 ms\tBilled Duration: 55 ms\tMemory Size: 512 MB\tMax Memory Used: 512 MB\tStatus: error\tError Type: Runtime.OutOfMemory`,
    ].join("\n");
    const { reports } = parseLambdaReports(log, "l.log");
    expect(reports.map((r) => [r.durationMs, r.restoreDurationMs, r.status])).toEqual([[120, 210.5, "success"], [900000, undefined, "timeout"], [55, undefined, "error"]]);
    const { records, report } = await joinLambdaTraces(log, SIZES, { sizesFile: "sizes.csv" });
    expect(records.map((r) => [r.function, r.runtimeMs, r.cold])).toEqual([["split", 120, true]]);
    expect(report.rowsSkipped).toEqual({ "invocation timeout": 1, "invocation error": 1 });
  });

  it("finds events in a CSV export (timestamp,message with the event quoted) and in a whole filter-log-events document", () => {
    const event = `{"time":"2024-05-01T10:00:02.000Z","type":"platform.report","record":{"requestId":"${ID(2)}","metrics":{"durationMs":95.1,"maxMemoryUsedMB":130,"memorySizeMB":1024},"status":"success"}}`;
    const csv = `timestamp,message\n1714557602000,"${event.replaceAll('"', '""')}"\n`;
    expect(parseLambdaReports(csv, "e.csv").reports.map((r) => [r.requestId, r.durationMs, r.line])).toEqual([[ID(2), 95.1, 2]]);

    const doc = JSON.stringify(
      {
        events: [
          { logStreamName: "2024/05/01/[$LATEST]abc", timestamp: 1714557600000, message: `START RequestId: ${ID(1)} Version: $LATEST\n`, eventId: "1" },
          { logStreamName: "2024/05/01/[$LATEST]abc", timestamp: 1714557601000, message: `REPORT RequestId: ${ID(1)}\tDuration: 812.45 ms\tBilled Duration: 813 ms\tMemory Size: 1024 MB\tMax Memory Used: 211 MB\tInit Duration: 301.02 ms\t\n`, eventId: "2" },
          { logStreamName: "2024/05/01/[$LATEST]abc", timestamp: 1714557602000, message: event, eventId: "3" },
        ],
        searchedLogStreams: [],
      },
      null,
      2,
    );
    const { reports, issues } = parseLambdaReports(doc, "events.json");
    expect(issues).toEqual([]);
    const lines = doc.split("\n");
    expect(reports.map((r) => [r.requestId, r.durationMs, r.initDurationMs])).toEqual([[ID(1), 812.45, 301.02], [ID(2), 95.1, undefined]]);
    // Each report is placed on the line that holds it.
    expect(lines[reports[0]!.line - 1]).toContain("REPORT RequestId");
    expect(lines[reports[1]!.line - 1]).toContain("platform.report");
  });

  it("a platform.report event lacking a metric, or cut off, is SLU5020 naming the line and the field; skip mode counts it", async () => {
    const cut = `{"time":"2024-05-01T10:00:02.000Z","type":"platform.report","record":{"requestId":"${ID(2)}","metrics":{"durationMs":95.1,`;
    const noMemory = `{"time":"2024-05-01T10:00:02.000Z","type":"platform.report","record":{"requestId":"${ID(1)}","metrics":{"durationMs":-4}}}`;
    const { reports, issues } = parseLambdaReports(["x", noMemory, cut].join("\n"), "l.json");
    expect(reports).toEqual([]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      [codeOf("traces.reportLine"), ["l.json", "line 2", "record.metrics.durationMs, record.metrics.maxMemoryUsedMB"]],
      [codeOf("traces.reportLine"), ["l.json", "line 3", "a platform.report event that is JSON"]],
    ]);
    // 400 digits read as Infinity by Number(): not a figure, so the field is missing.
    const huge = parseLambdaReports(`REPORT RequestId: ${ID(1)}\tDuration: ${"9".repeat(400)} ms\tMax Memory Used: 5 MB`, "h.log");
    expect(huge.reports).toEqual([]);
    expect(huge.issues[0]?.path).toEqual(["h.log", "line 1", "Duration"]);
    const err = await joinLambdaTraces(noMemory, SIZES, { reportFile: "l.json" }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const skipped = await joinLambdaTraces([noMemory, JSON_LOG].join("\n"), SIZES, { reportFile: "l.json", onInvalid: "skip" });
    expect(skipped.records).toHaveLength(2);
    expect(skipped.report.rowsSkipped).toEqual({ "bad REPORT line": 1, "invocation timeout": 1 });
  });

  it("takes the sizes from JSON Lines (an app's structured log lines carrying the request id); a line that is not JSON is counted in skip mode", async () => {
    const appLog = [
      `{"level":"INFO","requestId":"${ID(1)}","service":"sort","fn":"split","io":{"readBytes":1500000000,"writtenBytes":1500000000},"parts":30}`,
      `not json`,
      `{"level":"INFO","requestId":"${ID(2)}","service":"sort","fn":"map","io":{"readBytes":50000000,"writtenBytes":50000000},"parts":1}`,
    ].join("\n");
    const columns = { app: "service", function: "fn", inputBytes: "io.readBytes", outputBytes: "io.writtenBytes", fanout: "parts" };
    const err = await joinLambdaTraces(JSON_LOG, appLog, { sizesFile: "app.log", columns }).then(() => undefined, (e: unknown) => e);
    expect((err as InputError).issues[0]).toMatchObject({ code: codeOf("traces.badJsonRecord"), path: ["app.log", "line 2"] });
    const { records, report } = await joinLambdaTraces(JSON_LOG, appLog, { sizesFile: "app.log", columns, onInvalid: "skip" });
    expect(report.idColumn).toBe("requestId");
    expect(records.map((r) => [r.function, r.inputBytes, r.outputBytes, r.fanout, r.runtimeMs, r.cold])).toEqual([["split", 1.5e9, 1.5e9, 30, 812.45, true], ["map", 5e7, 5e7, 1, 95.1, false]]);
    expect(report.rowsRead).toBe(3);
    expect(report.rowsSkipped).toEqual({ "not JSON": 1 });
  });

  it("one JSON-format log serves as both: platform.report events give the reports, the app's own lines the sizes", async () => {
    const app = (k: number, message: unknown) => JSON.stringify({ timestamp: "2024-05-01T10:00:00.500Z", level: "INFO", requestId: ID(k), message });
    const log = [
      JSON_LOG.split("\n")[0]!, // platform.initStart
      JSON_LOG.split("\n")[1]!, // platform.start of request 1
      app(1, "starting"),
      app(1, { event: "sizes", fn: "split", inputBytes: 1500000000, outputBytes: 1500000000, parts: 30 }),
      JSON_LOG.split("\n")[3]!, // its platform.report
      app(2, { event: "sizes", fn: "map", inputBytes: 50000000, outputBytes: 50000000, parts: 1 }),
      JSON_LOG.split("\n")[4]!,
    ].join("\n");
    const columns = { app: { value: "sort" }, function: "message.fn", inputBytes: "message.inputBytes", outputBytes: "message.outputBytes", fanout: "message.parts" };
    const { records, report } = await joinLambdaTraces(log, log, { reportFile: "app.log", sizesFile: "app.log", columns, where: 'message.event == "sizes"' });
    expect(report.idColumn).toBe("requestId");
    expect(records).toEqual([
      { app: "sort", function: "split", inputBytes: 1.5e9, outputBytes: 1.5e9, fanout: 30, runtimeMs: 812.45, memoryMb: 211, memorySettingMb: 1024, cold: true },
      { app: "sort", function: "map", inputBytes: 5e7, outputBytes: 5e7, fanout: 1, runtimeMs: 95.1, memoryMb: 130, memorySettingMb: 1024, cold: false },
    ]);
    // The platform events are passed over, not read as sizes rows; the app's other line is filtered.
    expect(report.rowsRead).toBe(3);
    expect(report.rowsFiltered).toBe(1);
  });

  it("a text REPORT line and the equivalent platform.report event read the same (property)", () => {
    const ms = fc.double({ min: 0, max: 9e5, noNaN: true }).map((v) => Math.round(v * 100) / 100);
    const mb = fc.integer({ min: 1, max: 10240 });
    fc.assert(
      fc.property(ms, fc.integer({ min: 1, max: 9e5 }), mb, mb, fc.option(ms, { nil: undefined }), fc.constantFrom("success", "timeout", "error"), (duration, billed, size, used, init, status) => {
        const text = `REPORT RequestId: ${ID(7)}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${billed} ms\tMemory Size: ${size} MB\tMax Memory Used: ${used} MB\t${init === undefined ? "" : `Init Duration: ${init.toFixed(2)} ms\t`}${status === "success" ? "" : `Status: ${status}`}`;
        const metrics = { durationMs: Number(duration.toFixed(2)), billedDurationMs: billed, memorySizeMB: size, maxMemoryUsedMB: used, ...(init === undefined ? {} : { initDurationMs: Number(init.toFixed(2)) }) };
        const json = JSON.stringify({ time: "2024-05-01T10:00:00.000Z", type: "platform.report", record: { requestId: ID(7), metrics, status } });
        const a = parseLambdaReports(text, "a").reports;
        const b = parseLambdaReports(json, "b").reports;
        expect(a).toHaveLength(1);
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it("never crashes on arbitrary log text or JSON: it reads (every report's figures finite and non-negative) or raises an InputError, and so does the join (property)", async () => {
    const fragments = fc.constantFrom("REPORT RequestId: ", "platform.report", '"type":"platform.report"', '{"record":', "Duration: ", " ms", "Max Memory Used: ", " MB", "Status: ", "\t", "\n", '"', '""', ",", "{", "}", "[", "]", ID(1), "NaN", "-1", "1e309", "logStreamName", "@logStream");
    const text = fc.oneof(
      fc.array(fc.oneof(fragments, fc.string({ maxLength: 8 }), fc.constant("9".repeat(400))), { maxLength: 40 }).map((parts) => parts.join("")),
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
      fc.record({ type: fc.constant("platform.report"), record: fc.jsonValue({ maxDepth: 4 }) }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(text, async (log) => {
        // A CSV export whose header names a log stream but whose quoting is broken is an InputError (SLU5002).
        let parsed: ReturnType<typeof parseLambdaReports>;
        try {
          parsed = parseLambdaReports(log, "f.log");
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          return;
        }
        const { reports, issues } = parsed;
        for (const r of reports) {
          for (const v of [r.durationMs, r.maxMemoryUsedMb, r.billedDurationMs, r.memorySizeMb, r.initDurationMs, r.restoreDurationMs]) if (v !== undefined) expect(Number.isFinite(v) && v >= 0).toBe(true);
          expect(r.requestId).not.toBe("");
        }
        for (const i of issues) expect(i.path[0]).toBe("f.log");
        const joined = await joinLambdaTraces(log, SIZES, { onInvalid: "skip" }).then((j) => j, (e: unknown) => e);
        if (!(joined instanceof InputError)) for (const r of (joined as Awaited<ReturnType<typeof joinLambdaTraces>>).records) expect(Number.isFinite(r.runtimeMs!) && Number.isFinite(r.inputBytes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
