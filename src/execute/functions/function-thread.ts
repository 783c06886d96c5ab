/**
 * Worker-thread entry: runs one stage invocation per message and replies with its outputs (their
 * buffers transferred, not copied) and its measurements: wall time of the function alone and
 * memory (inputs + the growth of V8 heap and ArrayBuffer bytes, sampled as in the trace collector;
 * approximate when several threads of one VM compute at once).
 * An invocation is cold when it is this thread's first call of its function (module load, no JIT yet).
 * Messages: { id, fn, inputs, meta } → { id, ok: true, outputs, runtimeMs, memoryBytes, computeStartMs, computeEndMs, cold } | { id, ok: false, error }.
 */
import { PassThrough, Readable } from "node:stream";
import { parentPort } from "node:worker_threads";
import { buildApps } from "../../workloads/apps.js";
import { armMemoryProbe, disarmMemoryProbe } from "../../workloads/memory-probe.js";
import { stageFunction } from "../../workloads/functions/stage-functions.js";
import { concatBytes } from "../../workloads/types.js";
import { nowMs } from "../clock.js";
import type { FunctionRef } from "./function-ref.js";
import { plannedPartsParams } from "./planned-parts.js";
import type { StageIo, UserStageFunction } from "./stage-io.js";

export interface InvocationRequest {
  readonly id: number;
  readonly fn: FunctionRef;
  readonly inputs: Uint8Array[];
  readonly meta: { readonly stageId: string; readonly index: number; readonly instances: number; readonly fanout: number };
}

export interface InvocationReply {
  readonly id: number;
  readonly ok: boolean;
  readonly error?: string;
  readonly outputs?: Uint8Array[];
  readonly runtimeMs?: number;
  readonly memoryBytes?: number;
  readonly computeStartMs?: number;
  readonly computeEndMs?: number;
  readonly cold?: boolean;
}

let workloadParams: Map<string, unknown> | undefined;
function paramsOf(name: string): unknown {
  workloadParams ??= new Map(buildApps().flatMap((a) => a.stages.map((s) => [s.function, s.params] as const)));
  return workloadParams.get(name) ?? {};
}

const modules = new Map<string, Promise<UserStageFunction>>();
function loadModule(url: string, exportName: string): Promise<UserStageFunction> {
  const key = `${url}#${exportName}`;
  let p = modules.get(key);
  if (p === undefined) {
    p = import(url).then((m: Record<string, unknown>) => {
      const fn = m[exportName];
      if (typeof fn !== "function") throw new TypeError(`${url}: expected an exported function "${exportName}", got ${typeof fn}`);
      return fn as UserStageFunction;
    });
    modules.set(key, p);
  }
  return p;
}

async function runUser(fn: UserStageFunction, req: InvocationRequest): Promise<Uint8Array[]> {
  const parts = new Map<number, Buffer[]>();
  const streams: PassThrough[] = [];
  const io: StageIo = {
    ...req.meta,
    inputs: req.inputs.map((b) => Readable.from([Buffer.from(b.buffer, b.byteOffset, b.length)], { objectMode: false })),
    output(partition: number) {
      if (!Number.isInteger(partition) || partition < 0) throw new RangeError(`output partition: expected an integer ≥ 0, got ${partition}`);
      const chunks = parts.get(partition) ?? [];
      parts.set(partition, chunks);
      const s = new PassThrough();
      s.on("data", (c: Buffer) => chunks.push(c));
      streams.push(s);
      return s;
    },
  };
  await fn(io);
  await Promise.all(streams.map((s) => (s.writableFinished ? undefined : new Promise<void>((resolve, reject) => {
    s.once("finish", () => resolve());
    s.once("error", reject);
    if (!s.writableEnded) s.end();
  }))));
  const count = parts.size === 0 ? 0 : Math.max(...parts.keys()) + 1;
  return Array.from({ length: count }, (_, k) => new Uint8Array(Buffer.concat(parts.get(k) ?? [])));
}

const called = new Set<string>();

async function invoke(req: InvocationRequest): Promise<InvocationReply> {
  const fn = req.fn;
  const key = fn.kind === "module" ? `${fn.url}#${fn.exportName}` : fn.name;
  const cold = !called.has(key);
  called.add(key);
  const user = fn.kind === "module" ? await loadModule(fn.url, fn.exportName) : undefined;
  const input = user === undefined ? (req.inputs.length === 1 ? req.inputs[0]! : concatBytes(req.inputs)) : undefined;
  const inputBytes = req.inputs.reduce((a, b) => a + b.length, 0);
  const baseline = armMemoryProbe();
  const computeStartMs = nowMs();
  let outputs: Uint8Array[];
  let peak = baseline;
  try {
    outputs = fn.kind === "module" ? await runUser(user!, req) : stageFunction(fn.name)(input!, plannedPartsParams(paramsOf(fn.name), inputBytes, req.meta.fanout)).outputs;
  } finally {
    peak = disarmMemoryProbe();
  }
  const computeEndMs = nowMs();
  return { id: req.id, ok: true, outputs, runtimeMs: computeEndMs - computeStartMs, memoryBytes: inputBytes + Math.max(0, peak - baseline), computeStartMs, computeEndMs, cold };
}

parentPort?.on("message", (req: InvocationRequest) => {
  invoke(req).then(
    (reply) => parentPort!.postMessage(reply, reply.outputs!.map((o) => o.buffer as ArrayBuffer).filter((b, k, all) => all.indexOf(b) === k)),
    (e: unknown) => parentPort!.postMessage({ id: req.id, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) } satisfies InvocationReply),
  );
});
