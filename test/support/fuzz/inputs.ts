/**
 * Arbitraries for whole inputs — a DAG, plan options, platform overrides, an input size, a trace
 * CSV or JSON Lines file, a Lambda log with its sizes — drawn valid, then (about a third of the time) corrupted in one place (corrupt.ts). Valid
 * draws still range widely: extreme platform values, huge fanouts, prototype-named ids.
 */
import fc from "fast-check";
import { PATTERNS } from "../../../src/dag/types.js";
import { TRANSFER_MODES } from "../../../src/platform/schema.js";
import { sometimesCorrupt } from "./corrupt.js";
import { csvRecordsToObjects } from "../csv-to-jsonl.js";
import { anyValue, PROTO_NAMES, weirdNumber, weirdString } from "./values.js";

/** Functions the bundled profiles know, so most DAGs get past validation into planning. */
export const KNOWN_FUNCTIONS = ["sort-map", "sort-reduce", "video-split", "video-extract", "video-classify", "wc-map", "wc-reduce", "q-scan", "q-join", "q-aggregate", "fan-source", "fan-worker", "fan-sink", "kmeans-split", "kmeans"] as const;

const ID_POOL = ["a", "b", "c", "d", "e", "f", "g", "h", ...PROTO_NAMES, "a->b", "ünï"];

