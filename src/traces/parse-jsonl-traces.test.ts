import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { csvToJsonl } from "../../test/support/csv-to-jsonl.js";
import { rejectedInputError } from "../../test/support/input-error.js";
import { workflowTraceCsv } from "../../test/support/workflow-traces.js";
import { parseCsvTraces } from "./parse-csv-traces.js";
import { parseJsonlTraces } from "./parse-jsonl-traces.js";
import type { TraceMapping } from "./mapping/mapping-schema.js";

// As a structured logger writes them: nested objects, numbers, booleans.
const POWERTOOLS = [
  { function: "map", request_id: "r1", blob: { download: 1000, upload: 500 }, duration_ms: 12.5, is_cold: true, service: { memory_mb: 128 } },
  { function: "map", request_id: "r2", blob: { download: 2000, upload: 1000 }, duration_ms: 22.5, is_cold: false, service: { memory_mb: 140 } },
].map((o) => JSON.stringify(o)).join("\n");

describe("parseJsonlTraces: keys are headers, nested ones dotted", () => {
  it("recognises dotted keys like CSV headers (blob.download, service.memory_mb) and reads booleans as the cold flag", async () => {
    const { records, report } = await parseJsonlTraces(POWERTOOLS, { file: "lambda.jsonl" });
    expect(report.columns).toBe("function←function, inputBytes←blob.download (B assumed: no unit in the name), runtimeMs←duration_ms, memoryMb←service.memory_mb, outputBytes←blob.upload (B assumed: no unit in the name), cold←is_cold");
    expect(records).toEqual([
      { app: "lambda", function: "map", inputBytes: 1000, runtimeMs: 12.5, memoryMb: 128, outputBytes: 500, cold: true },
      { app: "lambda", function: "map", inputBytes: 2000, runtimeMs: 22.5, memoryMb: 140, outputBytes: 1000, cold: false },
    ]);
  });

  it("maps dotted keys with columns (units too), derive expressions and where", async () => {
    const mapping: TraceMapping = {
      columns: { memoryMb: "service.memory_mb", inputBytes: { column: "blob.download", unit: "KB" }, runtimeMs: { expr: "duration_ms * 2" } },
      where: "not is_cold",
    };
    const { records, report } = await parseJsonlTraces(POWERTOOLS, { file: "lambda.jsonl", ...mapping });
    // the warm record only: 2000 KB = 2e6 B, 22.5 ms · 2 = 45 ms
    expect(records).toEqual([{ app: "lambda", function: "map", inputBytes: 2e6, runtimeMs: 45, memoryMb: 140, outputBytes: 1000, cold: false }]);
    expect(report.rowsFiltered).toBe(1);
  });

  it("reads one top-level array of objects like JSON Lines", async () => {
    const array = `[\n${POWERTOOLS.split("\n").join(",\n")}\n]`;
    expect(await parseJsonlTraces(array, { file: "lambda.json" })).toEqual(await parseJsonlTraces(POWERTOOLS, { file: "lambda.json" }));
  });

  it("takes a key first seen on a later line as a column for every line", async () => {
    // memory_mb only from line 3 on: lines 1–2 lack it (counted as empty cells), line 3 trains it
    const text = ['{"function":"f","input_bytes":1,"runtime_ms":10}', '{"function":"f","input_bytes":2,"runtime_ms":20}', '{"function":"f","input_bytes":3,"runtime_ms":30,"memory_mb":64}'].join("\n");
    const { records, report } = await parseJsonlTraces(text, { file: "p.jsonl" });
    expect(records.map((r) => r.memoryMb)).toEqual([undefined, undefined, 64]);
    expect(report.targets.memoryMb).toMatchObject({ used: 1, skipped: { "empty cell": 2 } });
    expect(report.columns).toContain("memoryMb←memory_mb");
  });
});

describe("parseJsonlTraces: partial records train the targets they have", () => {
  it("counts a missing key or null per target, like an empty CSV cell", async () => {
    const text = ['{"function":"f","input_bytes":1,"runtime_ms":10,"output_bytes":5}', '{"function":"f","input_bytes":2,"runtime_ms":20,"memory_mb":30,"output_bytes":null}', '{"function":"f","input_bytes":3,"memory_mb":40,"output_bytes":7}'].join("\n");
    const { records, report } = await parseJsonlTraces(text, { file: "p.jsonl" });
    expect(records[0]).toEqual({ app: "p", function: "f", inputBytes: 1, runtimeMs: 10, outputBytes: 5 });
    // the same counts parse-csv-traces.test.ts gives the same rows as a CSV
    expect(report.targets.runtimeMs).toMatchObject({ used: 2, skipped: { "empty cell": 1 } });
    expect(report.targets.memoryMb).toMatchObject({ used: 2, skipped: { "empty cell": 1 } });
    expect(report.targets.outputBytes).toMatchObject({ used: 2, skipped: { "empty cell": 1 } });
    expect(report.targets.fanout).toMatchObject({ used: 0, skipped: { "no column": 3 } });
  });
});

