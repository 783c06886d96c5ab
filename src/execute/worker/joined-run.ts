/**
 * A VM's membership of one run: joining starts a BullMQ Worker on the run's queue for this VM
 * (concurrency = its slots) that runs instance jobs on the VM's thread pool, with the run's NIC
 * rates, object store and cache (clients opened once per run); leaving closes them and deletes
 * the run's files. A job whose failure no retry can mend is made unrecoverable for BullMQ.
 */
import type { Worker as BullWorker } from "bullmq";
import type { Redis } from "ioredis";
import type { FunctionPool } from "../functions/function-pool.js";
import type { InstanceJob } from "../queue/job-data.js";
import { runJoinedKey, vmQueue } from "../queue/keys.js";
import { redisOptions } from "../queue/redis-connect.js";
import type { RunRecord } from "../queue/run-record.js";
import { CacheClient } from "../store/cache-client.js";
import { ObjectStoreClient } from "../store/object-store-client.js";
import { createNic, type Nic } from "../store/token-bucket.js";
import type { VmStorage } from "../store/vm-storage.js";
import { InstanceError, runInstance, type InstanceContext } from "./run-instance.js";

export interface JoinedRun {
  readonly record: RunRecord;
  readonly worker: BullWorker;
  readonly nic: Nic;
  store?: Promise<ObjectStoreClient>;
  cache?: Promise<CacheClient>;
}

/** What every run a VM joins shares. */
export interface VmSide {
  readonly vm: string;
  readonly redis: Redis;
  readonly redisUrl: string;
  readonly slots: number;
  readonly storage: VmStorage;
  readonly pool: FunctionPool;
  /** NIC rate when the run does not set one (undefined: not shaped). */
  readonly nicBytesPerSecond: number | undefined;
  readonly addressOf: (vm: string) => Promise<string>;
  /** BullMQ's Worker class (loaded once when the VM starts). */
  readonly Worker: typeof import("bullmq").Worker;
}

/** Joins `record`'s run; `onJoined` sees the run before its clients are warmed, so the direct server can shape its pulls at once. */
export async function joinRun(side: VmSide, record: RunRecord, onJoined: (run: JoinedRun) => void): Promise<void> {
  const nic = record.nicBytesPerSecond === null ? createNic(side.nicBytesPerSecond) : createNic(record.nicBytesPerSecond);
  // Direct pullers of this run's outputs share this out bucket with the run's uploads (direct-server.ts).
  const joined: Partial<JoinedRun> & { record: RunRecord; nic: Nic } = { record, nic };
  const ctx: InstanceContext = {
    vm: side.vm,
    runId: record.runId,
    storage: side.storage,
    nic,
    connections: record.connections,
    pool: side.pool,
    prefix: record.objectStore.prefix,
    objectPrefixes: record.objectPrefixes ?? 1,
    ...(record.rangeBytes !== undefined ? { rangeBytes: record.rangeBytes } : {}),
    objectStore: () => (joined.store ??= ObjectStoreClient.create(record.objectStore)),
    cache: () => (joined.cache ??= CacheClient.create(record.cacheUrl)),
    addressOf: side.addressOf,
  };
  const worker = new side.Worker<InstanceJob>(
    vmQueue(record.runId, side.vm),
    async (job) => {
      try {
        return await runInstance(job.data, ctx, job.attemptsMade + 1);
      } catch (e) {
        if (e instanceof InstanceError && !e.retry) throw new (await import("bullmq")).UnrecoverableError(e.message);
        throw e;
      }
    },
    { connection: redisOptions(side.redisUrl), concurrency: side.slots, lockDuration: record.lockDurationMs, stalledInterval: record.lockDurationMs, maxStalledCount: 1 },
  );
  worker.on("error", () => undefined);
  // The run is this same object: the clients opened below (and by jobs) are the ones leaveRun closes.
  onJoined(Object.assign(joined, { worker }) as JoinedRun);
  // Load the S3 client (and connect to the cache, when the run uses it) before saying we joined, so
  // the run's first jobs do not pay for it: the platform's latencies are calibrated on open connections.
  await ctx.objectStore().catch(() => undefined);
  if (record.usesCache === true) {
    await ctx.cache().catch(() => {
      joined.cache = undefined; // the first job that needs the cache connects again and reports why it cannot
    });
  }
  await side.redis.sadd(runJoinedKey(record.runId), side.vm);
}

/** Leaves a joined run: its worker closed, its clients closed, its files deleted, its membership withdrawn. */
export async function leaveRun(side: VmSide, r: JoinedRun): Promise<void> {
  await r.worker.close(true).catch(() => undefined);
  (await r.store?.catch(() => undefined))?.close();
  (await r.cache?.catch(() => undefined))?.close();
  await side.storage.removeRun(r.record.runId);
  await side.redis.srem(runJoinedKey(r.record.runId), side.vm).catch(() => undefined);
}
