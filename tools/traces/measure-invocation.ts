/**
 * Runs one stage function on one input and measures it, in three phases:
 * 1. warm-up: untimed calls on the same input (at most `warmupCalls`, stopping once they have taken
 *    `warmupBudgetMs`), so the timed calls run optimised code. A first call runs partly in V8's interpreter and baseline tiers: on
 *    this repo's workloads the first one to four calls at an input were 3–20× slower than the
 *    steady state (sort-map at 256 KiB: 8.2, 3.5, 0.8, then 0.4 ms; q-aggregate at 167 KB with a
 *    collection before each call: 5.8, 12.5, 10.5, 15.0, then 0.7 ms), and that, not the input
 *    size, set the runtime of small inputs.
 * 2. timed calls (`timedCalls`): garbage collected before each, then the process CPU time
 *    (`process.cpuUsage`, user + system) and the wall time (`performance.now`) around the call
 *    alone; the medians are reported. CPU time is what the body costs on a core of its own; unlike
 *    wall time it does not count time spent waiting for a core that other processes hold. It is
 *    the body's own only if nothing else in the process runs meanwhile: collect-traces runs under
 *    V8's --single-threaded (no background compilation or GC threads; their work lands in the
 *    calls that cause it) with the parent thread idle.
 * 3. one memory call: input bytes + the peak growth of the memory probe's sample, garbage collected
 *    before every sample (src/workloads/memory-probe.ts), so it counts live data only. It is a separate call
 *    because those collections take time.
 * With no options it makes one timed call and measures memory in that same call without collecting
 * at the samples (a cold first invocation must be measured as it comes).
 */
import { median } from "../../src/util/median.js";
import { sluiceError } from "../../src/errors.js";
import { armMemoryProbe, disarmMemoryProbe } from "../../src/workloads/memory-probe.js";
import { stageFunction } from "../../src/workloads/functions/stage-functions.js";
import { totalLength } from "../../src/workloads/types.js";

export interface InvocationMeasurement {
  /** Median process CPU time of the timed calls, ms. */
  readonly runtimeMs: number;
  /** Median wall time of the timed calls, ms. */
  readonly wallMs: number;
  /** Input bytes + peak working-memory growth over the call, in bytes. */
  readonly memoryBytes: number;
  readonly outputBytes: number;
  readonly outputs: Uint8Array[];
}

export interface MeasureOptions {
  /** Runs a full collection (collect-traces passes exposeGc()); without it nothing is collected. */
  readonly collectGarbage?: () => void;
  /** Untimed calls before the timed ones (default 0). */
  readonly warmupCalls?: number;
  /** Warm-up stops once its calls have taken this much wall time (default: no limit). */
  readonly warmupBudgetMs?: number;
  /** Timed calls, reported as their median (default 1). */
  readonly timedCalls?: number;
  /** Measure memory in a separate call with live-data samples (default: in the first timed call). */
  readonly separateMemoryCall?: boolean;
}

export function measureInvocation(functionName: string, input: Uint8Array, params: unknown, options: MeasureOptions = {}): InvocationMeasurement {
  const fn = stageFunction(functionName);
  const { collectGarbage, warmupCalls = 0, warmupBudgetMs = Infinity, timedCalls = 1, separateMemoryCall = false } = options;
  if (!(Number.isInteger(timedCalls) && timedCalls >= 1)) throw sluiceError("workloads.badArgument", { path: ["timedCalls"], expected: "an integer ≥ 1", actual: timedCalls, params: { what: "timedCalls" } });
  const warmStart = performance.now();
  for (let i = 0; i < warmupCalls && performance.now() - warmStart < warmupBudgetMs; i++) fn(input, params);
  const cpuMs: number[] = [];
  const wallMs: number[] = [];
  let outputs: Uint8Array[] = [];
  let memoryBytes = 0;
  for (let i = 0; i < timedCalls; i++) {
    collectGarbage?.();
    const inlineMemory = i === 0 && !separateMemoryCall;
    const baselineBytes = inlineMemory ? armMemoryProbe() : 0;
    let peakBytes = baselineBytes;
    try {
      const cpu = process.cpuUsage();
      const startMs = performance.now();
      outputs = fn(input, params).outputs;
      wallMs.push(performance.now() - startMs);
      const used = process.cpuUsage(cpu);
      cpuMs.push((used.user + used.system) / 1000);
    } finally {
      if (inlineMemory) peakBytes = disarmMemoryProbe();
    }
    if (inlineMemory) memoryBytes = input.length + Math.max(0, peakBytes - baselineBytes);
  }
  if (separateMemoryCall) {
    const baselineBytes = armMemoryProbe(collectGarbage);
    let peakBytes = baselineBytes;
    try {
      outputs = fn(input, params).outputs;
    } finally {
      peakBytes = disarmMemoryProbe();
    }
    memoryBytes = input.length + Math.max(0, peakBytes - baselineBytes);
  }
  return { runtimeMs: median(cpuMs), wallMs: median(wallMs), memoryBytes, outputBytes: totalLength(outputs), outputs };
}
