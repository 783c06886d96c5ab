/**
 * Joining and leaving a run against a real redis-server (queues and cache alike): leaving closes
 * every connection joining opened, so a long-lived worker that serves many runs holds no more
 * connections after them than before. Skipped only when redis-server cannot be started.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { FunctionPool } from "../functions/function-pool.js";
import { runJoinedKey } from "../queue/keys.js";
import type { RunRecord } from "../queue/run-record.js";
import { startRedisServer } from "../servers/start-redis.js";
import type { ServerProcess } from "../servers/server-process.js";
import { VmStorage } from "../store/vm-storage.js";
import { joinRun, leaveRun, type JoinedRun, type VmSide } from "./joined-run.js";

const server = await startRedisServer().catch((e: unknown) => e as Error);
const started = !(server instanceof Error);
if (!started) console.warn(`skipping joined-run's tests: ${(server as Error).message}`);

describe.skipIf(!started)("joinRun / leaveRun on redis-server", () => {
  const redisServer = server as ServerProcess;
  const admin = new Redis(redisServer.url);
  let root: string;
  const pool = new FunctionPool(1);
  afterAll(async () => {
    admin.disconnect();
    await pool.close();
    await redisServer.stop();
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  /** Connections the server holds, this test's own admin connection included. */
  const clients = async () => ((await admin.client("LIST")) as string).trim().split("\n").length;
  const until = async (what: () => Promise<boolean>) => {
    for (let k = 0; k < 100 && !(await what()); k++) await new Promise((r) => setTimeout(r, 50));
  };

  it("leaves no connection behind: each of three runs (with the cache) opens its own and closes them all", async () => {
    root = await mkdtemp(path.join(tmpdir(), "sluice-joined-run-"));
    const redis = new Redis(redisServer.url);
    const { Worker } = await import("bullmq");
    const side: VmSide = { vm: "vm-0", redis, redisUrl: redisServer.url, slots: 1, storage: new VmStorage(root), pool, nicBytesPerSecond: undefined, addressOf: async () => "", Worker };
    await until(async () => (await clients()) === 2);
    const before = await clients();
    for (const runId of ["r1", "r2", "r3"]) {
      const record: RunRecord = {
        runId,
        vms: ["vm-0"],
        cacheUrl: redisServer.url,
        objectStore: { endpoint: "http://127.0.0.1:9", region: "us-east-1", bucket: "b", prefix: "p/", forcePathStyle: true, partSizeBytes: 1 << 20 },
        nicBytesPerSecond: null,
        connections: 1,
        lockDurationMs: 5000,
        objectPrefixes: 1,
        usesCache: true,
      };
      let joined: JoinedRun | undefined;
      await joinRun(side, record, (r) => (joined = r));
      expect(await admin.sismember(runJoinedKey(runId), "vm-0")).toBe(1);
      // Joined: the BullMQ worker's connections and the cache's are open.
      expect(await clients()).toBeGreaterThan(before);
      await leaveRun(side, joined!);
      // Left: back to the connections before the run (the worker's and the cache's closed).
      await until(async () => (await clients()) === before);
      expect(await clients()).toBe(before);
      expect(await admin.sismember(runJoinedKey(runId), "vm-0")).toBe(0);
    }
    redis.disconnect();
  }, 60_000);
});
