/** Renders datasets/COLLECTION.md from a collection run: how each CSV was made, the columns, the machine. */
import { median } from "../../src/util/median.js";
import type { AppDefinition } from "../../src/workloads/apps.js";
import type { MachineInfo } from "./machine-info.js";
import type { MeasureOptions } from "./measure-invocation.js";
import { describePartitionRule } from "../../src/workloads/partition-count.js";
import type { TraceRow } from "../../src/workloads/trace-row.js";

export interface CollectedApp {
  readonly app: AppDefinition;
  readonly file: string;
  readonly rows: readonly TraceRow[];
  /** Wall time of each row's timed calls (median), in row order. */
  readonly wallMs: readonly number[];
}

export interface ReadmeInput {
  readonly collected: readonly CollectedApp[];
  readonly sizesBytes: readonly number[];
  readonly repeats: number;
  /** Seed of repeat 1's input data; repeat r uses firstSeed + r − 1 (default 1). */
  readonly firstSeed?: number;
  readonly machine: MachineInfo;
  /** 1-minute load averages sampled at the start, after every repeat, and at the end. */
  readonly loadAverages: readonly number[];
  readonly date: string;
  readonly durationS: number;
  /** Root size of the untimed warm-up run each size's workers got first (0: none). */
  readonly warmupBytes: number;
  /** How each recorded invocation was measured (warm-up, timed and memory calls). */
  readonly measure: Required<Omit<MeasureOptions, "collectGarbage">>;
  /** Whether the collector ran under V8's --single-threaded (no background threads adding CPU time). */
  readonly singleThreaded: boolean;
  /** When the run first waited for the load average to drop below `threshold`. */
  readonly quietWait?: { readonly threshold: number; readonly waitedS: number; readonly reached: boolean };
  /** glibc's MALLOC_MMAP_THRESHOLD_ as the collector's process was started with it (undefined: not set, the threshold adapts). */
  readonly mallocMmapThreshold?: string;
}

function size(bytes: number): string {
  if (bytes >= 1048576) return `${+(bytes / 1048576).toFixed(2)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

function appSection(c: CollectedApp): string {
  const shape = c.app.stages.map((s, i) => (i === 0 ? `\`${s.function}\`` : ` —${s.inputPattern}→ \`${s.function}\``)).join("");
  const lines = c.app.stages.map((s) => {
    const at = c.rows.flatMap((r, i) => (r.function === s.function ? [i] : []));
    const rows = at.map((i) => c.rows[i]!);
    const inputs = rows.map((r) => r.inputBytes);
    const fanouts = rows.map((r) => r.fanout);
    const ratios = at.filter((i) => c.wallMs[i] !== undefined && c.rows[i]!.runtimeMs > 0).map((i) => c.wallMs[i]! / c.rows[i]!.runtimeMs);
    return `| \`${s.function}\` | ${rows.length} | ${size(Math.min(...inputs))} – ${size(Math.max(...inputs))} | ${Math.min(...fanouts)} – ${Math.max(...fanouts)} | ${ratios.length === 0 ? "not recorded" : median(ratios).toFixed(2)} |`;
  });
  return [`### \`${c.file}\` — ${c.app.app} (${c.rows.length} rows)`, "", `DAG: ${shape}`, "", "| function | rows | instance input bytes | fanout | wall / CPU time (median) |", "|---|---|---|---|---:|", ...lines, ""].join("\n");
}

/** Which seeds the repeats' input data came from. */
export function seedsLine(firstSeed: number, repeats: number): string {
  if (firstSeed === 1) return "seed = repeat number";
  return `seeds ${firstSeed}–${firstSeed + repeats - 1}, one per repeat (repeat r: seed ${firstSeed - 1} + r), so other data than a collection with seeds 1–${repeats}`;
}

