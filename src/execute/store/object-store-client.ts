/**
 * The S3 API through @aws-sdk/client-s3 (loaded on first use): PUTs, multipart uploads above the
 * part size (parts in parallel, aborted on failure so no partial upload is left), ranged GETs split
 * into parts fetched in parallel, listing and deleting by prefix. Bytes pass the VM's NIC buckets:
 * uploads take tokens before each part is sent, downloads as each chunk arrives. Every failure is a
 * BackendError naming the object store, its URL and the cause.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import { BackendError, describeBackendCause } from "../backend-error.js";
import { objectStoreUrl, type ObjectStoreConfig } from "../backend-config.js";
import type { TokenBucket } from "./token-bucket.js";

type S3Module = typeof import("@aws-sdk/client-s3");

/** More GETs a ranged read may make for the rest of a range whose body ended short. */
export const SHORT_READ_RESUMES = 3;

export interface IoCount {
  readonly bytes: number;
  readonly requests: number;
}

export class ObjectStoreClient {
  private constructor(
    readonly config: ObjectStoreConfig,
    private readonly s3: S3Client,
    private readonly sdk: S3Module,
  ) {}

  static async create(config: ObjectStoreConfig): Promise<ObjectStoreClient> {
    const sdk = await import("@aws-sdk/client-s3");
    const s3 = new sdk.S3Client({
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
      ...(config.credentials !== undefined ? { credentials: config.credentials } : {}),
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 3,
    });
    return new ObjectStoreClient(config, s3, sdk);
  }

  get url(): string {
    return objectStoreUrl(this.config);
  }

  private fail(what: string, err: unknown): BackendError {
    return new BackendError("object-store", this.url, `${what}: ${describeBackendCause(err)}`);
  }

  /** Fails with a BackendError unless the bucket exists and the credentials can list it. */
  async check(): Promise<void> {
    try {
      await this.s3.send(new this.sdk.ListObjectsCommand({ Bucket: this.config.bucket, MaxKeys: 1 }));
    } catch (e) {
      throw this.fail("cannot list the bucket", e);
    }
  }

  async createBucketIfMissing(): Promise<void> {
    try {
      await this.s3.send(new this.sdk.HeadBucketCommand({ Bucket: this.config.bucket }));
    } catch {
      try {
        await this.s3.send(new this.sdk.CreateBucketCommand({ Bucket: this.config.bucket }));
      } catch (e) {
        throw this.fail("cannot create the bucket", e);
      }
    }
  }

