/**
 * The cache tier through the Redis protocol (ioredis; any Redis or Valkey server): a producer's
 * admitted output is one string value (SET, overwriting on retry), a reader takes its range with
 * GETRANGE. Bytes pass the VM's NIC buckets. A full server (`maxmemory` with noeviction), a refused
 * connection or a wrong password is a BackendError naming the cache, its URL and the cause.
 */
import type { Redis } from "ioredis";
import { BackendError, describeBackendCause } from "../backend-error.js";
import { safeRedisUrl } from "../backend-config.js";
import type { IoCount } from "./s3-access.js";
import { connectRedis } from "../queue/redis-connect.js";
import type { TokenBucket } from "./token-bucket.js";

export class CacheClient {
  private constructor(
    readonly url: string,
    private readonly redis: Redis,
  ) {}

  static async create(url: string): Promise<CacheClient> {
    return new CacheClient(url, await connectRedis("cache", url));
  }

  private fail(what: string, err: unknown): BackendError {
    return new BackendError("cache", safeRedisUrl(this.url), `${what}: ${describeBackendCause(err)}`);
  }

  async put(key: string, bytes: Uint8Array, nicOut?: TokenBucket): Promise<IoCount> {
    await nicOut?.take(bytes.length);
    try {
      await this.redis.set(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    } catch (e) {
      throw this.fail(`SET ${key} (${bytes.length} bytes)`, e);
    }
    return { bytes: bytes.length, requests: 1 };
  }

  async getRange(key: string, offset: number, length: number, nicIn?: TokenBucket): Promise<{ bytes: Uint8Array; io: IoCount }> {
    if (length === 0) return { bytes: new Uint8Array(0), io: { bytes: 0, requests: 0 } };
    let got: Buffer;
    try {
      got = await this.redis.getrangeBuffer(key, offset, offset + length - 1);
    } catch (e) {
      throw this.fail(`GETRANGE ${key}`, e);
    }
    if (got.length !== length) throw this.fail(`GETRANGE ${key}`, new Error(`expected ${length} bytes at ${offset}, got ${got.length} (the key is missing or shorter)`));
    await nicIn?.take(length);
    // A copy: the reply may be a view on the connection's read buffer.
    return { bytes: new Uint8Array(got), io: { bytes: length, requests: 1 } };
  }

  /** Deletes every key matching `pattern` (SCAN + UNLINK); returns how many. */
  async deleteMatching(pattern: string): Promise<number> {
    let deleted = 0;
    try {
      let cursor = "0";
      do {
        const [next, keys] = await this.redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
        cursor = next;
        if (keys.length > 0) deleted += await this.redis.unlink(...keys);
      } while (cursor !== "0");
    } catch (e) {
      throw this.fail(`delete ${pattern}`, e);
    }
    return deleted;
  }

  async deleteKeys(keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    try {
      return await this.redis.unlink(...keys);
    } catch (e) {
      throw this.fail(`delete ${keys.length} keys`, e);
    }
  }

  close(): void {
    this.redis.disconnect();
  }
}