export function renderDatasetsReadme(r: ReadmeInput): string {
  const m = r.machine;
  const mo = r.measure;
  return `# Measured traces

Per-invocation traces of the workloads that ship in \`src/workloads/\`, measured on this repo's
own code with \`npm run traces\` (\`tsx tools/traces/collect-traces.ts\`). Regenerate them the same
way; the run took ${Math.round(r.durationS)} s.

- Root input sizes: ${r.sizesBytes.map(size).join(", ")} (generated with a seeded PRNG; ${seedsLine(r.firstSeed ?? 1, r.repeats)}).
- Repeats: ${r.repeats} per size (different seeds, so different data of the same size and shape).
- Each invocation ran in a \`node:worker_threads\` worker, one at a time. Each function of an app
  gets a fresh worker for each run (one root size, one repeat). Runs were visited in rounds: round r
  ran repeat r of every size, the sizes in a seeded shuffled order (\`tools/traces/collection-order.ts\`),
  so a slow phase of the machine lands on one repeat of several sizes rather than on one size.
${r.warmupBytes > 0 ? `- Before its timed run, each run's workers were warmed by one untimed run of the whole app at
  ${size(r.warmupBytes)} (seed 0), so every recorded invocation is warm (modules loaded, hot code
  compiled) and \`cold\` is false throughout. In a run without warm-up, cold first invocations of
  the stages after the roots were 1.4–7× slower per byte than warm ones (roots 1.0–1.2×) and, since
  small roots have few parts, made up much of the smallest sizes' rows.` : "- No warm-up: the first invocation in each worker is recorded and flagged `cold` (measured as it came: one call)."}