  /** Writes `bytes` at `key` (overwriting: retries are idempotent); multipart above the part size, `connections` parts at once. */
  async put(key: string, bytes: Uint8Array, nicOut?: TokenBucket, connections = 1): Promise<IoCount> {
    const part = this.config.partSizeBytes;
    const Bucket = this.config.bucket;
    if (bytes.length <= part) {
      await nicOut?.take(bytes.length);
      try {
        await this.s3.send(new this.sdk.PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentLength: bytes.length }));
      } catch (e) {
        throw this.fail(`PUT ${key}`, e);
      }
      return { bytes: bytes.length, requests: 1 };
    }
    let uploadId: string | undefined;
    try {
      const created = await this.s3.send(new this.sdk.CreateMultipartUploadCommand({ Bucket, Key: key }));
      uploadId = created.UploadId!;
      const count = Math.ceil(bytes.length / part);
      const etags: string[] = new Array(count);
      await forEachLimited(count, Math.max(1, connections), async (k) => {
        const body = bytes.subarray(k * part, Math.min(bytes.length, (k + 1) * part));
        await nicOut?.take(body.length);
        const r = await this.s3.send(new this.sdk.UploadPartCommand({ Bucket, Key: key, UploadId: uploadId, PartNumber: k + 1, Body: body, ContentLength: body.length }));
        etags[k] = r.ETag!;
      });
      await this.s3.send(
        new this.sdk.CompleteMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: etags.map((ETag, k) => ({ ETag, PartNumber: k + 1 })) } }),
      );
      return { bytes: bytes.length, requests: count + 2 };
    } catch (e) {
      if (uploadId !== undefined) await this.s3.send(new this.sdk.AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
      throw e instanceof BackendError ? e : this.fail(`multipart upload of ${key}`, e);
    }
  }

  /**
   * Reads `length` bytes at `offset` as ranged GETs of at most `rangeBytes` (default: the part size),
   * `connections` at once. A body that ends or breaks before its range is complete (s3rver under load
   * was seen to end a 64 KiB range 864 bytes short) is resumed from the first missing byte, up to
   * SHORT_READ_RESUMES more GETs per range, before the read fails naming the store.
   */
  async getRange(key: string, offset: number, length: number, nicIn?: TokenBucket, connections = 1, rangeBytes = this.config.partSizeBytes): Promise<{ bytes: Uint8Array; io: IoCount }> {
    const out = new Uint8Array(length);
    if (length === 0) return { bytes: out, io: { bytes: 0, requests: 0 } };
    const part = Math.max(1, Math.floor(rangeBytes));
    const count = Math.ceil(length / part);
    let requests = 0;
    await forEachLimited(count, Math.max(1, connections), async (k) => {
      const from = k * part;
      const to = Math.min(length, from + part);
      let at = from;
      for (let resumes = 0; ; resumes++) {
        let r;
        requests++;
        try {
          r = await this.s3.send(new this.sdk.GetObjectCommand({ Bucket: this.config.bucket, Key: key, Range: `bytes=${offset + at}-${offset + to - 1}` }));
        } catch (e) {
          throw this.fail(`GET ${key} bytes ${offset + at}-${offset + to - 1}`, e);
        }
        let broken: unknown;
        try {
          for await (const chunk of r.Body as AsyncIterable<Uint8Array>) {
            if (at + chunk.length > to) throw this.fail(`GET ${key}`, new Error(`the store returned more than the ${to - from} bytes asked for`));
            out.set(chunk, at);
            at += chunk.length;
            await nicIn?.take(chunk.length);
          }
        } catch (e) {
          if (e instanceof BackendError) throw e;
          broken = e;
        }
        if (at === to) return;
        if (resumes >= SHORT_READ_RESUMES) {
          const cause = broken ?? new Error(`expected ${to - from} bytes, got ${at - from}`);
          throw this.fail(`GET ${key} (after ${resumes + 1} requests for bytes ${offset + from}-${offset + to - 1})`, cause);
        }
      }
    });
    return { bytes: out, io: { bytes: length, requests } };
  }

  /** Every key under `prefix` (ListObjects v1 with markers: s3rver fails on a truncated v2 listing). */
  async listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let marker: string | undefined;
    try {
      for (;;) {
        const r = await this.s3.send(new this.sdk.ListObjectsCommand({ Bucket: this.config.bucket, Prefix: prefix, ...(marker !== undefined ? { Marker: marker } : {}) }));
        for (const o of r.Contents ?? []) if (o.Key !== undefined) keys.push(o.Key);
        if (!r.IsTruncated || keys.length === 0) break;
        marker = keys[keys.length - 1];
      }
    } catch (e) {
      throw this.fail(`list ${prefix}`, e);
    }
    return keys;
  }

  /** Deletes the keys, 16 requests at a time (one DELETE per key: s3rver lacks the batch call's checksum support). */
  async deleteKeys(keys: readonly string[]): Promise<number> {
    try {
      await forEachLimited(keys.length, 16, async (k) => {
        await this.s3.send(new this.sdk.DeleteObjectCommand({ Bucket: this.config.bucket, Key: keys[k] }));
      });
    } catch (e) {
      throw this.fail(`delete ${keys.length} objects`, e);
    }
    return keys.length;
  }

  /** Deletes every object under `prefix`; returns how many. */
  async deletePrefix(prefix: string): Promise<number> {
    return this.deleteKeys(await this.listKeys(prefix));
  }

  close(): void {
    this.s3.destroy();
  }
}

/** Runs task(0 … count − 1) with at most `limit` running at once. */
export async function forEachLimited(count: number, limit: number, task: (k: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) await task(next++);
  });
  await Promise.all(lanes);
}
