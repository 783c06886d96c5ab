/**
 * A VM: one worker process. It registers its HTTP address in Redis (vm-registry.ts), serves its
 * outputs to direct pullers, and joins every run whose record lists it (joined-run.ts: a BullMQ
 * Worker on the run's queue for this VM runs instance jobs on its thread pool). When a run ends it
 * leaves it and deletes the run's files. Workers on other machines pointed at the same Redis join
 * the same way.
 */
import { cpus } from "node:os";
import { FunctionPool } from "../functions/function-pool.js";
import { checkName, RUNS_CHANNEL, runKey, vmKey } from "../queue/keys.js";
import { connectRedis } from "../queue/redis-connect.js";
import { ACTIVE_RUNS_KEY, parseRunRecord } from "../queue/run-record.js";
import { startDirectServer, type DirectServer } from "../store/direct-server.js";
import { createNic } from "../store/token-bucket.js";
import { defaultVmRoot, VmStorage } from "../store/vm-storage.js";
import { joinRun, leaveRun, type JoinedRun, type VmSide } from "./joined-run.js";
import { registerVm } from "./vm-registry.js";

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

export interface VmWorker {
  readonly vm: string;
  readonly address: string;
  stop(): Promise<void>;
}

export async function startVmWorker(o: VmWorkerOptions): Promise<VmWorker> {
  const vm = checkName("vm", o.vm);
  const slots = o.slots ?? cpus().length;
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
  let stopping = false;
  const registration = await registerVm(redis, vm, server.address, slots, o.heartbeatMs ?? 1000);
  const side: VmSide = { vm, redis, redisUrl: o.redisUrl, slots, storage, pool, nicBytesPerSecond: o.nicBytesPerSecond, addressOf: registration.addressOf, Worker };

  const leave = async (runId: string) => {
    const r = runs.get(runId);
    if (r === undefined) return;
    runs.delete(runId);
    await leaveRun(side, r);
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
        if (record !== undefined && record.vms.includes(vm)) await joinRun(side, record, (run) => runs.set(record.runId, run));
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
      registration.stop();
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
