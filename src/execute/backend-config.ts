/**
 * Where a run's backends are: the Redis that carries the job queues and the VM registry, the cache
 * tier (any Redis or Valkey; by default the same server), and the S3-API object store (AWS, or any
 * endpoint such as s3rver or MinIO). Defaults come from the environment:
 *   SLUICE_REDIS_URL, SLUICE_CACHE_URL, SLUICE_S3_ENDPOINT, SLUICE_S3_BUCKET, SLUICE_S3_PREFIX, AWS_REGION,
 *   and the AWS SDK's own credential chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles).
 */

export interface ObjectStoreConfig {
  /** Omit for AWS S3; e.g. http://127.0.0.1:4568 for s3rver. */
  readonly endpoint?: string;
  readonly region: string;
  readonly bucket: string;
  /** Every key the run writes starts with this (then the run id). */
  readonly prefix: string;
  /** Path-style URLs (http://host/bucket/key): needed by s3rver and MinIO. Default: true when an endpoint is set. */
  readonly forcePathStyle: boolean;
  /** Explicit credentials; omitted: the AWS SDK's default chain on each worker. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Objects above this size are uploaded in parts of this size; reads are split into ranged GETs of this size. */
  readonly partSizeBytes: number;
}

export interface BackendConfig {
  readonly redisUrl: string;
  readonly cacheUrl: string;
  readonly objectStore: ObjectStoreConfig;
}

export const DEFAULT_PART_SIZE_BYTES = 8 * 1024 * 1024;

export interface BackendConfigInput {
  readonly redisUrl?: string;
  readonly cacheUrl?: string;
  readonly objectStore?: Partial<ObjectStoreConfig>;
}

export function resolveBackends(input: BackendConfigInput = {}, env: NodeJS.ProcessEnv = process.env): BackendConfig {
  const redisUrl = input.redisUrl ?? env.SLUICE_REDIS_URL ?? "redis://127.0.0.1:6379";
  const o = input.objectStore ?? {};
  const endpoint = o.endpoint ?? env.SLUICE_S3_ENDPOINT;
  const partSizeBytes = o.partSizeBytes ?? DEFAULT_PART_SIZE_BYTES;
  if (!(partSizeBytes >= 5 * 1024 * 1024) || !Number.isFinite(partSizeBytes)) {
    throw new RangeError(`objectStore.partSizeBytes: expected ≥ 5 MiB (S3's smallest multipart part), got ${partSizeBytes}`);
  }
  return {
    redisUrl,
    cacheUrl: input.cacheUrl ?? env.SLUICE_CACHE_URL ?? redisUrl,
    objectStore: {
      ...(endpoint !== undefined && endpoint !== "" ? { endpoint } : {}),
      region: o.region ?? env.AWS_REGION ?? "us-east-1",
      bucket: o.bucket ?? env.SLUICE_S3_BUCKET ?? "sluice",
      prefix: o.prefix ?? env.SLUICE_S3_PREFIX ?? "sluice/",
      forcePathStyle: o.forcePathStyle ?? (endpoint !== undefined && endpoint !== ""),
      ...(o.credentials !== undefined ? { credentials: o.credentials } : {}),
      partSizeBytes,
    },
  };
}

/** The URL to name in messages: the endpoint and bucket, or AWS's. */
export function objectStoreUrl(c: ObjectStoreConfig): string {
  return `${c.endpoint ?? `https://s3.${c.region}.amazonaws.com`}/${c.bucket}`;
}

/** A Redis URL without its password, for messages. */
export function safeRedisUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
