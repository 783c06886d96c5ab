/**
 * `sluice train`: reads traces (CSV files, or a Lambda REPORT log joined with a sizes CSV), trains
 * a profile set with a progress bar, saves it, prints the metrics table and optionally plots the fit.
 * Returns the exit code: 0 done, else the error's sysexits code (64 bad flags, 65 bad rows, 66 unreadable
 * input, 74 an output that cannot be written).
 */
import { SingleBar } from "cli-progress";
import { show, sluiceError } from "../errors.js";
import { formatMetricsTable } from "../profiles/format-metrics.js";
import { plotFit } from "../profiles/plot-fit.js";
import { MODEL_CHOICES, type ModelChoice } from "../profiles/regressors/types.js";
import { saveProfiles } from "../profiles/save-profiles.js";
import type { TfBackendPreference } from "../profiles/tf-backend.js";
import { trainProfiles } from "../profiles/train-profiles.js";
import { TRACE_FIELDS, type TraceField, type TraceRecord } from "../traces/trace-record.js";
import type { ColumnMap, ValueUnit } from "../traces/column-map.js";
import { readCsvTraces } from "../traces/read-csv-traces.js";
import { readLambdaTraces } from "../traces/read-lambda-traces.js";
import type { ReadReport } from "../traces/read-report.js";
import { checkChoice, missingFlag } from "./cli-error.js";
import { reportError } from "./exit-code.js";
import { checkOutputTarget } from "./output-target.js";
import { parseCliArgs } from "./parse-cli-args.js";

export const TRAIN_HELP = `Usage: sluice train --traces FILE.csv [--traces …] --out DIR [options]
       sluice train --report-log LOG --sizes SIZES.csv --out DIR [options]

Trains per-function profiles (runtime, peak memory, output size, fanout as functions of input
bytes) from traces, and saves them to DIR (profiles.json + weights.bin).

Input:
  --traces FILE        trace CSV, one invocation a row (repeatable). Header names such as
                       input_bytes, duration_ms, download_bytes, upload_kib, max_mem_used_mb are
                       recognised with their units
  --report-log FILE    AWS Lambda log export with REPORT lines (needs --sizes)
  --sizes FILE         CSV of request_id, app, function, input/output bytes, fanout
  --column F=COL[:U]   read field F from column COL in unit U (B KB KiB MB MiB GB GiB us ms s),
                       e.g. --column runtimeMs=took:s (repeatable)
  --constant F=VALUE   a fixed value for a field missing from the file, e.g. --constant app=video
  --skip-invalid       skip malformed rows and report them instead of stopping

Training:
  --model M            auto (cross-validated, default) | constant | linear | poly | power | mlp | ceil-power (counts)
  --folds N            cross-validation folds (default 5)
  --seed N             MLP seed (default 7)
  --backend B          auto | tensorflow | wasm | cpu (MLP only; default auto)

Output:
  --out DIR            folder for the profile set (required), e.g. models/mapreduce-sort
  --plot FILE          predicted vs measured per function and target (.svg or .png)
  --quiet              no progress bar
  -h, --help           this help

Fields: ${TRACE_FIELDS.join(", ")}
`;

const UNITS: readonly ValueUnit[] = ["B", "KB", "KiB", "MB", "MiB", "GB", "GiB", "us", "ms", "s"];

function parseField(flag: string, raw: string): [TraceField, string] {
  const at = raw.indexOf("=");
  const field = raw.slice(0, at) as TraceField;
  if (at <= 0 || !TRACE_FIELDS.includes(field)) throw sluiceError("cli.badFlagValue", { path: [flag], expected: `FIELD=…, with FIELD one of ${TRACE_FIELDS.join(", ")}`, actual: show(raw) });
  return [field, raw.slice(at + 1)];
}

export function parseColumnFlags(columns: readonly string[], constants: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  for (const raw of columns) {
    const [field, rest] = parseField("--column", raw);
    const colon = rest.lastIndexOf(":");
    const unit = colon > 0 ? rest.slice(colon + 1) : undefined;
    if (unit !== undefined) checkChoice("--column", unit, UNITS);
    map[field] = unit === undefined ? { column: rest } : { column: rest.slice(0, colon), unit: unit as ValueUnit };
  }
  for (const raw of constants) {
    const [field, value] = parseField("--constant", raw);
    map[field] = { value };
  }
  return map;
}

