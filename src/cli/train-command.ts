/**
 * `sluice train`: streams traces (CSV files, or a Lambda REPORT log joined with a sizes CSV) through
 * the mapping the flags describe, trains a profile set with a progress bar, saves it, prints what
 * each target trained on and the metrics table (the model predict uses, with its held-out errors),
 * and optionally plots the fit. Returns the exit code: 0 done, 1 bad input (a file, a row, a
 * mapping that does not fit the header — named by its flag), 2 bad arguments.
 */
import { SingleBar } from "cli-progress";
import { parseArgs } from "node:util";
import { InputError } from "../errors.js";
import { formatMetricsTable } from "../profiles/format-metrics.js";
import { plotFit } from "../profiles/plot-fit.js";
import { MODEL_CHOICES, type ModelChoice } from "../profiles/regressors/types.js";
import { saveProfiles } from "../profiles/save-profiles.js";
import type { TfBackendPreference } from "../profiles/tf-backend.js";
import { trainProfiles } from "../profiles/train-profiles.js";
import { parseTraceMapping } from "../traces/compile-mapping.js";
import { readLambdaTraces } from "../traces/read-lambda-traces.js";
import { readTraceTable } from "../traces/read-trace-table.js";
import { TraceTable } from "../traces/trace-table.js";
import type { ReadReport } from "../traces/read-report.js";
import { CliUsageError } from "./cli-error.js";
import { buildMapping, TRAIN_FLAGS, TRAIN_HELP } from "./train-flags.js";
import { describeFile, describeTargets } from "./train-summary.js";

export { TRAIN_HELP } from "./train-flags.js";

function wholeNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n) || n < 0) throw new CliUsageError(`${flag} must be a whole number, got "${raw}"`);
  return n;
}

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: TRAIN_FLAGS });
  if (values.help) {
    process.stdout.write(TRAIN_HELP);
    return 0;
  }
  const traces = values.traces ?? [];
  const lambda = values["report-log"] !== undefined || values.sizes !== undefined;
  if (traces.length === 0 && !lambda) throw new CliUsageError("give --traces FILE.csv, or --report-log LOG with --sizes SIZES.csv (see sluice train --help)");
  if (lambda && (values["report-log"] === undefined || values.sizes === undefined)) throw new CliUsageError("--report-log and --sizes go together");
  if (values["id-column"] !== undefined && !lambda) throw new CliUsageError("--id-column applies to --sizes (a REPORT log join)");
  if (values.out === undefined) throw new CliUsageError("--out DIR is required, e.g. --out models/mapreduce-sort");
  const model = (values.model ?? "auto") as ModelChoice;
  if (!MODEL_CHOICES.includes(model)) throw new CliUsageError(`--model must be one of ${MODEL_CHOICES.join(", ")}, got "${values.model}"`);
  const backend = (values.backend ?? "auto") as TfBackendPreference;
  if (!["auto", "tensorflow", "wasm", "cpu"].includes(backend)) throw new CliUsageError(`--backend must be auto, tensorflow, wasm or cpu, got "${values.backend}"`);
  const folds = wholeNumber("--folds", values.folds);
  if (folds !== undefined && folds < 2) throw new CliUsageError(`--folds must be at least 2, got ${folds}`);
  const seed = wholeNumber("--seed", values.seed);
  if (values.plot !== undefined && !/\.(svg|png)$/i.test(values.plot)) throw new CliUsageError(`--plot must end in .svg or .png, got "${values.plot}"`);
  const mapping = parseTraceMapping(await buildMapping(values), "cli");

  const tty = !values.quiet && process.stderr.isTTY === true;
  const bar = tty ? new SingleBar({ format: "{phase} [{bar}] {percentage}% {label}", stream: process.stderr, hideCursor: true }) : undefined;
  let table = new TraceTable();
  const reports: ReadReport[] = [];
  if (traces.length > 0) {
    bar?.start(100, 0, { phase: "reading ", label: "" });
    const read = await readTraceTable(traces, { mapping, origin: "cli", onProgress: (done, total, file) => bar?.update(total > 0 ? Math.floor((100 * done) / total) : 0, { label: file }) });
    table = read.table;
    reports.push(...read.reports);
    bar?.stop();
  }
  if (lambda) {
    const joined = await readLambdaTraces(values["report-log"]!, values.sizes!, { ...mapping, origin: "cli" });
    if (table.rows === 0) table = joined.table;
    else for (const r of joined.records) table.add(r);
    reports.push(joined.report);
  }
  for (const r of reports) process.stderr.write(describeFile(r));
  process.stderr.write(describeTargets(table.targetSummaries()));

  let started = false;
  const set = await trainProfiles(table, {
    model,
    backend,
    ...(folds === undefined ? {} : { folds }),
    ...(seed === undefined ? {} : { seed }),
    onProgress: (p) => {
      if (bar === undefined) return;
      if (!started) bar.start(p.total, 0, { phase: "training", label: "" });
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
    await plotFit(set, table, values.plot);
    process.stdout.write(`plotted ${values.plot}\n`);
  }
  return 0;
}

export async function runTrainCommand(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    if (err instanceof CliUsageError || (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS"))) {
      process.stderr.write(`sluice train: ${err.message}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`sluice train: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
