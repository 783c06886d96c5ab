/**
 * Opens an ioredis connection (loaded on first use) and checks it with PING, so a server that is
 * down, refuses or wants a password fails at once with a BackendError naming the backend, the URL
 * and how to start one — not later inside a job.
 */
import type { Redis, RedisOptions } from "ioredis";
import { BackendError, describeBackendCause, type BackendName } from "../backend-error.js";
import { safeRedisUrl } from "../backend-config.js";

export async function connectRedis(backend: BackendName, url: string, options: RedisOptions = {}): Promise<Redis> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, enableOfflineQueue: true, connectTimeout: 5000, retryStrategy: () => null, ...options });
  let lastError: unknown;
  redis.on("error", (e) => (lastError = e));
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    redis.disconnect();
    // ioredis rejects with "Connection is closed."; the socket's own error says why.
    throw new BackendError(backend, safeRedisUrl(url), describeBackendCause(lastError ?? e));
  }
  // After the first connection, reconnect with backoff (a restarting server is not a dead one).
  redis.options.retryStrategy = (times: number) => Math.min(1000, 50 * times);
  return redis;
}

/** BullMQ connection options from a Redis URL (it opens its own connections). */
export function redisOptions(url: string): { host: string; port: number; username?: string; password?: string; db?: number; tls?: object; maxRetriesPerRequest: null } {
  const u = new URL(url);
  return {
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
    host: u.hostname || "127.0.0.1",
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    maxRetriesPerRequest: null,
  };
}
