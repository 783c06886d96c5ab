/**
 * Runs one stage function once and measures it: wall time (performance.now around the function
 * call only) and memory (input bytes + the growth of the memory-probe sample, V8 used heap +
 * ArrayBuffer bytes, from just before the call to its peak at the function's phase boundaries).
 * `collectGarbage`, when given, runs before the baseline so earlier garbage is not counted.
 */
import { armMemoryProbe, disarmMemoryProbe } from "./memory-probe.js";
import { stageFunction } from "./stage-functions.js";
import { totalLength } from "./types.js";

export interface InvocationMeasurement {
  readonly runtimeMs: number;
  /** Input bytes + peak working-memory growth over the call, in bytes. */
  readonly memoryBytes: number;
  readonly outputBytes: number;
  readonly outputs: Uint8Array[];
}

export function measureInvocation(functionName: string, input: Uint8Array, params: unknown, collectGarbage?: () => void): InvocationMeasurement {
  const fn = stageFunction(functionName);
  collectGarbage?.();
  const baselineBytes = armMemoryProbe();
  let outputs: Uint8Array[] = [];
  let runtimeMs = 0;
  let peakBytes = baselineBytes;
  try {
    const startMs = performance.now();
    outputs = fn(input, params).outputs;
    runtimeMs = performance.now() - startMs;
  } finally {
    peakBytes = disarmMemoryProbe();
  }
  const memoryBytes = input.length + Math.max(0, peakBytes - baselineBytes);
  return { runtimeMs, memoryBytes, outputBytes: totalLength(outputs), outputs };
}