function positiveInt(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n) || n < 0) throw sluiceError("cli.badFlagValue", { path: [flag], expected: "a whole number", actual: show(raw) });
  return n;
}

function describeReport(r: ReadReport): string {
  const skipped = r.skipped.length === 0 ? "" : `, skipped ${r.skipped.length}: ${r.skipped.slice(0, 3).map((i) => i.path.join(" ") + " " + i.message).join("; ")}${r.skipped.length > 3 ? "; …" : ""}`;
  return `${r.file}: ${r.rowsKept} of ${r.rowsRead} rows${skipped}\n`;
}

async function run(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, {
      traces: { type: "string", multiple: true },
      "report-log": { type: "string" },
      sizes: { type: "string" },
      column: { type: "string", multiple: true },
      constant: { type: "string", multiple: true },
      "skip-invalid": { type: "boolean" },
      model: { type: "string" },
      folds: { type: "string" },
      seed: { type: "string" },
      backend: { type: "string" },
      out: { type: "string" },
      plot: { type: "string" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
  } as const);
  if (values.help) {
    process.stdout.write(TRAIN_HELP);
    return 0;
  }
  const traces = values.traces ?? [];
  const lambda = values["report-log"] !== undefined || values.sizes !== undefined;
  if (traces.length === 0 && !lambda) missingFlag("--traces", "--traces FILE.csv, or --report-log LOG with --sizes SIZES.csv");
  if (lambda && (values["report-log"] === undefined || values.sizes === undefined)) throw sluiceError("cli.flagsConflict", { path: [values.sizes === undefined ? "--sizes" : "--report-log"], expected: "--report-log and --sizes together" });
  if (values.out === undefined) missingFlag("--out", "--out DIR, e.g. --out models/mapreduce-sort");
  const model: ModelChoice = checkChoice("--model", values.model ?? "auto", MODEL_CHOICES);
  const backend: TfBackendPreference = checkChoice("--backend", values.backend ?? "auto", ["auto", "tensorflow", "wasm", "cpu"] as const);
  const folds = positiveInt("--folds", values.folds);
  if (folds !== undefined && folds < 2) throw sluiceError("cli.badFlagValue", { path: ["--folds"], expected: "at least 2", actual: show(values.folds) });
  const seed = positiveInt("--seed", values.seed);
  if (values.plot !== undefined && !/\.(svg|png)$/i.test(values.plot)) throw sluiceError("option.plotFormat", { path: ["--plot"], actual: show(values.plot) });
  // Before the long work: the outputs must be writable.
  await checkOutputTarget(values.out, "--out", "folder");
  if (values.plot !== undefined) await checkOutputTarget(values.plot, "--plot", "file");
  const columns = parseColumnFlags(values.column ?? [], values.constant ?? []);
  const onInvalid = values["skip-invalid"] ? "skip" : "throw";

  const records: TraceRecord[] = [];
  for (const file of traces) {
    const read = await readCsvTraces(file, { columns, onInvalid });
    records.push(...read.records);
    process.stderr.write(describeReport(read.report));
  }
  if (lambda) {
    const read = await readLambdaTraces(values["report-log"]!, values.sizes!, { columns, onInvalid });
    records.push(...read.records);
    process.stderr.write(describeReport(read.report));
  }

  const bar = values.quiet || !process.stderr.isTTY ? undefined : new SingleBar({ format: "training [{bar}] {value}/{total} {label}", stream: process.stderr, hideCursor: true });
  let started = false;
  const set = await trainProfiles(records, {
    model,
    backend,
    ...(folds === undefined ? {} : { folds }),
    ...(seed === undefined ? {} : { seed }),
    onProgress: (p) => {
      if (bar === undefined) return;
      if (!started) bar.start(p.total, 0, { label: "" });
      started = true;
      bar.update(p.done, { label: p.label });
    },
  });
  bar?.stop();
  const { profilesFile } = await saveProfiles(set, values.out);
  process.stdout.write(formatMetricsTable(set.data));
  const m = set.data.metadata;
  process.stdout.write(`\n${set.functionNames.length} functions from ${m.traceRows} rows in ${m.trainingMs} ms (MLP backend: ${m.backend}); wrote ${profilesFile}\n`);
  if (values.plot !== undefined) {
    await plotFit(set, records, values.plot);
    process.stdout.write(`plotted ${values.plot}\n`);
  }
  return 0;
}

export async function runTrainCommand(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    return reportError(err, "sluice train");
  }
}
