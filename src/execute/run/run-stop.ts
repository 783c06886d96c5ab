/**
 * What stops a run before it ends: the caller's AbortSignal (`sluice run` on SIGINT or SIGTERM) or
 * the executor's Redis lost for longer than `redisLostMs` (a dead server would otherwise leave
 * every queue call waiting for a reconnect that never comes). `stopped` rejects with a
 * RunFailedError or a BackendError naming Redis; execute() then cleans up as after any failure.
 */
import type { Redis } from "ioredis";
import { BackendError, describeBackendCause, RunFailedError } from "../backend-error.js";

export interface RunStop {
  readonly stopped: Promise<never>;
  /** True once Redis was declared lost (cleanup then skips the steps that need it). */
  readonly redisLost: boolean;
  dispose(): void;
}

export function watchRunStop(redis: Redis, redisUrl: string, redisLostMs: number, signal?: AbortSignal): RunStop {
  let reject!: (e: Error) => void;
  const stopped = new Promise<never>((_, r) => (reject = r));
  stopped.catch(() => undefined);
  let lastError: unknown;
  let timer: NodeJS.Timeout | undefined;
  const state = { redisLost: false };
  const onError = (e: unknown) => (lastError = e);
  const onClose = () => {
    timer ??= setTimeout(() => {
      state.redisLost = true;
      reject(new BackendError("redis", redisUrl, `connection lost during the run and not back after ${redisLostMs} ms (${lastError === undefined ? "closed" : describeBackendCause(lastError)})`));
    }, redisLostMs);
  };
  const onReady = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const onAbort = () => reject(new RunFailedError(`stopped by the caller (${String(signal?.reason ?? "aborted")})`));
  redis.on("error", onError);
  redis.on("close", onClose);
  redis.on("ready", onReady);
  if (signal?.aborted === true) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });
  return {
    stopped,
    get redisLost() {
      return state.redisLost;
    },
    dispose() {
      clearTimeout(timer);
      redis.off("error", onError);
      redis.off("close", onClose);
      redis.off("ready", onReady);
      signal?.removeEventListener("abort", onAbort);
    },
  };
}
