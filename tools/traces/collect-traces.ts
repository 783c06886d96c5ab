/**
 * `npm run traces`: measures every shipped app (src/workloads/apps.ts) at several root input sizes, each size
 * repeated, every invocation in a worker thread (fresh workers, one per function, for each run of
 * an app at one size). The runs are visited in rounds — round r runs repeat r of every size, in a
 * seeded shuffled order (collection-order.ts) — so a slow phase of the machine lands on one repeat
 * of several sizes, not on every repeat of one size. Before its timed run, each run's workers are
 * warmed by one untimed run of the app at a small size, so no recorded invocation pays for loading modules and compiling the
 * function's hot code (without it, first invocations after the roots ran 1.4–7× slower per
 * byte, and they clustered at the smallest sizes). Every recorded invocation is then measured on its
 * own input by measure-invocation.ts: untimed warm-up calls, timed calls (median CPU and wall time)
 * and one memory call that counts live data only. Both threads collect garbage before each
 * invocation. Writes datasets/<app>.csv and datasets/COLLECTION.md (the run's description; datasets/README.md
 * is written by hand and left alone) atomically; progress goes to stderr.
 *
 * Options: --sizes 256KiB,1MiB,… (bytes or KiB/MiB)  --repeats 5  --apps sort,…  --out datasets
 *          --warmup 256KiB: the untimed warm-up run's root size (0: none; the first invocation in
 *          each worker is then recorded, flagged cold)
 *          --warmup-calls 5, --warmup-budget-ms 500: untimed calls on each invocation's own input
 *          before timing it (fewer once they have taken the budget)
 *          --timed-calls 3: timed calls per invocation, reported as their median
 *          --first-seed 1: seed of repeat 1's input data (repeat r: first-seed + r − 1); another
 *          value traces other data of the same sizes and shapes (seed 0 is the warm-up's)
 *          --quiet-below 1.0: first wait (polling every 30 s, at most 30 min) until the 1-minute
 *          load average is below this, so other processes do not inflate the runtimes.
 */
import { show, sluiceError } from "../../src/errors.js";
import { mkdirSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { APPS, findApp } from "../../src/workloads/apps.js";
import { collectionOrder } from "./collection-order.js";
import { renderDatasetsReadme, type CollectedApp } from "./datasets-readme.js";
import { exposeGc } from "./expose-gc.js";
import { describeMachine } from "./machine-info.js";
import { runApp } from "./run-app.js";
import { StageWorker } from "./stage-worker.js";
import { formatTraceCsv, type TraceRow } from "../../src/workloads/trace-row.js";
import { writeFileAtomic } from "./write-atomic.js";

/** V8 runs no background threads (npm run traces passes the flag), so process CPU time is the worker's. */
const SINGLE_THREADED = process.execArgv.includes("--single-threaded");

const KIB = 1024;
const MIB = 1024 * 1024;
const DEFAULT_SIZES_BYTES = [256 * KIB, 512 * KIB, 1 * MIB, 2 * MIB, 4 * MIB, 8 * MIB, 12 * MIB, 16 * MIB, 24 * MIB, 32 * MIB, 48 * MIB, 64 * MIB, 96 * MIB, 128 * MIB];
const DEFAULT_REPEATS = 5;
const DEFAULT_WARMUP_BYTES = 256 * KIB;
/** Seed of the warm-up run's input: different data from every timed repeat (seeds --first-seed, +1, …; ≥ 1). */
const WARMUP_SEED = 0;
const DEFAULT_WARMUP_CALLS = 5;
const DEFAULT_WARMUP_BUDGET_MS = 500;
const DEFAULT_TIMED_CALLS = 3;

function parseCount(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!(Number.isInteger(n) && n >= min)) throw sluiceError("workloads.badArgument", { path: [`--${flag}`], expected: `an integer ≥ ${min}`, actual: show(text), params: { what: `--${flag}` } });
  return n;
}

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB)?$/i.exec(text.trim());
  if (m === null) throw sluiceError("workloads.badArgument", { path: ["--sizes"], expected: "sizes like 256KiB or 4MiB", actual: show(text), params: { what: "a size" } });
  const unit = (m[2] ?? "B").toLowerCase();
  return Math.round(Number(m[1]) * (unit === "mib" ? MIB : unit === "kib" ? KIB : 1));
}

const QUIET_POLL_MS = 30_000;
const QUIET_MAX_WAIT_MS = 30 * 60_000;

