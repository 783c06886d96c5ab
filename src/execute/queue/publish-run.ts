/**
 * Publishing a run so that its workers join: the run record (run-record.ts) is written and listed
 * among the active runs, workers are told on the runs channel, and the executor waits until every
 * VM of the run has said it joined (its worker on the run's queue started, its clients warmed), or
 * fails naming the VMs that did not within the timeout.
 */
import type { Redis } from "ioredis";
import { BackendError } from "../backend-error.js";
import { safeRedisUrl } from "../backend-config.js";
import { RUNS_CHANNEL, runJoinedKey, runKey } from "./keys.js";
import { ACTIVE_RUNS_KEY, type RunRecord } from "./run-record.js";

export async function publishRun(redis: Redis, record: RunRecord, joinTimeoutMs: number, redisUrl: string): Promise<void> {
  await redis.multi().set(runKey(record.runId), JSON.stringify(record)).sadd(ACTIVE_RUNS_KEY, record.runId).exec();
  await redis.publish(RUNS_CHANNEL, `start ${record.runId}`);
  await waitForJoin(redis, record.runId, record.vms, joinTimeoutMs, redisUrl);
}

async function waitForJoin(redis: Redis, runId: string, vms: readonly string[], timeoutMs: number, redisUrl: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const joined = new Set(await redis.smembers(runJoinedKey(runId)));
    const missing = vms.filter((vm) => !joined.has(vm));
    if (missing.length === 0) return;
    if (Date.now() > deadline) throw new BackendError("worker", safeRedisUrl(redisUrl), `VMs ${missing.join(", ")} did not join run ${runId} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
