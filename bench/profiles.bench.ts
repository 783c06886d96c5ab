/**
 * Profile accuracy and training time on the bundled traces (datasets/*.csv). Per function: train
 * on ≤ 10 runs at the smaller sizes (all ≤ half the largest traced size; profiles-split.ts), then score held-out
 * sizes never trained on — within the trained range and beyond it (≥ 2× the largest trained).
 * MAPE is reported per row and against the median of the runs at each size (the typical value
 * a planner needs; per-row MAPE also counts run-to-run noise no model can predict). Runtimes whose
 * size median is below RUNTIME_FLOOR_MS are not scored: there the measurement, not the model, is
 * the error. Also compares fanout models on the roots (smooth laws, rounded, ceil-power).
 * Writes the "Profiles" section of bench/RESULTS.md.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { computeMape } from "../src/profiles/set/fit-metrics.js";
import { formatModel } from "../src/profiles/report/format-model.js";
import { loadBundledTrainedProfiles } from "../src/profiles/bundled-trained.js";
import { fitCeilPower } from "../src/profiles/regressors/ceil-power.js";
import { fitPolynomial } from "../src/profiles/regressors/polynomial.js";
import { fitPowerLaw } from "../src/profiles/regressors/power-law.js";
import { predictModel } from "../src/profiles/regressors/predict-model.js";
import type { FitOutcome, FitTask } from "../src/profiles/regressors/types.js";
import { generateTraces, SYNTHETIC_SORT } from "../test/support/synthetic-traces.js";
import { trainProfiles } from "../src/profiles/train/train-profiles.js";
import { PROFILE_TARGETS, type ProfileTarget } from "../src/profiles/types.js";
import { readCsvTraces } from "../src/traces/read-csv-traces.js";
import { DEFAULT_MAX_PARTITIONS, DEFAULT_PARTITION_UNIT_BYTES, describePartitionRule, partitionCount } from "../src/workloads/partition-count.js";
import type { TraceRecord } from "../src/traces/trace-record.js";
import { machineLine } from "./machine.js";
import { groupBySize, MAX_TRAIN_RUNS, redrawRepeats, type RunSplit, splitRuns, TOP_RUNS } from "./profiles-split.js";
import { median } from "../src/util/median.js";
import { mulberry32 } from "../src/util/mulberry32.js";
import { writeResultsSection } from "./write-section.js";

/** Families forced one by one on the same training runs, to find the best choice in hindsight ("auto" is what selection picked). */
const HINDSIGHT_CHOICES = ["constant", "linear", "poly", "power", "broken-power", "mlp", "ceil-power"] as const;
/**
 * Runtimes below this are not scored: a sub-millisecond body is dominated by timer granularity,
 * JIT state and GC pauses, and a MAPE against ~0 ms measures those (0.02 ms vs 0.01 ms is 100%).
 */
const RUNTIME_FLOOR_MS = 1;
const pct = (v: number | null) => (v === null ? "–" : v.toFixed(1));



interface SizeGroup {
  /** Median input size of the group's runs. */
  readonly x: number;
  /** Median of the target over the group's runs. */
  readonly y: number;
  readonly rows: readonly TraceRecord[];
}

/** Runs grouped by size (groupBySize), each group with its medians. */
function sizeGroups(rows: readonly TraceRecord[], t: ProfileTarget): SizeGroup[] {
  return groupBySize(rows).map((g) => ({ x: median(g.map((r) => r.inputBytes)), y: median(g.map((r) => r[t]!)), rows: g }));
}

/** The groups a target is scored at: all, except runtimes whose group median is below RUNTIME_FLOOR_MS. */
function scoredGroups(rows: readonly TraceRecord[], t: ProfileTarget): SizeGroup[] {
  return sizeGroups(rows, t).filter((g) => t !== "runtimeMs" || g.y >= RUNTIME_FLOOR_MS);
}

/** MAPE of each run against the median of the runs at its size: the run-to-run noise no model can predict. */
function noiseFloor(rows: readonly TraceRecord[], t: ProfileTarget): number | null {
  const groups = scoredGroups(rows, t);
  return computeMape(groups.flatMap((g) => g.rows.map((r) => r[t]!)), groups.flatMap((g) => g.rows.map(() => g.y)));
}

