/**
 * Leaves nothing behind, after success and after failure alike: the run is withdrawn (its record
 * deleted, workers told to leave; they delete their files), its queues obliterated, any key of its
 * BullMQ queues that survives deleted, every cache value of the run deleted, and every object under
 * the run's prefix deleted except the result (when kept). Each step runs even if an earlier one
 * failed; the first failure is rethrown at the end.
 */
import type { Redis } from "ioredis";
import type { CacheClient } from "../store/cache-client.js";
import type { Dispatcher } from "../queue/dispatcher.js";
import { cacheKeyPattern, RUNS_CHANNEL, runJoinedKey, runKey, runObjectPrefix } from "../queue/keys.js";
import type { Liveness } from "../queue/liveness.js";
import type { ObjectStoreClient } from "../store/object-store-client.js";
import { ACTIVE_RUNS_KEY } from "../queue/run-record.js";

export interface CleanupInput {
  readonly redis: Redis;
  readonly runId: string;
  readonly prefix: string;
  readonly store: ObjectStoreClient;
  readonly cache?: CacheClient;
  readonly dispatcher?: Dispatcher;
  readonly liveness?: Liveness;
  /** Object keys to keep (the result). */
  readonly keep: ReadonlySet<string>;
  readonly leaveTimeoutMs?: number;
}

export async function cleanupRun(c: CleanupInput): Promise<{ objects: number; cacheKeys: number }> {
  let firstError: unknown;
  const step = async <T>(fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      firstError ??= e;
      return fallback;
    }
  };
  await step(async () => {
    await c.redis.multi().srem(ACTIVE_RUNS_KEY, c.runId).del(runKey(c.runId)).exec();
    await c.redis.publish(RUNS_CHANNEL, `end ${c.runId}`);
    // Wait for the live workers to leave (they close their queue workers and delete their files).
    const deadline = Date.now() + (c.leaveTimeoutMs ?? 10_000);
    for (;;) {
      const joined = await c.redis.smembers(runJoinedKey(c.runId));
      const waiting = joined.filter((vm) => c.liveness?.isAlive(vm) ?? true);
      if (waiting.length === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }, undefined);
  await step(async () => c.dispatcher?.close(), undefined);
  await step(async () => {
    let cursor = "0";
    do {
      const [next, keys] = await c.redis.scan(cursor, "MATCH", `bull:sluice-${c.runId}-*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await c.redis.unlink(...keys);
    } while (cursor !== "0");
    await c.redis.del(runJoinedKey(c.runId));
  }, undefined);
  const cacheKeys = await step(async () => (c.cache === undefined ? 0 : c.cache.deleteMatching(cacheKeyPattern(c.runId))), 0);
  const objects = await step(async () => c.store.deleteKeys((await c.store.listKeys(runObjectPrefix(c.prefix, c.runId))).filter((k) => !c.keep.has(k))), 0);
  if (firstError !== undefined) throw firstError;
  return { objects, cacheKeys };
}
