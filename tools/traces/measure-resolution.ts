/**
 * `npm run traces:resolution`: the collector's own resolution, measured. Runs each app once at
 * 256 KiB to get a real input for the small stages whose profiles are hardest to score
 * (kmeans-merge, q-join, wc-reduce), then measures that same invocation — constant work — many
 * times, by both methods the bundled traces were collected with:
 * - "first call": one call, its time, and memory sampled without collecting garbage (how
 *   datasets/earlier-method/*.csv were measured: measureInvocation with no options);
 * - "warm, CPU": 5 untimed calls, the median of 3 timed calls, and a memory call that collects
 *   before every sample (npm run traces' defaults: datasets/*.csv, datasets/recollected/).
 * The spread of constant work (p5–p95, median absolute deviation) is what the measurement itself
 * adds — timer, memory probe, collections; a target whose size medians are at or below it cannot be
 * scored. Repeated in one thread, "first call" runs optimised code after its first few
 * measurements: the tiering state of a true first call is the function's behaviour, not the
 * collector's resolution, and shows in the per-size spread of datasets/earlier-method/*.csv instead. Calls run in this thread,
 * one after another (the collector runs them in a worker, with the same measurement code).
 *
 * Quantiles are type-7 (src/util/quantile.ts, as everywhere else in the project).
 *
 * Options: --calls 200 (measurements per function and method). Prints a table to stdout.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { show, sluiceError } from "../../src/errors.js";
import { quantile } from "../../src/util/quantile.js";
import { findApp } from "../../src/workloads/apps.js";
import { exposeGc } from "./expose-gc.js";
import { measureInvocation, type MeasureOptions } from "./measure-invocation.js";
import { runApp, type Invoke } from "./run-app.js";

const KIB = 1024;
const MIB = 1024 * 1024;
const SOURCES = [["kmeans", "kmeans-merge"], ["query", "q-join"], ["wordcount", "wc-reduce"]] as const;

function spread(xs: readonly number[], digits: number): string {
  const med = quantile(xs, 0.5);
  const mad = quantile(xs.map((x) => Math.abs(x - med)), 0.5);
  const f = (v: number) => v.toFixed(digits);
  return `${f(med)} | ${f(quantile(xs, 0.05))} – ${f(quantile(xs, 0.95))} | ${f(mad)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { calls: { type: "string" } } });
  const calls = values.calls === undefined ? 200 : Number(values.calls);
  if (!(Number.isInteger(calls) && calls >= 1)) throw sluiceError("workloads.badArgument", { path: ["--calls"], expected: "an integer ≥ 1", actual: show(values.calls), params: { what: "--calls" } });
  const collectGarbage = exposeGc();
  const methods: readonly [string, MeasureOptions][] = [
    ["first call", {}],
    ["warm, CPU", { collectGarbage, warmupCalls: 5, warmupBudgetMs: 500, timedCalls: 3, separateMemoryCall: true }],
  ];
  const lines = ["| function | input B | method | runtime_ms median | p5 – p95 | MAD | memory_mb median | p5 – p95 | MAD |", "|---|---:|---|---:|---:|---:|---:|---:|---:|"];
  const loadAtStart = os.loadavg()[0]!;
  for (const [appName, fn] of SOURCES) {
    let input: Uint8Array | undefined, params: unknown;
    const invoke: Invoke = async (name, bytes, p) => {
      if (name === fn && input === undefined) [input, params] = [bytes, p];
      return { ...measureInvocation(name, bytes, p, {}), cold: false };
    };
    await runApp(findApp(appName), 256 * KIB, invoke, { seed: 1 });
    for (const [label, options] of methods) {
      const runtimeMs: number[] = [], memoryMb: number[] = [];
      for (let i = 0; i < calls; i++) {
        collectGarbage();
        const m = measureInvocation(fn, input!, params, options);
        // "first call" files recorded wall time; "warm, CPU" files record CPU time.
        runtimeMs.push(options.timedCalls === undefined ? m.wallMs : m.runtimeMs);
        memoryMb.push(m.memoryBytes / MIB);
      }
      lines.push(`| ${fn} | ${input!.length} | ${label} | ${spread(runtimeMs, 3)} | ${spread(memoryMb, 4)} |`);
    }
  }
  process.stdout.write(`${lines.join("\n")}\n\n${calls} measurements per row; 1-minute load average ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end, on ${os.cpus().length} cores.\n`);
}

await main();
