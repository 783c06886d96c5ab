/**
 * What fuzzing runs: each target pairs an arbitrary with the API calls a case makes.
 * - plan: plan(dag, size, options) with DAGs, sizes, options and platforms good and bad;
 * - simulate: the same, then simulate() the plan with a fuzzed seed and noise, under limits of
 *   SIM_LIMITS (a valid 100,000-instance run takes tens of seconds by design; the fuzz checks
 *   that it is refused with its named error, not how fast a huge run goes);
 * - csv: parseCsvTraces on a fuzzed CSV, then trainProfiles on what it kept;
 * - jsonl: the same through parseJsonlTraces on a fuzzed JSON Lines trace;
 * - lambda: joinLambdaTraces on a fuzzed Lambda log and its sizes, then trainProfiles;
 * - model: loadProfiles on a damaged model folder, then plan with what loaded;
 * - files: readTraceTable (or readLambdaReports) on a damaged Parquet or gzip-compressed trace file,
 *   then trainProfiles on what it read.
 */
import fc from "fast-check";
import path from "node:path";
import type { PlanOptions } from "../../../src/plan/options.js";
import { plan } from "../../../src/plan/plan.js";
import { loadProfiles } from "../../../src/profiles/store/load-profiles.js";
import type { TrainOptions } from "../../../src/profiles/index.js";
import { trainProfiles } from "../../../src/profiles/train/train-profiles.js";
import { simulate } from "../../../src/simulate/simulate.js";
import { parseCsvTraces } from "../../../src/traces/parse-csv-traces.js";
import { joinLambdaTraces } from "../../../src/traces/lambda/join-lambda-traces.js";
import { parseJsonlTraces } from "../../../src/traces/parse-jsonl-traces.js";
import { readLambdaReports } from "../../../src/traces/lambda/read-lambda-traces.js";
import { readTraceTable } from "../../../src/traces/read-trace-table.js";
import { csvArb, dagArb, jsonlArb, lambdaArb, optionsArb, sizeArb } from "./inputs.js";
import { modelMutationArb, writeMutatedModel } from "./model-files.js";
import { TRACE_FILE_KINDS, traceFileDamageArb, writeBaseTraceFiles, writeDamagedTraceFile, type TraceFileDamage, type TraceFileKind } from "./trace-files.js";
import { mostly } from "./values.js";

export type FuzzTargetName = "plan" | "simulate" | "csv" | "jsonl" | "lambda" | "model" | "files";

export interface FuzzTarget<T> {
  readonly name: FuzzTargetName;
  readonly arb: fc.Arbitrary<T>;
  readonly run: (input: T) => Promise<unknown>;
}

export const planTarget: FuzzTarget<[unknown, unknown, Record<string, unknown>]> = {
  name: "plan",
  arb: fc.tuple(dagArb, sizeArb, optionsArb),
  run: ([dag, size, options]) => plan(dag, size as string, options as PlanOptions),
};

/** Simulations the fuzz lets run: at most 2,000 instances and 200,000 transfers (≈ 1 s at the measured 0.2–2.5 ms per instance). */
export const SIM_LIMITS = { maxInstances: 2000, maxTransfers: 200_000, maxEvents: 2_000_000 } as const;

export const simulateTarget: FuzzTarget<[unknown, unknown, Record<string, unknown>, unknown, unknown]> = {
  name: "simulate",
  arb: fc.tuple(dagArb, sizeArb, optionsArb, mostly(fc.integer({ min: 0, max: 1000 })), mostly(fc.constantFrom(0, 0.1, 0.5, 2))),
  run: async ([dag, size, options, seed, noiseCv]) => {
    const { platform } = options as PlanOptions;
    const p = await plan(dag, size as string, options as PlanOptions);
    return simulate(dag, p, { seed: seed as number, noiseCv: noiseCv as number, limits: SIM_LIMITS, ...(platform === undefined ? {} : { platform }) });
  },
};

/** A trace file target: parse the fuzzed text, then train on what it kept. */
function traceTarget(name: "csv" | "jsonl", text: fc.Arbitrary<string>, parse: typeof parseCsvTraces, file: string): FuzzTarget<[string, unknown, unknown]> {
  return {
    name,
    arb: fc.tuple(text, fc.constantFrom("throw", "skip"), mostly(fc.constantFrom("linear", "power", "poly", "constant", "ceil-power"))),
    run: async ([t, onInvalid, model]) => {
      const read = await parse(t, { file, onInvalid: onInvalid as "throw" | "skip" });
      return { report: read.report, set: (await trainProfiles(read.records, { model: model as TrainOptions["model"] })).data };
    },
  };
}

export const csvTarget = traceTarget("csv", csvArb, parseCsvTraces, "fuzz.csv");
export const jsonlTarget = traceTarget("jsonl", jsonlArb, parseJsonlTraces, "fuzz.jsonl");

export const lambdaTarget: FuzzTarget<[[string, string], unknown]> = {
  name: "lambda",
  arb: fc.tuple(lambdaArb, fc.constantFrom("throw", "skip")),
  run: async ([[log, sizes], onInvalid]) => {
    const joined = await joinLambdaTraces(log, sizes, { reportFile: "fuzz.log", sizesFile: "sizes.csv", onInvalid: onInvalid as "throw" | "skip" });
    return { report: joined.report, set: (await trainProfiles(joined.records)).data };
  },
};

const TINY_DAG = { name: "t", stages: [{ id: "a", function: "sort" }, { id: "b", function: "merge", instances: 1 }], edges: [{ from: "a", to: "b", pattern: "gather" }] };

/** Needs a valid model folder at `source` (trained by the caller) and a scratch folder. */
export function modelTarget(source: string, scratch: string): FuzzTarget<Parameters<typeof writeMutatedModel>[2]> {
  let n = 0;
  return {
    name: "model",
    arb: modelMutationArb,
    run: async (m) => {
      const dir = path.join(scratch, `m${n++ % 4}`);
      await writeMutatedModel(source, dir, m);
      const set = await loadProfiles(dir);
      return plan(TINY_DAG, "20 MB", { profiles: set });
    },
  };
}

/** Damaged trace files (trace-files.ts), written under `scratch` (the undamaged ones first, once). */
export function traceFilesTarget(scratch: string): FuzzTarget<[TraceFileKind, TraceFileDamage]> {
  let n = 0;
  let base: Promise<void> | undefined;
  const baseDir = path.join(scratch, "base");
  return {
    name: "files",
    arb: fc.tuple(fc.constantFrom(...TRACE_FILE_KINDS), traceFileDamageArb),
    run: async ([kind, damage]) => {
      await (base ??= writeBaseTraceFiles(baseDir));
      const file = path.join(scratch, `f${n++ % 4}.${kind}`);
      await writeDamagedTraceFile(baseDir, kind, file, damage);
      if (kind === "log.gz") return { reports: (await readLambdaReports(file)).reports.length };
      const read = await readTraceTable([file], { mapping: { columns: { runtimeMs: { expr: "(end - start) * 1000" } }, onInvalid: "skip" } });
      const records = read.table.toRecords();
      return { reports: read.reports, set: records.length === 0 ? undefined : (await trainProfiles(records)).data };
    },
  };
}
