/**
 * The flags that say where a run's backends are, shared by `sluice run` and `sluice calibrate`, and
 * `--start-servers`: a redis-server and an s3rver started on free loopback ports for the length of
 * the command. Defaults come from the environment (backend-config.ts).
 */
import type { BackendConfigInput } from "../../execute/backend-config.js";
import type { ServerProcess } from "../../execute/servers/server-process.js";

export const BACKEND_FLAGS = {
  redis: { type: "string" },
  cache: { type: "string" },
  "s3-endpoint": { type: "string" },
  bucket: { type: "string" },
  prefix: { type: "string" },
  region: { type: "string" },
  "start-servers": { type: "boolean" },
} as const;

export const BACKEND_FLAGS_HELP = `  --redis URL         Redis for the job queues and the VM registry (default $SLUICE_REDIS_URL or redis://127.0.0.1:6379; rediss:// for TLS)
  --cache URL         Redis or Valkey for the cache tier (default: the --redis server)
  --s3-endpoint URL   S3-API endpoint (default $SLUICE_S3_ENDPOINT; leave out for AWS S3, credentials from the AWS chain)
  --bucket NAME       bucket (default $SLUICE_S3_BUCKET or sluice)
  --prefix P          key prefix of every object a run writes (default sluice/)
  --region R          S3 region (default $AWS_REGION or us-east-1)
  --start-servers     start redis-server and s3rver on free loopback ports for this command, stop them after`;

export interface BackendFlagValues {
  readonly redis?: string;
  readonly cache?: string;
  readonly "s3-endpoint"?: string;
  readonly bucket?: string;
  readonly prefix?: string;
  readonly region?: string;
  readonly "start-servers"?: boolean;
}

export interface Backends {
  readonly config: BackendConfigInput;
  stop(): Promise<void>;
}

/** The backends the flags name, after starting local servers when asked. */
export async function backendsFromFlags(v: BackendFlagValues): Promise<Backends> {
  const started: ServerProcess[] = [];
  let config: BackendConfigInput = {
    ...(v.redis !== undefined ? { redisUrl: v.redis } : {}),
    ...(v.cache !== undefined ? { cacheUrl: v.cache } : {}),
    objectStore: {
      ...(v["s3-endpoint"] !== undefined ? { endpoint: v["s3-endpoint"] } : {}),
      ...(v.bucket !== undefined ? { bucket: v.bucket } : {}),
      ...(v.prefix !== undefined ? { prefix: v.prefix } : {}),
      ...(v.region !== undefined ? { region: v.region } : {}),
    },
  };
  if (v["start-servers"] === true) {
    const { startRedisServer } = await import("../../execute/servers/start-redis.js");
    const { startS3rver, S3RVER_CREDENTIALS } = await import("../../execute/servers/start-s3rver.js");
    try {
      const redis = await startRedisServer();
      started.push(redis);
      const s3 = await startS3rver({ bucket: v.bucket ?? "sluice" });
      started.push(s3);
      process.stderr.write(`started redis-server at ${redis.url} and s3rver at ${s3.endpoint} (bucket ${s3.bucket})\n`);
      config = { ...config, redisUrl: redis.url, objectStore: { ...config.objectStore, endpoint: s3.endpoint, bucket: s3.bucket, credentials: S3RVER_CREDENTIALS } };
    } catch (e) {
      for (const s of started.reverse()) await s.stop();
      throw e;
    }
  }
  return {
    config,
    async stop() {
      for (const s of started.reverse()) await s.stop();
    },
  };
}