/** Waits until the 1-minute load average is below `threshold` (or the wait limit passes); returns the wait in seconds. */
async function waitForQuiet(threshold: number): Promise<number> {
  const started = performance.now();
  while (os.loadavg()[0]! >= threshold && performance.now() - started < QUIET_MAX_WAIT_MS) {
    process.stderr.write(`load ${os.loadavg()[0]!.toFixed(2)} ≥ ${threshold}: waiting…\n`);
    await new Promise((resolve) => setTimeout(resolve, QUIET_POLL_MS));
  }
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: "string" }, repeats: { type: "string" }, apps: { type: "string" }, out: { type: "string" }, "quiet-below": { type: "string" }, warmup: { type: "string" }, "warmup-calls": { type: "string" }, "warmup-budget-ms": { type: "string" }, "timed-calls": { type: "string" }, "first-seed": { type: "string" } } });
  // Seed 0 is the warm-up run's data (WARMUP_SEED): timed repeats start at 1 so they never trace it.
  const firstSeed = parseCount("first-seed", values["first-seed"], 1, WARMUP_SEED + 1);
  const measure = {
    warmupCalls: parseCount("warmup-calls", values["warmup-calls"], DEFAULT_WARMUP_CALLS, 0),
    warmupBudgetMs: parseCount("warmup-budget-ms", values["warmup-budget-ms"], DEFAULT_WARMUP_BUDGET_MS, 0),
    timedCalls: parseCount("timed-calls", values["timed-calls"], DEFAULT_TIMED_CALLS, 1),
    separateMemoryCall: true,
  };
  const warmupBytes = values.warmup === undefined ? DEFAULT_WARMUP_BYTES : parseSize(values.warmup);
  const quietBelow = values["quiet-below"] === undefined ? undefined : Number(values["quiet-below"]);
  if (quietBelow !== undefined && !(quietBelow > 0)) throw sluiceError("workloads.badArgument", { path: ["--quiet-below"], expected: "a load average > 0", actual: show(values["quiet-below"]), params: { what: "--quiet-below" } });
  const waitedS = quietBelow === undefined ? undefined : await waitForQuiet(quietBelow);
  const sizesBytes = values.sizes === undefined ? DEFAULT_SIZES_BYTES : values.sizes.split(",").map(parseSize);
  const repeats = values.repeats === undefined ? DEFAULT_REPEATS : Number(values.repeats);
  const apps = values.apps === undefined ? APPS : values.apps.split(",").map(findApp);
  const outDir = values.out ?? "datasets";
  mkdirSync(outDir, { recursive: true });
  if (!SINGLE_THREADED) process.stderr.write("warning: not under --single-threaded: V8's background threads will add CPU time to runtime_ms (npm run traces passes it)\n");
  const startedMs = performance.now();
  const collected: CollectedApp[] = [];
  const collectGarbage = exposeGc();
  const loadAverages: number[] = [os.loadavg()[0]!];
  for (const app of apps) {
    // Runs are visited in rounds of shuffled sizes (collection-order.ts); rows are written size by size, repeat by repeat.
    const runs = new Map<string, { rows: TraceRow[]; wallMs: number[] }>();
    const key = (sizeIndex: number, repeat: number) => `${sizeIndex}/${repeat}`;
    for (const { sizeIndex, repeat } of collectionOrder(sizesBytes.length, repeats)) {
      const inputBytes = sizesBytes[sizeIndex]!;
      const workers = new Map(app.stages.map((s) => [s.function, new StageWorker(measure)]));
      const invoke = (fn: string, input: Uint8Array, params: unknown) => {
        collectGarbage();
        return workers.get(fn)!.invoke(fn, input, params);
      };
      try {
        if (warmupBytes > 0) await runApp(app, warmupBytes, invoke, { seed: WARMUP_SEED });
        const wallMs: number[] = [];
        const runRows = await runApp(app, inputBytes, invoke, { seed: firstSeed + repeat, onInvocation: (_row, m) => wallMs.push(m.wallMs) });
        loadAverages.push(os.loadavg()[0]!);
        runs.set(key(sizeIndex, repeat), { rows: runRows, wallMs });
        const elapsedS = ((performance.now() - startedMs) / 1000).toFixed(1);
        const runMs = runRows.reduce((s, r) => s + r.runtimeMs, 0).toFixed(0);
        process.stderr.write(`[${elapsedS}s] ${app.app} ${(inputBytes / MIB).toFixed(2)} MiB repeat ${repeat + 1}/${repeats}: ${runRows.length} invocations, ${runMs} ms of stage CPU time; load ${os.loadavg()[0]!.toFixed(2)}\n`);
      } finally {
        await Promise.all([...workers.values()].map((w) => w.terminate()));
      }
    }
    const rows: TraceRow[] = [];
    const wallMs: number[] = [];
    for (let sizeIndex = 0; sizeIndex < sizesBytes.length; sizeIndex++) {
      for (let repeat = 0; repeat < repeats; repeat++) {
        const run = runs.get(key(sizeIndex, repeat))!;
        for (const r of run.rows) rows.push(r);
        for (const w of run.wallMs) wallMs.push(w);
      }
    }
    const path = join(outDir, `${app.app}.csv`);
    writeFileAtomic(path, formatTraceCsv(rows));
    process.stderr.write(`wrote ${path} (${rows.length} rows)\n`);
    collected.push({ app, file: `${app.app}.csv`, rows, wallMs });
  }
  const input = { collected, sizesBytes, repeats, firstSeed, machine: describeMachine(), loadAverages, date: new Date().toISOString().slice(0, 10), durationS: (performance.now() - startedMs) / 1000, warmupBytes, measure, singleThreaded: SINGLE_THREADED, ...(process.env.MALLOC_MMAP_THRESHOLD_ === undefined ? {} : { mallocMmapThreshold: process.env.MALLOC_MMAP_THRESHOLD_ }), ...(quietBelow === undefined ? {} : { quietWait: { threshold: quietBelow, waitedS: waitedS!, reached: loadAverages[0]! < quietBelow } }) };
  const readme = renderDatasetsReadme(input);
  writeFileAtomic(join(outDir, "COLLECTION.md"), readme);
  process.stderr.write(`wrote ${join(outDir, "COLLECTION.md")}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