/** A layered DAG: stage i reads 1–2 earlier stages, so it is acyclic unless corrupted. */
const validDag: fc.Arbitrary<unknown> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.tuple(
    fc.shuffledSubarray(ID_POOL, { minLength: n, maxLength: n }),
    fc.array(
      fc.record({
        function: fc.constantFrom(...KNOWN_FUNCTIONS),
        instances: fc.oneof({ weight: 10, arbitrary: fc.constant(undefined) }, { weight: 10, arbitrary: fc.integer({ min: 1, max: 64 }) }, { weight: 1, arbitrary: fc.constantFrom(100_000, 200_000) }),
        memoryMb: fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(512, 1769, 3008) }),
      }),
      { minLength: n, maxLength: n },
    ),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...PATTERNS)), { maxLength: 2 * n }),
    fc.constantFrom("app", "fuzz"),
  ).map(([ids, stages, links, name]) => {
    const seen = new Set<string>();
    const edges = links.flatMap(([a, b, pattern]) => {
      const to = 1 + (b % Math.max(1, n - 1));
      if (n < 2 || to >= n) return [];
      const from = a % to;
      const key = `${from}:${to}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ from: ids[from]!, to: ids[to]!, pattern }];
    });
    return {
      name,
      stages: stages.map((s, i) => ({ id: ids[i]!, function: s.function, ...(s.instances === undefined ? {} : { instances: s.instances }), ...(s.memoryMb === undefined ? {} : { memoryMb: s.memoryMb }) })),
      edges,
    };
  }),
);

export const dagArb: fc.Arbitrary<unknown> = sometimesCorrupt(validDag, 0.2);

export const sizeArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("15 MB", "200 MB", "1 GiB", "10 GB", 5e6, 3e9, "1 KB", "100 TB") },
  { weight: 1, arbitrary: fc.oneof(weirdNumber, weirdString) },
);

const validPlatform = fc.record(
  {
    vm: fc.record({ cores: fc.integer({ min: 1, max: 64 }), memoryMb: fc.double({ min: 512, max: 1e6, noNaN: true }), nicBytesPerSecond: fc.oneof({ weight: 9, arbitrary: fc.double({ min: 1e6, max: 1e10, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(1e-300, 1, 1e300) }), poolSize: fc.integer({ min: 1, max: 1000 }), networkLatencyMs: fc.double({ min: 0, max: 100, noNaN: true }) }, { requiredKeys: [] }),
    objectStore: fc.record({ getLatencyMs: fc.oneof({ weight: 9, arbitrary: fc.double({ min: 0, max: 200, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(1e300) }), connectionBytesPerSecond: fc.oneof({ weight: 9, arbitrary: fc.double({ min: 1e5, max: 1e9, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(1e-300) }), readsPerSecond: fc.double({ min: 1, max: 1e6, noNaN: true }), aggregateBytesPerSecond: fc.oneof({ weight: 9, arbitrary: fc.double({ min: 1e6, max: 1e11, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(1e-300) }), priceUsdPerGet: fc.double({ min: 0, max: 1e-3, noNaN: true }) }, { requiredKeys: [] }),
    cache: fc.record({ capacityBytes: fc.oneof({ weight: 9, arbitrary: fc.double({ min: 1e6, max: 1e12, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(1) }), aggregateBytesPerSecond: fc.double({ min: 1e6, max: 1e11, noNaN: true }), latencyMs: fc.double({ min: 0, max: 10, noNaN: true }) }, { requiredKeys: [] }),
    billing: fc.record({ priceUsdPerGbSecond: fc.oneof({ weight: 9, arbitrary: fc.double({ min: 0, max: 1e-3, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(1e300) }), minMemoryMb: fc.constantFrom(128, 1024), maxMemoryMb: fc.constantFrom(3008, 10240) }, { requiredKeys: [] }),
    modes: fc.subarray([...TRANSFER_MODES], { minLength: 1 }),
  },
  { requiredKeys: [] },
);

/** `arb` in `percent` of the draws, else undefined (left out). */
const some = <T>(arb: fc.Arbitrary<T>, percent = 30): fc.Arbitrary<T | undefined> => fc.oneof({ weight: 100 - percent, arbitrary: fc.constant(undefined) }, { weight: percent, arbitrary: arb });
const validOptions = fc
  .record({
    objective: some(fc.constantFrom("latency", "cost", "perf-per-dollar")),
    budgetUsd: some(fc.oneof(fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.constantFrom(1e-12, 1e12))),
    deadlineMs: some(fc.double({ min: 1, max: 1e7, noNaN: true })),
    modes: some(fc.subarray([...TRANSFER_MODES], { minLength: 1 })),
    allowSplits: some(fc.boolean()),
    solver: some(fc.constantFrom("auto", "heuristic", "dp", "brute-force", "exact")),
    timeLimitMs: some(fc.constantFrom(1, 50, 500, 2000)),
    quantile: some(fc.oneof(fc.constantFrom(0.5, 0.9, 0.99), fc.record({ memoryMb: fc.constantFrom(0.9, 0.95) }))),
    platform: some(validPlatform),
    limits: some(fc.record({ maxStages: fc.integer({ min: 1, max: 10 }), maxInstances: fc.constantFrom(10, 1000) }, { requiredKeys: [] }), 5),
    coldFraction: some(fc.double({ min: 0, max: 1, noNaN: true })),
  })
  .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));

export const optionsArb: fc.Arbitrary<Record<string, unknown>> = sometimesCorrupt(validOptions, 0.2) as fc.Arbitrary<Record<string, unknown>>;

const HEADER = ["app", "function", "input_bytes", "runtime_ms", "memory_mb", "output_bytes", "fanout"];
const validRow = fc.tuple(fc.constantFrom("app", "other"), fc.constantFrom("f", "g", "__proto__", "constructor"), fc.integer({ min: 1, max: 64 }), fc.double({ min: 0.5, max: 2, noNaN: true })).map(([app, fn, mb, k]) => [app, fn, String(mb * 1e6), String(Math.round((10 + 2 * mb) * k)), String(Math.round((50 + mb) * k)), String(mb * 1e6), "1"]);
const csvCell = fc.oneof(fc.constantFrom("", "1e309", "-5", "NaN", "12abc", "\"quoted,comma\"", "\"unclosed", "__proto__", "0x10", " 7 ", "1e300", "0"), weirdString.map((s) => s.replace(/[\r\n]/g, " ")));

/** A trace CSV: a valid header and rows, then maybe a cell, a column name or a row's length damaged. */
export const csvArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(validRow, { minLength: 0, maxLength: 40 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom("cell", "cell", "header", "ragged", "drop-column"), fc.nat(), fc.nat(), csvCell)
  .map(([rows, percent, how, i, j, cell]) => {
    const header = [...HEADER];
    const body = rows.map((row) => [...row]);
    if (percent < 40) {
      if (how === "cell" && body.length > 0) body[i % body.length]![j % header.length] = cell;
      else if (how === "header") header[j % header.length] = cell;
      else if (how === "ragged" && body.length > 0) body[i % body.length]!.push(cell);
      else if (how === "drop-column") {
        const k = j % header.length;
        header.splice(k, 1);
        for (const row of body) row.splice(k, 1);
      }
    }
    return [header.join(","), ...body.map((row) => row.join(","))].join("\n") + "\n";
  });

/**
 * A JSON Lines trace: the CSV arbitrary's rows as objects (dotted headers nested or not), then
 * maybe one line damaged — not JSON, an array, a scalar, cut short — or a value replaced.
 */
export const jsonlArb: fc.Arbitrary<string> = fc
  .tuple(csvArb, fc.boolean(), fc.integer({ min: 0, max: 99 }), fc.constantFrom("not-json", "array", "scalar", "cut", "value"), fc.nat(), fc.oneof(anyValue, weirdNumber))
  .map(([csv, nest, percent, how, i, value]) => {
    let objects: Record<string, unknown>[];
    try {
      objects = csvRecordsToObjects(csv, { nest });
    } catch {
      objects = [];
    }
    const lines = objects.map((o) => JSON.stringify(o));
    if (percent < 40 && lines.length > 0) {
      const k = i % lines.length;
      if (how === "not-json") lines[k] = "function=f input=12";
      else if (how === "array") lines[k] = "[1,2,3]";
      else if (how === "scalar") lines[k] = "42";
      else if (how === "cut") lines[k] = lines[k]!.slice(0, Math.max(1, lines[k]!.length >> 1));
      else {
        const o = objects[k]!;
        const key = Object.keys(o)[i % Math.max(1, Object.keys(o).length)] ?? "input_bytes";
        lines[k] = JSON.stringify({ ...o, [key]: value }) ?? "{}";
      }
    }
    return lines.join("\n") + "\n";
  });

const LAMBDA_ID = (k: number) => `0a0b0c0d-0000-4000-8000-${String(k).padStart(12, "0")}`;
const invocation = fc.record({ k: fc.integer({ min: 0, max: 40 }), mb: fc.integer({ min: 1, max: 64 }), durationMs: fc.double({ min: 0.1, max: 9e5, noNaN: true }), memoryMb: fc.integer({ min: 1, max: 10240 }), cold: fc.boolean(), status: fc.constantFrom("success", "success", "success", "timeout", "error"), stream: fc.constantFrom("s1", "s2") });
const lambdaValue = fc.oneof(fc.constantFrom("NaN", "-1", "1e999", "", "9".repeat(400), "abc", "null"), weirdNumber.map(String));

/**
 * A Lambda log and its sizes CSV: invocations written as text REPORT lines, as JSON-format events
 * (one a line) or as one filter-log-events document, then maybe one figure replaced by junk, a line
 * cut short or a field dropped; the sizes name most of the same request ids.
 */
export const lambdaArb: fc.Arbitrary<[string, string]> = fc
  .tuple(fc.array(invocation, { maxLength: 30 }), fc.constantFrom("text", "events", "document"), fc.integer({ min: 0, max: 99 }), fc.constantFrom("value", "cut", "drop"), fc.nat(), lambdaValue, fc.integer({ min: 0, max: 9 }))
  .map(([invs, format, percent, how, i, junk, missingEvery]) => {
    const text = (v: (typeof invs)[number]) => `REPORT RequestId: ${LAMBDA_ID(v.k)}\tDuration: ${v.durationMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(v.durationMs)} ms\tMemory Size: 1024 MB\tMax Memory Used: ${v.memoryMb} MB\t${v.cold ? "Init Duration: 120.00 ms\t" : ""}${v.status === "success" ? "" : `Status: ${v.status}`}`;
    const event = (v: (typeof invs)[number]) => ({ time: "2024-05-01T10:00:00.000Z", type: "platform.report", record: { requestId: LAMBDA_ID(v.k), metrics: { durationMs: v.durationMs, billedDurationMs: Math.ceil(v.durationMs), memorySizeMB: 1024, maxMemoryUsedMB: v.memoryMb, ...(v.cold ? { initDurationMs: 120 } : {}) }, status: v.status } });
    let lines = format === "text" ? invs.map(text) : invs.map((v) => JSON.stringify(event(v)));
    if (percent < 50 && lines.length > 0) {
      const k = i % lines.length;
      if (how === "cut") lines[k] = lines[k]!.slice(0, Math.max(1, lines[k]!.length >> 1));
      else if (how === "drop") lines[k] = lines[k]!.replace(/Max Memory Used: \d+ MB|"maxMemoryUsedMB":\d+,?/, "");
      else lines[k] = lines[k]!.replace(/(Duration: |"durationMs":)[0-9.e+]+/, `$1${junk}`);
    }
    const log = format === "document" ? JSON.stringify({ events: lines.map((message, n) => ({ logStreamName: invs[n]!.stream, timestamp: n, message })) }, null, 2) : lines.join("\n");
    const sizes = ["request_id,app,function,input_bytes", ...invs.filter((_, n) => missingEvery === 0 || n % missingEvery !== 0).map((v) => `${LAMBDA_ID(v.k)},app,f,${v.mb * 1e6}`)].join("\n") + "\n";
    return [log, sizes];
  });