type Scored = { readonly kind: "none" } | { readonly kind: "below-floor" } | { readonly kind: "mape"; readonly mape: number | null; readonly dropped: number };

function cell(s: Scored): string {
  if (s.kind === "none") return "–";
  if (s.kind === "below-floor") return `< ${RUNTIME_FLOOR_MS} ms`;
  return pct(s.mape) + (s.dropped > 0 ? "†" : "");
}

/** MAPE of `f` per row and against size-group medians over the scored groups of `rows`. */
function score(rows: readonly TraceRecord[], t: ProfileTarget, f: (x: number) => number): { rows: Scored; medians: Scored } {
  if (rows.length === 0) return { rows: { kind: "none" }, medians: { kind: "none" } };
  const groups = scoredGroups(rows, t);
  if (groups.length === 0) return { rows: { kind: "below-floor" }, medians: { kind: "below-floor" } };
  const kept = groups.flatMap((g) => g.rows);
  const dropped = sizeGroups(rows, t).length - groups.length;
  return {
    rows: { kind: "mape", mape: computeMape(kept.map((r) => r[t]!), kept.map((r) => f(r.inputBytes))), dropped },
    medians: { kind: "mape", mape: computeMape(groups.map((g) => g.y), groups.map((g) => f(g.x))), dropped },
  };
}

const FANOUT_FITS: readonly { readonly name: string; readonly fit: (t: FitTask) => FitOutcome; readonly round: boolean }[] = [
  { name: "linear", fit: (t) => fitPolynomial("linear", t), round: false },
  { name: "power", fit: fitPowerLaw, round: false },
  { name: "linear, rounded", fit: (t) => fitPolynomial("linear", t), round: true },
  { name: "power, rounded", fit: fitPowerLaw, round: true },
  { name: "ceil-power", fit: fitCeilPower, round: false },
];

/** Fanout models on the same train/held-out split: MAPE beyond the trained range against the traced counts. */
function fanoutComparison(fn: string, s: RunSplit, chosen: (x: number) => number): string | undefined {
  if (s.beyond.length === 0 || new Set([...s.train, ...s.beyond].map((r) => r.fanout!)).size === 1) return undefined;
  const task: FitTask = { inputBytes: s.train.map((r) => r.inputBytes), values: s.train.map((r) => r.fanout!) };
  const truth = s.beyond.map((r) => r.fanout!);
  const cells = FANOUT_FITS.map((m) => {
    const o = m.fit(task);
    if (o.status !== "fitted") return "n/a";
    const at = (x: number) => (m.round ? Math.max(1, Math.round(predictModel(o.model, x))) : predictModel(o.model, x));
    return pct(computeMape(truth, s.beyond.map((r) => at(r.inputBytes))));
  });
  return `| ${fn} | ${cells.join(" | ")} | ${pct(computeMape(truth, s.beyond.map((r) => chosen(r.inputBytes))))} |`;
}

/** A root that splits by the collectors' rule (partition-count.ts): the law the traced roots' fanout follows. */
const SYNTHETIC_ROOT = {
  ...SYNTHETIC_SORT[0]!,
  function: "split-by-rule",
  fanout: (x: number) => partitionCount(x, DEFAULT_PARTITION_UNIT_BYTES, DEFAULT_MAX_PARTITIONS),
};

/** Control: known laws with ±5% noise, 10 runs at 1–48 MB, scored against the laws at 64 and 96 MB (2×). */
async function syntheticControl(): Promise<string[]> {
  const records = generateTraces([...SYNTHETIC_SORT, SYNTHETIC_ROOT], { inputBytes: [1, 2, 4, 6, 8, 12, 16, 24, 32, 48].map((m) => m * 1e6), noise: 0.05, seed: 1 });
  const set = await trainProfiles(records);
  // split-by-rule shares split's other laws; only its fanout is new.
  const cases = [...SYNTHETIC_SORT.flatMap((f) => PROFILE_TARGETS.map((t) => [f, t] as const)), [SYNTHETIC_ROOT, "fanout"] as const];
  return cases.map(([f, t]) => {
    const p = set.profileFor(f.function, {})!;
    const xs = [64e6, 96e6];
    const truth = xs.map((x) => (t === "fanout" ? Math.max(1, Math.round(f.fanout(x))) : f[t](x)));
    return `| ${f.function} | ${t} | ${set.data.functions[f.function]!.targets[t]!.model.family} | ${pct(computeMape(truth, xs.map((x) => p[t](x))))} |`;
  });
}

