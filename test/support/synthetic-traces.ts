/**
 * Seeded synthetic traces from known size laws, with multiplicative noise: the ground truth that
 * tests and the benchmark (before real traces exist) check fitting against.
 */
import type { TraceRecord } from "../../src/traces/trace-record.js";
import { mulberry32 } from "../../src/util/mulberry32.js";

export type SizeLawFn = (inputBytes: number) => number;

export interface SyntheticFunction {
  readonly app: string;
  readonly function: string;
  readonly runtimeMs: SizeLawFn;
  readonly memoryMb: SizeLawFn;
  readonly outputBytes: SizeLawFn;
  readonly fanout: SizeLawFn;
}

export interface SyntheticOptions {
  readonly inputBytes: readonly number[];
  /** Runs per input size. */
  readonly repeats?: number;
  /** Relative noise: each value is multiplied by 1 + noise · u, u uniform in [-1, 1]. */
  readonly noise?: number;
  readonly seed?: number;
}

/** A seeded PRNG giving floats in [0, 1). */
export const createRandom = mulberry32;

export function generateTraces(fns: readonly SyntheticFunction[], options: SyntheticOptions): TraceRecord[] {
  const random = createRandom(options.seed ?? 1);
  const noise = options.noise ?? 0;
  const jitter = (v: number) => Math.max(0, v * (1 + noise * (2 * random() - 1)));
  const out: TraceRecord[] = [];
  for (const f of fns) {
    for (const x of options.inputBytes) {
      for (let r = 0; r < (options.repeats ?? 1); r++) {
        out.push({
          app: f.app,
          function: f.function,
          inputBytes: x,
          runtimeMs: jitter(f.runtimeMs(x)),
          memoryMb: jitter(f.memoryMb(x)),
          outputBytes: Math.round(jitter(f.outputBytes(x))),
          fanout: Math.max(1, Math.round(f.fanout(x))),
        });
      }
    }
  }
  return out;
}

const MB = 1e6;
/** A MapReduce-sort-like app whose laws resemble the workloads': used until real traces exist. */
export const SYNTHETIC_SORT: readonly SyntheticFunction[] = [
  { app: "synthetic-sort", function: "split", runtimeMs: (x) => 40 + 0.9 * (x / MB), memoryMb: (x) => 60 + 1.1 * (x / MB), outputBytes: (x) => x, fanout: (x) => Math.ceil(x / (64 * MB)) },
  { app: "synthetic-sort", function: "sort", runtimeMs: (x) => 0.05 * (x / 1e3) ** 1.12, memoryMb: (x) => 50 + 2.2 * (x / MB), outputBytes: (x) => x, fanout: () => 1 },
  { app: "synthetic-sort", function: "merge", runtimeMs: (x) => 20 + 3e-12 * x * x, memoryMb: (x) => 80 + 0.5 * (x / MB), outputBytes: (x) => 0.98 * x, fanout: () => 1 },
];
