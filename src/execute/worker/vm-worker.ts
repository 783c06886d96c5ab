/**
 * A VM: one worker process. It registers its HTTP address in Redis (`sluice:vm:<vm>`, refreshed
 * every heartbeat, expiring three heartbeats after the process dies), serves its outputs to direct
 * pullers, and joins every run whose record lists it: a BullMQ Worker on the run's queue for this VM
 * (concurrency = its slots) runs instance jobs on its thread pool. When a run ends it leaves it and
 * deletes the run's files. Workers on other machines pointed at the same Redis join the same way.
 */
import type { Worker as BullWorker } from "bullmq";
import type { Redis } from "ioredis";
import { cpus } from "node:os";
import { CacheClient } from "../store/cache-client.js";
import { startDirectServer, type DirectServer } from "../store/direct-server.js";
import { FunctionPool } from "../functions/function-pool.js";
import type { InstanceJob } from "../queue/job-data.js";
import { checkName, RUNS_CHANNEL, runJoinedKey, runKey, vmKey, vmQueue } from "../queue/keys.js";
import { ObjectStoreClient } from "../store/object-store-client.js";
import { connectRedis, redisOptions } from "../queue/redis-connect.js";
import { ACTIVE_RUNS_KEY, parseRunRecord, type RunRecord } from "../queue/run-record.js";
import { InstanceError, runInstance, type InstanceContext } from "./run-instance.js";
import { createNic, type Nic } from "../store/token-bucket.js";
import { defaultVmRoot, VmStorage } from "../store/vm-storage.js";

export interface VmWorkerOptions {
  readonly redisUrl: string;
  readonly vm: string;
  /** Instances run at once (default: the machine's cores). */
  readonly slots?: number;
  readonly root?: string;
  /** Interface the direct server listens on, and the host other VMs reach it by. */
  readonly host?: string;
  readonly advertiseHost?: string;
  /** NIC rate when the run does not set one (default: not shaped). */
  readonly nicBytesPerSecond?: number;
  readonly heartbeatMs?: number;
}

interface JoinedRun {
  readonly record: RunRecord;
  readonly worker: BullWorker;
  readonly nic: Nic;
  store?: Promise<ObjectStoreClient>;
  cache?: Promise<CacheClient>;
}

export interface VmWorker {
  readonly vm: string;
  readonly address: string;
  stop(): Promise<void>;
}