/**
 * `--datasets DIR` scores another folder of traces in the datasets/ layout (e.g. a re-collection)
 * and prints the section without writing bench/RESULTS.md; the default is datasets/, written there.
 * `--draws N` (default DEFAULT_DRAWS) sets how many other draws of the repeats are scored;
 * `--top-runs K` trains on another design (splitRuns' topRuns; 0 is the even spread). Either of
 * those, like --datasets, prints only.
 */
function flag(name: string): string | undefined {
  const k = process.argv.indexOf(name);
  return k < 0 ? undefined : process.argv[k + 1];
}
const datasetsDir = () => flag("--datasets") ?? "datasets";
/** Draws of which repeats are trained on: enough that the mean count is known to about ±0.1 (its spread is ~1 run). */
const DEFAULT_DRAWS = 100;
const DRAWS_SEED = 1;
function wholeFlag(name: string, fallback: number): number {
  const v = flag(name);
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: expected a whole number ≥ 0, got ${v}`);
  return n;
}
const DRAWS = wholeFlag("--draws", DEFAULT_DRAWS);
const TOP_RUNS_HERE = wholeFlag("--top-runs", TOP_RUNS);

/** One app's traces: each function's runs and its split. */
interface AppRuns {
  readonly byFn: ReadonlyMap<string, readonly TraceRecord[]>;
  readonly splits: ReadonlyMap<string, RunSplit>;
}

/** How many scored targets are within 10% beyond the trained range, and which are not, for one set of splits per app. */
async function countWithin10(apps: readonly AppRuns[], splitsOf: (app: AppRuns) => ReadonlyMap<string, RunSplit>): Promise<{ within10: number; scored: number; missed: string[] }> {
  let within10 = 0, scored = 0;
  const missed: string[] = [];
  for (const app of apps) {
    const splits = splitsOf(app);
    const set = await trainProfiles([...splits.values()].flatMap((s) => s.train));
    for (const [fn, s] of [...splits].sort()) {
      const p = set.profileFor(fn, {})!;
      for (const t of PROFILE_TARGETS) {
        const m = score(s.beyond, t, p[t]).medians;
        if (m.kind !== "mape" || m.mape === null) continue;
        scored++;
        if (m.mape <= 10) within10++;
        else missed.push(`${fn} ${t}`);
      }
    }
  }
  return { within10, scored, missed };
}

/**
 * The count over `draws` other draws of which repeats are trained on (redrawRepeats: the same
 * sizes, other runs at them). The table's split takes the repeats in traced order: one draw.
 */
async function resampledCounts(apps: readonly AppRuns[], draws: number): Promise<string> {
  if (draws === 0) return "";
  const random = mulberry32(DRAWS_SEED);
  const counts: number[] = [];
  const misses = new Map<string, number>();
  let scored = 0;
  for (let d = 0; d < draws; d++) {
    const r = await countWithin10(apps, (app) => new Map([...app.splits].map(([fn, s]) => [fn, redrawRepeats(app.byFn.get(fn)!, s, random)])));
    counts.push(r.within10);
    scored = r.scored;
    for (const m of r.missed) misses.set(m, (misses.get(m) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => a - b);
  const mean = counts.reduce((a, b) => a + b, 0) / draws;
  const sd = Math.sqrt(counts.reduce((a, c) => a + (c - mean) ** 2, 0) / Math.max(1, draws - 1));
  const target = Math.ceil(0.9 * scored);
  const reach = counts.filter((c) => c >= target).length;
  const often = [...misses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k} ${((100 * n) / draws).toFixed(0)}%`);
  return `Which repeats are trained on is itself a draw. The table takes them in traced order; over **${draws} other draws** (each training run replaced by a run drawn at random from the runs at its size, the same sizes as often; seed ${DRAWS_SEED}; bench/profiles-split.ts redrawRepeats), the count beyond the trained range is **${mean.toFixed(1)} of ${scored} on average (${((100 * mean) / scored).toFixed(0)}%)**, standard deviation ${sd.toFixed(1)}, median ${median(counts)}, range ${sorted[0]}–${sorted[sorted.length - 1]}; ${reach} of ${draws} draws reach ${target} of ${scored} (90%). How often each target misses 10% over the draws: ${often.join("; ")}.`;
}