- Each recorded warm invocation was then measured on its own input (\`tools/traces/measure-invocation.ts\`):
  up to ${mo.warmupCalls} untimed warm-up calls (fewer once they had taken ${mo.warmupBudgetMs} ms), so the timed
  calls run optimised code; ${mo.timedCalls} timed calls, garbage collected before each, reported as the
  median; then one call that measures memory. Why: V8 runs a function's first calls on an input
  partly in its interpreter and baseline tiers. An earlier collection that warmed each worker with
  one 256 KiB run only recorded those calls: runtimes of small inputs were 3–10× the steady state
  (sort-map at 256 KiB: 8.2, 3.5, 0.8, then 0.4 ms per call; kmeans-merge at 13 KiB: 28 ms
  first, 0.7 ms after), which of three repeats happened to be optimised set the figure, and the
  boxed numbers of unoptimised code showed up as megabytes of "memory".
- Every stage after the root reads the real outputs of the stage before it, routed by the edge's
  pattern, so downstream sizes are real.
- Roots run as one instance on the whole input and split it into ${describePartitionRule()}
  parts for the next stage (\`src/workloads/partition-count.ts\`). Both the number of parts and
  each part's size (≈ √(input · unit)) grow with the root's input, so the stages after a root are
  traced over a range of instance sizes, not at one part size.

## Files

${r.collected.map(appSection).join("\n")}
## Columns

| column | meaning | unit |
|---|---|---|
| \`app\` | the app (one per file) | — |
| \`function\` | the stage function (name in \`src/workloads/functions/stage-functions.ts\`) | — |
| \`input_bytes\` | bytes this invocation read (one instance's input) | bytes |
| \`runtime_ms\` | CPU time of the function body alone (process user + system time, \`process.cpuUsage()\`, before and after the call inside the worker): the median of the timed calls. The collector ran ${r.singleThreaded ? "under V8's \`--single-threaded\`, so compilation and garbage collection ran on the worker's thread, not on background threads whose CPU time would be added to whatever body was running; the parent thread was idle" : "without V8's \`--single-threaded\`: background compilation and GC threads may add CPU time to the body that happened to run"}. On a core of its own a single-threaded body's wall time is its CPU time; unlike wall time it does not count waiting for a core that other processes hold. Excludes worker start-up, message passing and input generation | ms |
| \`memory_mb\` | peak memory of the invocation (below) | MiB (2^20 bytes) |
| \`output_bytes\` | total bytes of all outputs of this invocation | bytes |
| \`fanout\` | number of outputs this invocation produced = next-stage instances it feeds. For the roots it is ${describePartitionRule()}; one-to-one and gather producers and sinks emit 1 | count |
| \`memory_setting_mb\` | configured memory limit; empty: workers ran without a limit | MiB |
| \`cold\` | \`true\` for the first invocation in a fresh worker (no JIT warm-up, modules just loaded), else \`false\` | — |

The wall time of the same calls (\`performance.now()\`, median) is measured but not written as a
column; the tables above give its median ratio to \`runtime_ms\` per function.

## How memory is measured, and its caveats

\`memory_mb\` = (input bytes + peak growth of S) / 2^20, where S = this worker isolate's V8 used heap
(\`v8.getHeapStatistics().used_heap_size\`) + the process's ArrayBuffer bytes
(\`process.memoryUsage().arrayBuffers\`, where Buffers and typed arrays live). Garbage is collected
in both the parent and the worker just before the baseline sample; S is then sampled by each
function at its phase boundaries (after parsing, after building its main structure, after
encoding its outputs) and at its return, each sample preceded by a full collection in the worker.
The growth is the peak sample minus the baseline. The memory call is not timed (the collections
take time).

- It is the invocation's live working set: input, intermediate structures and outputs alive at the
  sample points. Garbage is not counted: how much of it is uncollected at a sample depends on when
  the last scavenge ran and on the JIT tier (the earlier collection, which did count it, read
  9.6 or 21.5 MiB for the same 4.2 MB sort-reduce input). It excludes the fixed footprint of a Node runtime (tens of MiB of
  RSS for the isolate, code and libuv), which a deployment adds on top as a constant.
- Peaks between sample points are missed, so it is a lower bound of the true peak, typically
  close because the samples sit where the live data is largest.
- ArrayBuffer bytes are process-wide; the parent thread is idle during an invocation, so their
  growth belongs to the invocation.
- It is not RSS: allocator slack and freed-but-resident pages are not counted.

## Machine

- CPU: ${m.cpuModel}, ${m.logicalCores} logical cores
- Memory: ${m.memoryGib} GiB
- Node: ${m.nodeVersion} (${m.platform})
- Date: ${r.date}
- Memory allocator: ${mallocLine(r.mallocMmapThreshold)}
${r.quietWait === undefined ? "" : `- Before starting, the run waited ${Math.round(r.quietWait.waitedS)} s for the 1-minute load average to drop below ${r.quietWait.threshold} (\`--quiet-below\`)${r.quietWait.reached ? "" : "; it did not within the 30-minute limit, so the run went ahead on a busy machine"}.\n`}- 1-minute load average: ${r.loadAverages[0]!.toFixed(2)} at the start, ${r.loadAverages[r.loadAverages.length - 1]!.toFixed(2)} at the end;
  ${Math.min(...r.loadAverages).toFixed(2)} – ${Math.max(...r.loadAverages).toFixed(2)} (median ${median(r.loadAverages).toFixed(2)}) over the run, on ${m.logicalCores} cores. The
  collector itself keeps about one core busy, so a load near 1 means the machine was otherwise
  quiet; above the core count, other processes compete for the CPU, which inflates
  wall time and its spread between repeats, and \`runtime_ms\` less so (cores and memory
  bandwidth are shared); sizes and memory are unaffected.
`;
}

/**
 * How the process's allocator treats large buffers (Node's ArrayBuffers come from malloc). With
 * glibc's default the mmap threshold adapts (mallopt(3), M_MMAP_THRESHOLD): once a large block is
 * freed the threshold rises to its size, and later buffers below it reuse freed memory instead of
 * being mapped fresh — so whether a call pays the page faults of fresh memory depends on what the
 * worker allocated before. Set explicitly, the threshold is fixed.
 */
export function mallocLine(threshold: string | undefined): string {
  if (threshold === undefined) return "glibc's default (`MALLOC_MMAP_THRESHOLD_` not set): the mmap threshold adapts, so a large buffer either reuses memory freed by an earlier call or is mapped fresh and pays its page faults in the call's system time, depending on what the worker allocated before";
  return `\`MALLOC_MMAP_THRESHOLD_=${threshold}\`: the mmap threshold is fixed, so every buffer of ${threshold} bytes or more is mapped fresh and every call pays its page faults (system time), as in a new instance`;
}