describe("parseJsonlTraces: bad records and values", () => {
  const text = ['{"function":"f","input_bytes":1,"runtime_ms":10}', '"just text"', '{"function":"f","input_bytes":2,"runtime_ms":20}', "{truncated"].join("\n");

  it("refuses a line that is not a JSON object with a typed error naming file and line (SLU5030)", async () => {
    const err = await rejectedInputError(() => parseJsonlTraces(text, { file: "b.jsonl" }));
    expect(err.code).toBe(codeOf("traces.badJsonRecord"));
    expect(err.issues[0]).toMatchObject({ path: ["b.jsonl", "line 2"], message: "a string, not a JSON object", expected: "a JSON object" });
    expect(err.message).toContain("b.jsonl.line 2");
  });

  it("counts such lines as skipped rows with onInvalid skip", async () => {
    const { records, report } = await parseJsonlTraces(text, { file: "b.jsonl", onInvalid: "skip" });
    expect(records.map((r) => r.inputBytes)).toEqual([1, 2]);
    expect([report.rowsRead, report.rowsKept]).toEqual([4, 2]);
    expect(report.rowsSkipped).toEqual({ "not a JSON object": 1, "not JSON": 1 });
    expect(report.skipped.map((i) => i.path)).toEqual([["b.jsonl", "line 2"], ["b.jsonl", "line 4"]]);
  });

  it("treats an array where a number belongs as a bad cell naming file, line and key, like a CSV cell", async () => {
    const bad = ['{"function":"f","input_bytes":1,"runtime_ms":10,"tags":["a","b"]}', '{"function":"f","input_bytes":2,"runtime_ms":[20,21]}'].join("\n");
    const err = await rejectedInputError(() => parseJsonlTraces(bad, { file: "a.jsonl" }));
    // tags feeds no field: no error for it
    expect(err.issues[0]).toMatchObject({ code: codeOf("traces.badCell"), path: ["a.jsonl", "line 2", "runtime_ms"], expected: "a number", actual: '"[20,21]"' });
    const skipped = await parseJsonlTraces(bad, { file: "a.jsonl", onInvalid: "skip" });
    expect(skipped.report.targets.runtimeMs).toMatchObject({ used: 1, skipped: { "not a number": 1 } });
    expect(skipped.records).toHaveLength(2);
  });

  it.each([
    ["", "an empty text"],
    ["\n  \n", "blank lines"],
  ])("refuses %j (%s) as an empty file (SLU5001)", async (empty) => {
    expect((await rejectedInputError(() => parseJsonlTraces(empty))).code).toBe(codeOf("traces.emptyFile"));
  });
});

describe("parseJsonlTraces reads what parseCsvTraces reads from the same records", () => {
  // Published-shape workflow traces, and the same records as nested JSON (blob: {download, upload}, …).
  const csv = workflowTraceCsv({ runs: 6, sizesMb: [4, 16, 32], coldEvery: 3 });
  const jsonl = csvToJsonl(csv, { nest: true });

  it.each<[string, TraceMapping]>([
    ["recognised headers", {}],
    ["a derived runtime", { columns: { runtimeMs: { expr: "(end - start) * 1000" } } }],
    ["a unit on a dotted column", { columns: { runtimeMs: { column: "provider.execution_duration", unit: "us" } } }],
    ["a row filter", { where: 'func != "reduce" and blob.download > 10e6' }],
    ["fanout counted per run", { fanoutFromRuns: { runColumn: "request_id", next: { split: "map", map: "reduce" } } }],
  ])("with %s: the same records and report", async (_label, mapping) => {
    const fromCsv = await parseCsvTraces(csv, { file: "wf", ...mapping });
    const fromJson = await parseJsonlTraces(jsonl, { file: "wf", ...mapping });
    expect(fromJson.records.length).toBeGreaterThan(0);
    expect(fromJson.records).toEqual(fromCsv.records);
    expect(fromJson.report).toEqual(fromCsv.report);
  });

  it("random flat records: JSON Lines and their CSV encoding give the same records and report", async () => {
    // Missing keys, nulls, text where numbers belong, negatives, flag words: with seed 5030 about half
    // the cases keep rows, most others skip every row by the same reasons, a few fail the mapping alike.
    const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
    const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -5, max: 1e9 }));
    const record = fc.record(
      {
        function: fc.oneof(word, fc.constant(null)),
        input_bytes: fc.oneof(number, fc.constant(null)),
        runtime_ms: fc.oneof(number, word),
        memory_mb: number,
        is_cold: fc.oneof(fc.boolean(), fc.constantFrom("yes", "warm", "maybe")),
        note: word,
      },
      { requiredKeys: ["runtime_ms"] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 12 }), async (objects) => {
        const header = [...new Set(objects.flatMap((o) => Object.keys(o)))];
        const cell = (v: unknown) => (v === null || v === undefined ? "" : String(v));
        const csvText = [header.join(","), ...objects.map((o) => header.map((h) => cell((o as Record<string, unknown>)[h])).join(","))].join("\n");
        const jsonText = objects.map((o) => JSON.stringify(o)).join("\n");
        const options = { file: "r", onInvalid: "skip" as const, columns: { function: "function", inputBytes: "input_bytes" } };
        // a CSV's line N + 1 (after its header) is the JSON line N
        const fromCsv = await parseCsvTraces(csvText, options).then((r) => JSON.parse(JSON.stringify(r).replace(/"line (\d+)"/g, (_, n: string) => `"line ${Number(n) - 1}"`)) as unknown, (e: unknown) => ({ error: (e as { code?: string }).code }));
        const fromJson = await parseJsonlTraces(jsonText, options).then((r) => r, (e: unknown) => ({ error: (e as { code?: string }).code }));
        expect(fromJson).toEqual(fromCsv);
      }),
      { numRuns: 200, seed: 5030 },
    );
  });
});

