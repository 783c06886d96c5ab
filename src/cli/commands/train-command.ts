/**
 * `sluice train`: streams traces (CSV or JSON Lines files, or a Lambda log's reports joined with a sizes CSV) through
 * the mapping the flags describe, trains a profile set with a progress bar, saves it, prints what
 * each target trained on and the metrics table (the model predict uses, with its held-out errors),
 * and optionally plots the fit; `--dry-run` stops after reading, with each function's rows, sizes
 * and memory settings. Returns the exit code: 0 done, else the error's sysexits code (64
 * bad flags, 65 bad rows or a mapping that does not fit the header — named by its flag, 66
 * unreadable input, 74 an output that cannot be written).
 */
import { SingleBar } from "cli-progress";
import { show, sluiceError } from "../../errors.js";
import { formatMetricsTable } from "../../profiles/report/format-metrics.js";
import { plotFit } from "../../profiles/report/plot-fit.js";
import { MODEL_CHOICES, type ModelChoice } from "../../profiles/regressors/types.js";
import { saveProfiles } from "../../profiles/store/save-profiles.js";
import type { TfBackendPreference } from "../../profiles/tf-backend.js";
import { trainProfiles } from "../../profiles/train/train-profiles.js";
import { parseTraceMapping } from "../../traces/mapping/compile-mapping.js";
import { readLambdaTraces } from "../../traces/lambda/read-lambda-traces.js";
import { readTraceTable } from "../../traces/read-trace-table.js";
import { TraceTable } from "../../traces/trace-table.js";
import type { ReadReport } from "../../traces/read-report.js";
import { checkChoice, missingFlag } from "../flags/cli-error.js";
import { reportError } from "../io/exit-code.js";
import { checkOutputTarget } from "../io/output-target.js";
import { parseCliArgs } from "../flags/parse-cli-args.js";
import { plotFormatOf } from "../io/plot-file.js";
import { TRAIN_FLAGS, TRAIN_HELP } from "../flags/train-flags.js";
import { buildMapping } from "../flags/train-mapping.js";
import { describeFiles, describeFunctions, describeTargets } from "../format/train-summary.js";
import { countOf } from "../../util/count-of.js";

export { TRAIN_HELP } from "../flags/train-flags.js";

function wholeNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n) || n < 0) throw sluiceError("cli.badFlagValue", { path: [flag], expected: "a whole number", actual: show(raw) });
  return n;
}

async function run(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, TRAIN_FLAGS);
  if (values.help) {
    process.stdout.write(TRAIN_HELP);
    return 0;
  }
  const traces = values.traces ?? [];
  const lambda = values["report-log"] !== undefined || values.sizes !== undefined;
  if (traces.length === 0 && !lambda) missingFlag("--traces", "--traces FILE.csv or FILE.jsonl, or --report-log LOG with --sizes SIZES.csv");
  if (lambda && (values["report-log"] === undefined || values.sizes === undefined)) throw sluiceError("cli.flagsConflict", { path: [values.sizes === undefined ? "--sizes" : "--report-log"], expected: "--report-log and --sizes together" });
  if (values["id-column"] !== undefined && !lambda) throw sluiceError("cli.flagsConflict", { path: ["--id-column"], expected: "--id-column with --sizes (a REPORT log join)" });
  const dryRun = values["dry-run"] === true;
  if (values.out === undefined && !dryRun) missingFlag("--out", "--out DIR, e.g. --out models/mapreduce-sort");
  const model: ModelChoice = checkChoice("--model", values.model ?? "auto", MODEL_CHOICES);
  const backend: TfBackendPreference = checkChoice("--backend", values.backend ?? "auto", ["auto", "tensorflow", "wasm", "cpu"] as const);
  const folds = wholeNumber("--folds", values.folds);
  if (folds !== undefined && folds < 2) throw sluiceError("cli.badFlagValue", { path: ["--folds"], expected: "at least 2", actual: show(values.folds) });
  const seed = wholeNumber("--seed", values.seed);
  if (values.plot !== undefined) plotFormatOf(values.plot);
  const mapping = parseTraceMapping(await buildMapping(values), "cli");
  // Before the long work: the outputs must be writable.
  if (!dryRun) await checkOutputTarget(values.out!, "--out", "folder");
  if (values.plot !== undefined && !dryRun) await checkOutputTarget(values.plot, "--plot", "file");

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
  process.stderr.write(describeFiles(reports));
  process.stderr.write(describeTargets(table.targetSummaries()));
  if (dryRun) {
    // What training would see, and nothing more: a trace that kept no row still fails as training would.
    if (table.rows === 0) throw sluiceError("profiles.noRecords", { path: ["records"], actual: "0" });
    process.stdout.write(describeFunctions(table));
    process.stdout.write(`\ndry run: ${countOf(table.rows, "row")} of ${countOf(table.functions.size, "function")} read; nothing trained or written\n`);
    return 0;
  }

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
  const { profilesFile } = await saveProfiles(set, values.out!);
  process.stdout.write(formatMetricsTable(set.data));
  const m = set.data.metadata;
  process.stdout.write(`\n${countOf(set.functionNames.length, "function")} from ${countOf(m.traceRows, "row")} in ${m.trainingMs} ms (MLP backend: ${m.backend}); wrote ${profilesFile}\n`);
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
    return reportError(err, "sluice train");
  }
}
