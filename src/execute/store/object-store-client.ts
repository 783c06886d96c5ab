/**
 * The S3 API through @aws-sdk/client-s3 (loaded on first use): checking and creating the bucket,
 * writes (s3-put.ts: multipart above the part size), ranged reads (s3-ranged-get.ts: parts in
 * parallel, short bodies resumed), listing and deleting by prefix. Bytes pass the VM's NIC buckets.
 * Every failure is a BackendError naming the object store, its URL and the cause.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import { BackendError, describeBackendCause } from "../backend-error.js";
import { objectStoreUrl, type ObjectStoreConfig } from "../backend-config.js";
import { forEachLimited } from "./for-each-limited.js";
import type { IoCount, S3Access, S3Module } from "./s3-access.js";
import { putObject } from "./s3-put.js";
import { getObjectRange } from "./s3-ranged-get.js";
import type { TokenBucket } from "./token-bucket.js";

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

  private get access(): S3Access {
    return { s3: this.s3, sdk: this.sdk, bucket: this.config.bucket, fail: (what, err) => this.fail(what, err) };
  }

  /** Writes `bytes` at `key` (overwriting: retries are idempotent); multipart above the part size, `connections` parts at once. */
  async put(key: string, bytes: Uint8Array, nicOut?: TokenBucket, connections = 1): Promise<IoCount> {
    return putObject(this.access, key, bytes, this.config.partSizeBytes, nicOut, connections);
  }

  /** Reads `length` bytes at `offset` as ranged GETs of at most `rangeBytes` (default: the part size), `connections` at once (s3-ranged-get.ts). */
  async getRange(key: string, offset: number, length: number, nicIn?: TokenBucket, connections = 1, rangeBytes = this.config.partSizeBytes): Promise<{ bytes: Uint8Array; io: IoCount }> {
    return getObjectRange(this.access, key, offset, length, rangeBytes, nicIn, connections);
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

