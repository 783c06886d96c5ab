/**
 * Real backends for integration tests: a redis-server and an s3rver started on free loopback
 * ports, and helpers to look into them. When a server cannot be started the suite is skipped with a
 * message that says how to install it (never mocked).
 */
import { Redis } from "ioredis";
import type { BackendConfigInput } from "../../src/execute/backend-config.js";
import { ObjectStoreClient } from "../../src/execute/store/object-store-client.js";
import type { ServerProcess } from "../../src/execute/servers/server-process.js";
import { startRedisServer } from "../../src/execute/servers/start-redis.js";
import { S3RVER_CREDENTIALS, startS3rver, type S3rverProcess } from "../../src/execute/servers/start-s3rver.js";

// The SDK warns that its releases after January 2027 need Node 22; this test run is not about that.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export interface RealBackends {
  readonly redis: ServerProcess;
  readonly s3: S3rverProcess;
  readonly backends: BackendConfigInput;
  /** Every key in the Redis server. */
  keys(): Promise<string[]>;
  /** Every object in the bucket. */
  objects(): Promise<string[]>;
  readObject(key: string): Promise<Uint8Array>;
  stop(): Promise<void>;
}

export type Started = { readonly ok: true; readonly value: RealBackends } | { readonly ok: false; readonly reason: string };

export async function startRealBackends(): Promise<Started> {
  let redis: ServerProcess | undefined;
  try {
    redis = await startRedisServer();
    const s3 = await startS3rver();
    const backends: BackendConfigInput = { redisUrl: redis.url, objectStore: { endpoint: s3.endpoint, bucket: s3.bucket, credentials: S3RVER_CREDENTIALS } };
    const client = new Redis(redis.url, { lazyConnect: true });
    await client.connect();
    const store = await ObjectStoreClient.create({ endpoint: s3.endpoint, bucket: s3.bucket, credentials: S3RVER_CREDENTIALS, region: "us-east-1", prefix: "", forcePathStyle: true, partSizeBytes: 8 * 1024 * 1024 });
    const r = redis;
    return {
      ok: true,
      value: {
        redis: r,
        s3,
        backends,
        keys: async () => (await client.keys("*")).sort(),
        objects: () => store.listKeys(""),
        readObject: async (key) => {
          const size = (await fetch(`${s3.endpoint}/${s3.bucket}/${key}`, { method: "HEAD" })).headers.get("content-length");
          return (await store.getRange(key, 0, Number(size))).bytes;
        },
        async stop() {
          client.disconnect();
          store.close();
          await s3.stop();
          await r.stop();
        },
      },
    };
  } catch (e) {
    await redis?.stop();
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
