/**
 * The job processor: one stage instance on this VM. Reads its inputs (each range through its
 * mode's transfer module, `connections` at once), runs the function on the VM's thread pool, then
 * stores the output where its receivers' modes read it: one file if any receiver reads vm-local or
 * direct, one object / one cache value holding the partitions the remote / cache receivers need, the
 * result object for a sink. Names are deterministic, so a retry overwrites rather than adds.
 * Failures are tagged (job-data.ts FAILURE_TAGS) and name the stage and instance.
 */
import { BackendError } from "../backend-error.js";
import { nowMs } from "../clock.js";
import type { FunctionPool } from "../functions/function-pool.js";
import { cacheKey, intermediateObjectKey, outputFileName } from "../queue/keys.js";
import { forEachLimited } from "../store/for-each-limited.js";
import { partitionsByMode } from "../routing/routing.js";
import { TRANSFER_REGISTRY } from "../transfer/registry.js";
import { InputLostError, type TransferContext } from "../transfer/transfer-module.js";
import { FAILURE_TAGS, type InstanceJob, type InstanceOutcome, type StoredCopy, type TransferRecord } from "../queue/job-data.js";
import { concatBytes } from "../../workloads/types.js";

export interface InstanceContext extends TransferContext {
  readonly pool: FunctionPool;
  readonly prefix: string;
  readonly objectPrefixes: number;
}

const DIRECT_PULLS_AT_ONCE = 8;

/** A failed instance, tagged; `retry` false when another attempt on this VM cannot help (its input is gone). */
export class InstanceError extends Error {
  override name = "InstanceError";
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

export async function runInstance(job: InstanceJob, ctx: InstanceContext, attempt: number): Promise<InstanceOutcome> {
  const who = `stage "${job.stageId}" instance ${job.index}`;
  try {
    return await runInstanceUnwrapped(job, ctx, attempt);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (e instanceof InputLostError) throw new InstanceError(`${FAILURE_TAGS.inputLost} ${who}: input lost: ${msg}`, false);
    if (e instanceof BackendError) throw new InstanceError(`${FAILURE_TAGS.backend} ${who}: ${e.summary}`, true);
    throw new InstanceError(`${FAILURE_TAGS.function} ${who} (${job.fn.kind === "workload" ? job.fn.name : job.fn.url}) on VM ${ctx.vm}: ${msg}`, true);
  }
}

async function runInstanceUnwrapped(job: InstanceJob, ctx: InstanceContext, attempt: number): Promise<InstanceOutcome> {
  const startMs = nowMs();
  const transfers: TransferRecord[] = [];
  const inputs: Uint8Array[] = new Array(job.reads.length);
  const byKind = new Map<string, TransferRecord[]>();
  const limit = Math.max(ctx.connections, job.reads.every((r) => r.kind === "direct" || r.kind === "vm-local") ? DIRECT_PULLS_AT_ONCE : 1);
  await forEachLimited(job.reads.length, limit, async (k) => {
    const r = job.reads[k]!;
    const t0 = nowMs();
    const mode = r.kind === "input" ? "remote" : r.kind;
    const got = await TRANSFER_REGISTRY[mode].fetch(ctx, r.source, r.offset, r.length);
    inputs[k] = got.bytes;
    const rec: TransferRecord = { edge: r.edge, kind: r.kind, direction: "read", startMs: t0, endMs: nowMs(), bytes: got.io.bytes, requests: got.io.requests, ...(got.fallback || r.fallback ? { fallback: true } : {}) };
    const key = `${rec.edge}|${rec.kind}|${rec.fallback ?? false}`;
    byKind.set(key, [...(byKind.get(key) ?? []), rec]);
  });
  for (const recs of byKind.values()) transfers.push(mergeRecords(recs));
  const inputBytes = inputs.reduce((a, b) => a + b.length, 0);

  const result = await ctx.pool.run({ fn: job.fn, inputs, meta: { stageId: job.stageId, index: job.index, instances: job.instances, fanout: job.fanout } });
  const outputs = result.outputs;
  const partitionBytes = outputs.map((o) => o.length);
  const copies: StoredCopy[] = [];
  const all = outputs.map((_, p) => p);
  const write = async (kind: TransferRecord["kind"], edge: string, send: () => Promise<{ bytes: number; requests: number }>) => {
    const t0 = nowMs();
    const io = await send();
    transfers.push({ edge, kind, direction: "write", startMs: t0, endMs: nowMs(), bytes: io.bytes, requests: io.requests });
  };

  const fileEdges = job.outgoing.filter((e) => e.shares.some((s) => s.mode === "vm-local" || s.mode === "direct"));
  if (fileEdges.length > 0) {
    const name = outputFileName(job.stageNo, job.index);
    const localOnly = fileEdges.every((e) => e.shares.every((s) => s.mode === "vm-local"));
    await write(localOnly ? "vm-local" : "direct", fileEdges.map((e) => e.edge).join(","), () => TRANSFER_REGISTRY["vm-local"].send(ctx, name, concatBytes(outputs)));
    copies.push({ kind: "file", at: { vm: ctx.vm, name }, partitions: all });
  }
  for (const mode of ["remote", "cache"] as const) {
    const wanted = new Set<number>();
    const edges: string[] = [];
    for (const e of job.outgoing) {
      const parts = partitionsByMode(e.pattern, e.shares, job.index, outputs.length).get(mode);
      if (parts === undefined) continue;
      edges.push(e.edge);
      for (const p of parts) wanted.add(p);
    }
    if (edges.length === 0) continue;
    const partitions = [...wanted].sort((a, b) => a - b);
    const name = mode === "remote" ? intermediateObjectKey(ctx.prefix, job.runId, job.stageNo, job.index, ctx.objectPrefixes) : cacheKey(job.runId, job.stageNo, job.index);
    await write(mode, edges.join(","), () => TRANSFER_REGISTRY[mode].send(ctx, name, concatBytes(partitions.map((p) => outputs[p]!))));
    copies.push({ kind: mode, at: { name }, partitions });
  }
  if (job.resultKey !== undefined) {
    const key = job.resultKey;
    await write("output", "output", () => TRANSFER_REGISTRY.remote.send(ctx, key, concatBytes(outputs)));
    copies.push({ kind: "result", at: { name: key }, partitions: all });
  }
  return {
    vm: ctx.vm,
    stageNo: job.stageNo,
    index: job.index,
    round: job.round,
    attempt,
    partitionBytes,
    copies,
    startMs,
    computeStartMs: result.computeStartMs,
    computeEndMs: result.computeEndMs,
    finishMs: nowMs(),
    runtimeMs: result.runtimeMs,
    memoryBytes: result.memoryBytes,
    ...(result.cold ? { cold: true } : {}),
    inputBytes,
    outputBytes: partitionBytes.reduce((a, b) => a + b, 0),
    transfers,
  };
}

/** One interval per (edge, kind): from the first start to the last end, bytes and requests summed. */
function mergeRecords(recs: readonly TransferRecord[]): TransferRecord {
  const first = recs[0]!;
  return {
    ...first,
    startMs: Math.min(...recs.map((r) => r.startMs)),
    endMs: Math.max(...recs.map((r) => r.endMs)),
    bytes: recs.reduce((a, r) => a + r.bytes, 0),
    requests: recs.reduce((a, r) => a + r.requests, 0),
  };
}
