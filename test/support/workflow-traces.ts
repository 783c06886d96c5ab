/**
 * A small per-invocation trace in the shape published traces of serverless workflows have
 * (`func, start, end, is_cold, request_id, blob.download, blob.upload, provider.execution_duration,
 * max_mem_used, billing.mem`), generated from known laws so tests can check what is read and learned.
 * Each run (request_id) is a map-reduce: one `split` reads the run's input S, ⌈S / 8 MB⌉ `map`s read
 * S / k each, one `reduce` reads everything and writes 10%.
 *
 * Laws (warm, at 1024 MB): split 50 ms + 2 ms/MB, map 20 ms + 5 ms/MB, reduce 30 ms + 1 ms/MB;
 * memory 100 MB + 1.5 MB per MB read; a cold start adds `coldExtraMs` (default 800 ms). At another
 * memory setting m the runtime scales by (1024 / m)^0.5. Noise: ±`noise` uniform (default 3%).
 * Times: start/end in epoch seconds, provider.execution_duration in µs.
 */
import { mulberry32 } from "../../src/util/mulberry32.js";

export interface WorkflowTraceOptions {
  readonly runs: number;
  /** Run input sizes in MB, cycled. */
  readonly sizesMb?: readonly number[];
  readonly seed?: number;
  readonly noise?: number;
  /** Every n-th run starts cold (all its invocations). 0: never. */
  readonly coldEvery?: number;
  readonly coldExtraMs?: number;
  /** Memory settings cycled over runs (billing.mem). */
  readonly memorySettingsMb?: readonly number[];
}

export const WORKFLOW_HEADER = "func,start,end,is_cold,request_id,blob.download,blob.upload,provider.execution_duration,max_mem_used,billing.mem";
const MB = 1e6;
export const WORKFLOW_LAWS = {
  split: (mb: number) => 50 + 2 * mb,
  map: (mb: number) => 20 + 5 * mb,
  reduce: (mb: number) => 30 + 1 * mb,
  memoryMb: (mb: number) => 100 + 1.5 * mb,
} as const;

export function mapsFor(runBytes: number): number {
  return Math.ceil(runBytes / (8 * MB));
}

export function workflowTraceCsv(options: WorkflowTraceOptions): string {
  return [...workflowTraceLines(options)].join("\n") + "\n";
}

/** The same trace line by line (header first), for files too large to build as one string. */
export function* workflowTraceLines(options: WorkflowTraceOptions): Generator<string> {
  const random = mulberry32(options.seed ?? 1);
  const noise = options.noise ?? 0.03;
  const sizes = options.sizesMb ?? [1, 4, 16, 32, 64];
  const settings = options.memorySettingsMb ?? [1024];
  const jitter = () => 1 + noise * (2 * random() - 1);
  yield WORKFLOW_HEADER;
  let clock = 1.7e9;
  for (let r = 0; r < options.runs; r++) {
    const S = sizes[r % sizes.length]! * MB;
    const mem = settings[r % settings.length]!;
    const cold = (options.coldEvery ?? 0) > 0 && r % options.coldEvery! === 0;
    const speed = Math.sqrt(1024 / mem);
    const k = mapsFor(S);
    const id = `run-${String(r).padStart(6, "0")}`;
    const emit = (func: "split" | "map" | "reduce", inBytes: number, outBytes: number) => {
      const warmMs = WORKFLOW_LAWS[func](inBytes / MB) * speed;
      const ms = (warmMs + (cold ? options.coldExtraMs ?? 800 : 0)) * jitter();
      const start = clock;
      const end = start + ms / 1000;
      clock = end + 0.01;
      const memUsed = WORKFLOW_LAWS.memoryMb(inBytes / MB) * jitter();
      return [func, start.toFixed(6), end.toFixed(6), cold ? "True" : "False", id, Math.round(inBytes), Math.round(outBytes), Math.round(ms * 1000), memUsed.toFixed(1), mem].join(",");
    };
    yield emit("split", S, S);
    for (let i = 0; i < k; i++) yield emit("map", S / k, S / k);
    yield emit("reduce", S, S / 10);
  }
}