describe("parseJsonlTraces: OpenWhisk activation records", () => {
  // As `wsk activation get` prints them: annotations are key/value pairs; a cold start has initTime.
  const activation = (k: number) => ({
    activationId: `a${k}`,
    name: "resize",
    start: 1_700_000_000_000 + 1000 * k,
    end: 1_700_000_000_000 + 1000 * k + 20 + k,
    duration: 20 + k,
    annotations: [{ key: "waitTime", value: 3 }, ...(k % 4 === 0 ? [{ key: "initTime", value: 250 }] : []), { key: "limits", value: { concurrency: 1, memory: k % 2 === 0 ? 256 : 512, timeout: 60000 } }],
    response: { status: "success", success: true, result: { input_bytes: 1000 * (k + 1) } },
  });

  it("train from a JSON array of activations: annotations by key, cold starts from initTime, the memory setting from limits", async () => {
    const text = JSON.stringify(Array.from({ length: 8 }, (_, k) => activation(k)));
    const { records } = await parseJsonlTraces(text, {
      file: "activations.json",
      columns: { function: "name", runtimeMs: "duration", inputBytes: "response.result.input_bytes", memorySettingMb: "annotations.limits.memory", cold: { expr: "annotations.initTime > 0" } },
    });
    expect(records).toHaveLength(8);
    expect(records.map((r) => r.cold === true)).toEqual([true, false, false, false, true, false, false, false]);
    expect(records.map((r) => r.memorySettingMb)).toEqual([256, 512, 256, 512, 256, 512, 256, 512]);
    expect(records.map((r) => r.runtimeMs)).toEqual([20, 21, 22, 23, 24, 25, 26, 27]);
  });

  it("unmapped, limits.memory is recognised as the memory setting (never as a peak) and initTime as the cold flag", async () => {
    const text = JSON.stringify(Array.from({ length: 8 }, (_, k) => activation(k)));
    const { records, report } = await parseJsonlTraces(text, { file: "activations.json", columns: { function: "name", inputBytes: "response.result.input_bytes" } });
    // duration is ms as start and end (epoch ms) show: settled, not assumed
    expect(report.columns).toBe("function←name, inputBytes←response.result.input_bytes, runtimeMs←duration, memorySettingMb←annotations.limits.memory (MB assumed: no unit in the name), cold←annotations.initTime");
    expect(report.targets.memoryMb).toMatchObject({ used: 0 }); // a limit is no measured peak
    // a memory setting's MB is said in the columns line only (MB on every platform); response.success could filter failures
    expect(report.hints).toEqual(['rows: failed invocations train as any other; if response.success says whether one succeeded, keep those that did: where: "response.success"']);
    expect(records.map((r) => r.memorySettingMb)).toEqual([256, 512, 256, 512, 256, 512, 256, 512]);
    expect(records.map((r) => r.cold === true)).toEqual([true, false, false, false, true, false, false, false]);
  });
});

describe("parseJsonlTraces: Google Cloud Run request logs", () => {
  // As `gcloud logging read --format=json` prints them: a JSON array of LogEntry objects whose
  // httpRequest holds the latency as a duration string ("0.012345s") and the sizes as strings.
  const entry = (k: number) => ({
    httpRequest: { requestMethod: "POST", requestSize: String(1000 * (k + 1)), responseSize: String(100 * (k + 1)), latency: `${(0.01 + 0.002 * k).toFixed(6)}s`, status: 200 },
    resource: { type: "cloud_run_revision", labels: { service_name: "thumbnail", revision_name: "thumbnail-00003-abc" } },
    timestamp: new Date(Date.UTC(2024, 4, 1, 12, 0, k)).toISOString(),
  });

  it("train with the latency read as seconds from its own unit, and the sizes from their strings", async () => {
    const text = JSON.stringify(Array.from({ length: 6 }, (_, k) => entry(k)), null, 2);
    const { records } = await parseJsonlTraces(text, {
      file: "cloud-run.json",
      columns: { function: "resource.labels.service_name", runtimeMs: "httpRequest.latency", inputBytes: "httpRequest.requestSize", outputBytes: "httpRequest.responseSize" },
      where: "httpRequest.status == 200",
    });
    expect(records.map((r) => r.function)).toEqual(Array(6).fill("thumbnail"));
    records.forEach((r, k) => {
      expect(r.runtimeMs).toBeCloseTo(10 + 2 * k, 9);
      expect([r.inputBytes, r.outputBytes]).toEqual([1000 * (k + 1), 100 * (k + 1)]);
    });
  });
});