export async function startVmWorker(o: VmWorkerOptions): Promise<VmWorker> {
  const vm = checkName("vm", o.vm);
  const slots = o.slots ?? cpus().length;
  const heartbeatMs = o.heartbeatMs ?? 1000;
  const redis = await connectRedis("redis", o.redisUrl);
  const sub = await connectRedis("redis", o.redisUrl);
  const storage = new VmStorage(o.root ?? defaultVmRoot(vm));
  const serverNic = createNic(o.nicBytesPerSecond);
  const runs = new Map<string, JoinedRun>();
  const server: DirectServer = await startDirectServer(storage, (run) => (runs.get(run)?.nic ?? serverNic).out, o.host ?? "127.0.0.1", o.advertiseHost ?? o.host ?? "127.0.0.1");
  const pool = new FunctionPool(slots);
  // Load the S3 client now, not in a run's first job.
  await import("@aws-sdk/client-s3");
  const { Worker } = await import("bullmq");
  const addresses = new Map<string, string>();
  let stopping = false;

  const beat = async () => {
    await redis.multi().hset(vmKey(vm), { address: server.address, slots: String(slots), pid: String(process.pid) }).pexpire(vmKey(vm), heartbeatMs * 3).exec();
  };
  await beat();
  const heartbeat = setInterval(() => void beat().catch(() => undefined), heartbeatMs);

  const addressOf = async (other: string): Promise<string> => {
    if (other === vm) return server.address;
    const known = addresses.get(other);
    if (known !== undefined) return known;
    const address = await redis.hget(vmKey(other), "address");
    if (address === null) throw new Error(`VM ${other} is not registered (its worker is gone)`);
    addresses.set(other, address);
    return address;
  };

  const join = async (record: RunRecord) => {
    const nic = record.nicBytesPerSecond === null ? createNic(o.nicBytesPerSecond) : createNic(record.nicBytesPerSecond);
    // Direct pullers of this run's outputs share this out bucket with the run's uploads (direct-server.ts).
    const joined: Partial<JoinedRun> & { record: RunRecord; nic: Nic } = { record, nic };
    const ctx: InstanceContext = {
      vm,
      runId: record.runId,
      storage,
      nic,
      connections: record.connections,
      pool,
      prefix: record.objectStore.prefix,
      objectPrefixes: record.objectPrefixes ?? 1,
      ...(record.rangeBytes !== undefined ? { rangeBytes: record.rangeBytes } : {}),
      objectStore: () => (joined.store ??= ObjectStoreClient.create(record.objectStore)),
      cache: () => (joined.cache ??= CacheClient.create(record.cacheUrl)),
      addressOf,
    };
    const worker = new Worker<InstanceJob>(
      vmQueue(record.runId, vm),
      async (job) => {
        try {
          return await runInstance(job.data, ctx, job.attemptsMade + 1);
        } catch (e) {
          if (e instanceof InstanceError && !e.retry) throw new (await import("bullmq")).UnrecoverableError(e.message);
          throw e;
        }
      },
      { connection: redisOptions(o.redisUrl), concurrency: slots, lockDuration: record.lockDurationMs, stalledInterval: record.lockDurationMs, maxStalledCount: 1 },
    );
    worker.on("error", () => undefined);
    runs.set(record.runId, { ...joined, worker } as JoinedRun);
    // Load the S3 client (and connect to the cache, when the run uses it) before saying we joined, so
    // the run's first jobs do not pay for it: the platform's latencies are calibrated on open connections.
    await ctx.objectStore().catch(() => undefined);
    if (record.usesCache === true) {
      await ctx.cache().catch(() => {
        joined.cache = undefined; // the first job that needs the cache connects again and reports why it cannot
      });
    }
    await redis.sadd(runJoinedKey(record.runId), vm);
  };

  const leave = async (runId: string) => {
    const r = runs.get(runId);
    if (r === undefined) return;
    runs.delete(runId);
    await r.worker.close(true).catch(() => undefined);
    (await r.store?.catch(() => undefined))?.close();
    (await r.cache?.catch(() => undefined))?.close();
    await storage.removeRun(runId);
    await redis.srem(runJoinedKey(runId), vm).catch(() => undefined);
  };

  let reconciling = Promise.resolve();
  const reconcile = () => {
    reconciling = reconciling.then(async () => {
      if (stopping) return;
      const active = new Set(await redis.smembers(ACTIVE_RUNS_KEY));
      for (const runId of runs.keys()) if (!active.has(runId)) await leave(runId);
      for (const runId of active) {
        if (runs.has(runId)) continue;
        const record = parseRunRecord(await redis.get(runKey(runId)));
        if (record !== undefined && record.vms.includes(vm)) await join(record);
      }
    }).catch(() => undefined);
    return reconciling;
  };
  await sub.subscribe(RUNS_CHANNEL);
  sub.on("message", () => void reconcile());
  await reconcile();
  const poll = setInterval(() => void reconcile(), 2000);

  return {
    vm,
    address: server.address,
    async stop() {
      stopping = true;
      clearInterval(heartbeat);
      clearInterval(poll);
      await reconciling;
      for (const runId of [...runs.keys()]) await leave(runId);
      await redis.del(vmKey(vm)).catch(() => undefined);
      sub.disconnect();
      redis.disconnect();
      await server.close();
      await pool.close();
      await storage.removeAll();
    },
  };
}