async function main(): Promise<void> {
  const dir = datasetsDir();
  const files = readdirSync(dir).filter((f) => f.endsWith(".csv")).sort();
  const lines: string[] = [];
  const loadAtStart = os.loadavg()[0]!;
  let trainMs = 0, cpuMs = 0, rowsTrained = 0, functions = 0, within10 = 0, scored = 0, hindsight10 = 0;
  const hindsightMisses: string[] = [];
  const misses: string[] = [];
  const belowFloor: string[] = [];
  const fanoutLines: string[] = [];
  const apps: AppRuns[] = [];
  for (const file of files) {
    const { records } = await readCsvTraces(path.join(dir, file));
    const byFn = new Map<string, TraceRecord[]>();
    for (const r of records) byFn.set(r.function, [...(byFn.get(r.function) ?? []), r]);
    const splits = new Map([...byFn].map(([fn, rows]) => [fn, splitRuns(rows, TOP_RUNS_HERE)]));
    apps.push({ byFn, splits });
    const train = [...splits.values()].flatMap((s) => s.train);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const set = await trainProfiles(train);
    trainMs += performance.now() - started;
    const used = process.cpuUsage(cpu);
    cpuMs += (used.user + used.system) / 1000;
    rowsTrained += train.length;
    // Not timed: the same runs with each family forced, for the best choice in hindsight.
    const forced = await Promise.all(HINDSIGHT_CHOICES.map((model) => trainProfiles(train, { model })));
    for (const [fn, s] of [...splits].sort()) {
      functions++;
      const p = set.profileFor(fn, {})!;
      const trainedMax = Math.max(...s.train.map((r) => r.inputBytes));
      const ratio = s.beyond.length === 0 ? 0 : Math.max(...s.beyond.map((r) => r.inputBytes)) / trainedMax;
      for (const t of PROFILE_TARGETS) {
        const f = p[t];
        const within = score(s.within, t, f);
        const beyond = score(s.beyond, t, f);
        const fam = set.data.functions[fn]!.targets[t]!.model.family;
        let best = "–";
        if (beyond.medians.kind === "mape" && beyond.medians.mape !== null) {
          scored++;
          if (beyond.medians.mape <= 10) within10++;
          else misses.push(`${fn} ${t} ${beyond.medians.mape.toFixed(1)}%`);
          const tried = forced.flatMap((fs) => {
            const fp = fs.profileFor(fn, {});
            const m = fp === undefined ? undefined : score(s.beyond, t, fp[t]).medians;
            return m?.kind === "mape" && m.mape !== null ? [{ family: fs.data.functions[fn]!.targets[t]!.model.family, mape: m.mape }] : [];
          });
          const top = tried.reduce((a, c) => (c.mape < a.mape ? c : a), { family: fam, mape: beyond.medians.mape });
          best = `${top.family} ${pct(top.mape)}`;
          if (top.mape <= 10) hindsight10++;
          else hindsightMisses.push(`${fn} ${t} ${top.mape.toFixed(1)}%`);
        } else if (beyond.medians.kind === "below-floor") belowFloor.push(`${fn} ${t}`);
        const all = byFn.get(fn)!;
        lines.push(`| ${fn} | ${t} | ${scoredGroups(all, t).length === 0 ? `< ${RUNTIME_FLOOR_MS} ms` : pct(noiseFloor(all, t))} | ${fam} | ${s.train.length} | ${(trainedMax / 1e6).toFixed(2)} | ${s.within.length} | ${cell(within.rows)} | ${cell(within.medians)} | ${s.beyond.length} | ${ratio.toFixed(1)}× | ${cell(beyond.rows)} | ${cell(beyond.medians)} | ${best} |`);
      }
      const fanoutLine = fanoutComparison(fn, s, p.fanout);
      if (fanoutLine !== undefined) fanoutLines.push(fanoutLine);
    }
  }
  const resampled = await resampledCounts(apps, DRAWS);
  // The models plan() uses by default: trained on every traced run (npm run train:bundled).
  const bundledLines: string[] = [];
  for (const set of await loadBundledTrainedProfiles()) {
    for (const fn of set.functionNames) {
      const f = set.data.functions[fn]!;
      for (const t of PROFILE_TARGETS) {
        const d = f.targets[t];
        if (d === undefined) continue;
        const m = d.metrics;
        bundledLines.push(`| ${fn} | ${t} | ${d.model.family}: \`${formatModel(d.model, d.memoryFactor)}\` | ${pct(m.fitMapePercent)} | ${pct(m.extrapolationMapePercent)} | ${m.method === "k-fold" ? pct(m.kfoldMapePercent) : "in-sample"} | ${m.rows} | ${m.distinctInputSizes} | ${d.candidates.filter((c) => c.status === "refused").map((c) => c.family).join(", ") || "–"} |`);
      }
    }
  }
  const du = execFileSync("du", ["-sk", ...["tfjs-core", "tfjs-layers", "tfjs-backend-cpu", "tfjs-backend-wasm"].map((p) => `node_modules/@tensorflow/${p}`)], { encoding: "utf8" });
  const sizes = du.trim().split("\n").map((l) => { const [kb, p] = l.split(/\s+/); return `${path.basename(p!)} ${(Number(kb) / 1024).toFixed(1)} MiB`; });
  const body = [
    machineLine("npm run bench:profiles"),
    "",
    ...(TOP_RUNS_HERE === TOP_RUNS ? [] : [`**Design here: --top-runs ${TOP_RUNS_HERE}** (the text below describes the default, ${TOP_RUNS}).`, ""]),
    `Traces: ${dir}/*.csv (see ${dir}/README.md for how and under what load they were measured). Roots split their input into ${describePartitionRule()} parts, so the stages after a root are traced over a range of instance sizes.`,
    "",
    `Per function: trained on ≤ ${MAX_TRAIN_RUNS} runs at the sizes ≤ half the largest traced size — the ${TOP_RUNS} largest of them, and the rest spread evenly in size order over the remaining ones up to the largest, so that with 5 repeats per size the largest trained size has 3 runs (replicates at the top of the trained range, whose slope is what is carried beyond; bench/profiles-split.ts; until 2026-12-04 all ${MAX_TRAIN_RUNS} were spread evenly, 1 at the top: bench/profiles-experiments.md item 11) (model auto: 5-fold cross-validation by size plus leave-largest-sizes-out over constant, linear, polynomial, power law, broken power law (two power laws joined at a fitted knee) and MLP — refusing families that grow faster beyond the data than the data itself, or linearly, plus 0.25 in log-log slope; for fanout also ceil-power, a power law stepped to whole counts), then scored on sizes it never saw — inside the trained range and beyond it (the ratio is the largest held-out size over the largest trained one). MAPE per row includes run-to-run noise; MAPE vs size medians compares with the median of the runs at each size. Runs whose input sizes are within 2% of each other count as one size (a stage after a root reads slightly different bytes per part and repeat; a root's sizes repeat exactly). The noise floor is the MAPE of every traced run against the median of the runs at its own size: no model of input size alone can do better per row.`,
    "",
    `Timer floor: a runtime is scored only at sizes whose median run is ≥ ${RUNTIME_FLOOR_MS} ms. Below that the body's measured time (CPU or wall) is dominated by timer granularity, JIT state and GC pauses, and a relative error against ~0 ms measures those rather than the model (0.02 ms predicted for 0.01 ms measured is 100%). A cell "< ${RUNTIME_FLOOR_MS} ms" means every held-out size was below the floor: that target is reported as below resolution and not counted as met or missed; "†" marks a MAPE over only the sizes at or above the floor.`,
    "",
    "| function | target | noise floor % | model (≤ 10 runs) | trained runs | largest trained MB | held-out rows within | MAPE rows % | MAPE medians % | held-out rows beyond | beyond ratio | MAPE rows % | MAPE medians % | best family in hindsight, MAPE medians % |",
    "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...lines,
    "",
    `Training every bundled function (${functions} functions, ${rowsTrained} runs, ${files.length} apps): **${(trainMs / 1000).toFixed(2)} s** wall (target ≤ 10 s), ${(cpuMs / 1000).toFixed(2)} s of CPU, including loading TensorFlow.js once; 1-minute load average ${loadAtStart.toFixed(2)} at the start and ${os.loadavg()[0]!.toFixed(2)} at the end, on ${os.cpus().length} cores.`,
    "",
    `Beyond the trained range, **${within10} of ${scored}** scored function-targets are within the 10% MAPE target against size medians${belowFloor.length > 0 ? `; ${belowFloor.length} more are below the ${RUNTIME_FLOOR_MS} ms timer floor and not scored (${belowFloor.join("; ")})` : ""}.${misses.length > 0 ? ` Missed: ${misses.join("; ")}.` : ""}`,
    "",
    ...(resampled === "" ? [] : [resampled, ""]),
    `Selection's ceiling: had every target been given the family that scores best beyond the trained range — chosen in hindsight, on the held-out sizes themselves (every family of the table forced in turn on the same ≤ ${MAX_TRAIN_RUNS} runs, auto's own choice included) — **${hindsight10} of ${scored}** would be within 10%.${hindsightMisses.length > 0 ? ` Beyond every family's reach: ${hindsightMisses.join("; ")}.` : ""} A better choice among these families cannot reach more; what limits the rest is the ≤ ${MAX_TRAIN_RUNS} training runs themselves (their run-to-run noise, and sizes whose shape changes past the trained range).`,
    "",
    // What was tried to close the gap to the target, with its figures (a dated record, not re-measured by this run).
    readFileSync(new URL("./profiles-experiments.md", import.meta.url), "utf8").trim(),
    "",
    "The bundled models (models/, what plan() uses by default), trained on every traced run: the model chosen, written as predict evaluates it (x in bytes), its error over the training rows, with the largest third of the sizes held out (extrapolation), and k-fold by size; the families refused for exploding beyond the data:",
    "",
    "| function | target | model chosen | fit MAPE % | extrap. MAPE % | k-fold MAPE % | rows | sizes | refused |",
    "|---|---|---|---:|---:|---:|---:|---:|---|",
    ...bundledLines,
    "",
    "Fanout models on the roots (the functions whose fanout varies), same split: MAPE % beyond the trained range against the traced counts. Smooth laws as fitted, the same laws rounded to whole counts (at least 1), ceil-power, and the model auto chose:",
    "",
    "| function | linear | power | linear, rounded | power, rounded | ceil-power | auto |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...fanoutLines,
    "",
    `Control — the same procedure on synthetic traces with known laws (synthetic-traces.ts: linear, power-law x^1.12 and quadratic runtimes; split-by-rule is split with the roots' fanout rule, ${describePartitionRule()}; ±5% noise on all but fanout; 10 runs at 1–48 MB), MAPE against the true law at 64 and 96 MB (2× the largest trained size); split-by-rule has split's laws but the roots' fanout rule, so only its fanout is listed. split's fanout, ⌈x / 64 MB⌉, is 1 at every trained size, so no model can see its first step at 64 MB:`,
    "",
    "| function | target | model | MAPE % at 64 and 96 MB |",
    "|---|---|---|---:|",
    ...(await syntheticControl()),
    "",
    `Installed TensorFlow.js parts (du): ${sizes.join(", ")}. tfjs-layers is loaded only for the gradient functions tfjs-core's Node bundle leaves out; the MLP itself is written with tfjs-core ops.`,
  ].join("\n");
  if (dir === "datasets" && DRAWS === DEFAULT_DRAWS && TOP_RUNS_HERE === TOP_RUNS) writeResultsSection("Profiles", body);
  process.stdout.write(body + "\n");
}

await main();
