import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskedByRunningMax, type EnvironmentReport } from "./environment-memory.js";
import { joinLambdaTraces } from "./join-lambda-traces.js";
import { parseLambdaReports } from "./parse-lambda-report.js";

const report = (requestId: string, environment: string | undefined, line: number, maxMemoryUsedMb: number): EnvironmentReport => ({ requestId, line, maxMemoryUsedMb, ...(environment === undefined ? {} : { environment }) });

describe("maskedByRunningMax", () => {
  it("masks a report that only repeats the maximum a larger input set in its environment", () => {
    const inputs: Record<string, number> = { a: 10, b: 5, c: 20, d: 20, e: 8, f: 1, g: 3 };
    const reports = [
      report("a", "env-1", 1, 100), // sets the maximum
      report("b", "env-1", 2, 100), // smaller input, same figure: the running maximum
      report("c", "env-1", 3, 150), // raises it: its own peak
      report("d", "env-1", 4, 150), // as large an input: kept
      report("e", "env-1", 5, 150), // smaller input: masked
      report("f", "env-2", 6, 40), // another environment
      report("g", undefined, 7, 150), // no environment named: never masked
    ];
    const masked = maskedByRunningMax(reports, (id) => ({ function: "f", inputBytes: inputs[id]! }));
    expect([...masked].sort()).toEqual(["b", "e"]);
  });

  it("keeps a report below the running maximum (it cannot be a carried maximum) and orders by line, not by list", () => {
    const inputs: Record<string, number> = { a: 10, b: 50, c: 5 };
    const masked = maskedByRunningMax([report("c", "e", 3, 90), report("a", "e", 1, 90), report("b", "e", 2, 80)], (id) => ({ function: "f", inputBytes: inputs[id]! }));
    expect([...masked]).toEqual(["c"]);
  });

  it("with a peak that grows with input, every kept report is the invocation's own peak, and every report that raised the maximum is kept (property)", () => {
    const invocation = fc.record({ environment: fc.integer({ min: 0, max: 3 }), inputBytes: fc.integer({ min: 1, max: 50 }) });
    fc.assert(
      fc.property(fc.array(invocation, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (invocations, slope) => {
        const own = (x: number) => 30 + slope * Math.floor(x / 4); // monotone, with ties, whole MB
        const running = new Map<number, number>();
        const reports = invocations.map((inv, k) => {
          const before = running.get(inv.environment) ?? -Infinity;
          const reported = Math.max(before, own(inv.inputBytes));
          running.set(inv.environment, reported);
          return { ...report(`r${k}`, `env-${inv.environment}`, k + 1, reported), raised: reported > before };
        });
        const masked = maskedByRunningMax(reports, (id) => ({ function: "f", inputBytes: invocations[Number(id.slice(1))]!.inputBytes }));
        reports.forEach((r, k) => {
          if (!masked.has(r.requestId)) expect(r.maxMemoryUsedMb).toBe(own(invocations[k]!.inputBytes));
          if (r.raised) expect(masked.has(r.requestId)).toBe(false);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("the join withholds memory that is an environment's running maximum", () => {
  const ID = (k: number) => `9e8d7c6b-0000-4000-8000-00000000000${k}`;
  const line = (k: number, ms: number, mb: number) => `REPORT RequestId: ${ID(k)}\tDuration: ${ms} ms\tBilled Duration: ${Math.ceil(ms)} ms\tMemory Size: 1024 MB\tMax Memory Used: ${mb} MB\t`;
  const SIZES = `request_id,app,function,input_bytes\n${ID(1)},a,f,8000000\n${ID(2)},a,f,1000000\n${ID(3)},a,f,2000000\n${ID(4)},a,f,1000000\n`;

  it("from an aws logs filter-log-events document (logStreamName per event)", async () => {
    const doc = JSON.stringify({
      events: [
        { logStreamName: "2024/05/01/[$LATEST]aaa", timestamp: 1, message: line(1, 80, 300) },
        { logStreamName: "2024/05/01/[$LATEST]aaa", timestamp: 2, message: line(2, 10, 300) }, // the 8 MB input's peak, carried
        { logStreamName: "2024/05/01/[$LATEST]bbb", timestamp: 3, message: line(3, 20, 120) },
        { logStreamName: "2024/05/01/[$LATEST]bbb", timestamp: 4, message: line(4, 10, 120) }, // carried from the 2 MB input
      ],
    });
    expect(parseLambdaReports(doc, "e.json").reports.map((r) => r.environment)).toEqual(["2024/05/01/[$LATEST]aaa", "2024/05/01/[$LATEST]aaa", "2024/05/01/[$LATEST]bbb", "2024/05/01/[$LATEST]bbb"]);
    const { records, report: summary } = await joinLambdaTraces(doc, SIZES, { reportFile: "e.json" });
    expect(records.map((r) => [r.inputBytes, r.runtimeMs, r.memoryMb])).toEqual([[8e6, 80, 300], [1e6, 10, undefined], [2e6, 20, 120], [1e6, 10, undefined]]);
    expect(summary.targets.runtimeMs.used).toBe(4);
    expect(summary.targets.memoryMb).toMatchObject({ used: 2, skipped: { "environment's running max": 2 } });
  });

  it("from a CSV export with a @logStream column; without environments nothing is withheld", async () => {
    const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const csv = ["@timestamp,@logStream,@message", `2024-05-01 10:00:00.000,s1,${q(line(1, 80, 300))}`, `2024-05-01 10:00:01.000,s1,${q(line(2, 10, 300))}`].join("\n");
    const reports = parseLambdaReports(csv, "e.csv").reports;
    expect(reports.map((r) => [r.environment, r.line, r.maxMemoryUsedMb])).toEqual([["s1", 2, 300], ["s1", 3, 300]]);
    const sizes = SIZES.split("\n").slice(0, 3).join("\n") + "\n";
    const masked = await joinLambdaTraces(csv, sizes);
    expect(masked.records.map((r) => r.memoryMb)).toEqual([300, undefined]);
    const plain = await joinLambdaTraces([line(1, 80, 300), line(2, 10, 300)].join("\n"), sizes);
    expect(plain.records.map((r) => r.memoryMb)).toEqual([300, 300]);
  });
});
