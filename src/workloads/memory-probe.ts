/**
 * Peak-memory probe for one invocation. Workloads call `sampleMemory()` at their phase boundaries
 * (after parsing, after building their main structure, after encoding outputs); it is a no-op
 * unless a measurement is armed. A sample is this isolate's V8 used heap plus the process's
 * ArrayBuffer bytes (Buffers and typed arrays live outside the heap). The collector runs one
 * invocation at a time and the parent is idle meanwhile, so the growth of that sum over the
 * invocation is the invocation's own working memory.
 *
 * Armed with `collectGarbage`, the probe collects before every sample, so a sample counts live data
 * only: without it, a sample also counts garbage not yet collected, whose amount depends on when the
 * last scavenge ran and on whether the code was optimised (unoptimised code boxes numbers on the
 * heap), not on the input. The collections take time, so such a call must not be timed.
 */
import v8 from "node:v8";

let armed = false;
let peakBytes = 0;
let collect: (() => void) | undefined;

/** Current sample: V8 used heap of this isolate + process ArrayBuffer bytes. */
export function currentMemoryBytes(): number {
  return v8.getHeapStatistics().used_heap_size + process.memoryUsage().arrayBuffers;
}

/** Records a sample if a measurement is armed. */
export function sampleMemory(): void {
  if (!armed) return;
  collect?.();
  const bytes = currentMemoryBytes();
  if (bytes > peakBytes) peakBytes = bytes;
}

/** Starts a measurement; returns the baseline sample. `collectGarbage`: collect before each sample (live data only). */
export function armMemoryProbe(collectGarbage?: () => void): number {
  collect = collectGarbage;
  collect?.();
  armed = true;
  peakBytes = currentMemoryBytes();
  return peakBytes;
}

/** Ends a measurement (taking one last sample); returns the peak sample. */
export function disarmMemoryProbe(): number {
  sampleMemory();
  armed = false;
  collect = undefined;
  return peakBytes;
}
