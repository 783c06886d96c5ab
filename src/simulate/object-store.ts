/**
 * The object store as the simulator sees it: request-rate limits per key prefix (one token bucket
 * for GETs and one for PUTs per prefix, physics/object-store.ts), first-byte latency per request,
 * and a per-connection bandwidth cap; its aggregate bandwidth is unbounded (S3 scales linearly far
 * past any one app — Bodner et al.) unless the platform gives one (a self-hosted store): then every
 * GET and PUT in flight shares it as one fair-share resource (transfer-request.ts, STORE). An edge's objects are spread over the prefixes its plan gives
 * it, starting at an offset of its own so concurrent edges land on different prefixes when there
 * are enough; the app's own input and output are spread over every prefix. Counts requests and
 * bytes for pricing.
 */
import type { Platform } from "../platform/schema.js";
import { RateLimiter } from "./rate-limiter.js";

export class ObjectStore {
  private readonly readLimiters: RateLimiter[] = [];
  private readonly writeLimiters: RateLimiter[] = [];
  private readonly cursors = new Map<string, number>();
  puts = 0;
  gets = 0;
  bytesWritten = 0;
  bytesRead = 0;

  /** `burst` undefined: each bucket banks 10 ms worth of its rate (55 GETs, 35 PUTs at S3's limits), so a handful of requests is not paced while a request-bound shuffle is. */
  constructor(
    readonly spec: Platform["objectStore"],
    burst: number | undefined,
    /** Per edge index: the prefixes its objects are spread over. */
    private readonly edgePrefixes: readonly number[],
  ) {
    for (let k = 0; k < spec.prefixes; k++) {
      this.readLimiters.push(new RateLimiter(spec.readsPerSecond, burst ?? Math.max(1, Math.ceil(spec.readsPerSecond / 100))));
      this.writeLimiters.push(new RateLimiter(spec.writesPerSecond, burst ?? Math.max(1, Math.ceil(spec.writesPerSecond / 100))));
    }
  }

  /** The limiter of the next request on `edgeIndex` (undefined: the app's own input or output). */
  limiter(direction: "read" | "write", edgeIndex: number | undefined): RateLimiter {
    const all = direction === "read" ? this.readLimiters : this.writeLimiters;
    const total = all.length;
    const width = edgeIndex === undefined ? total : Math.max(1, Math.min(total, this.edgePrefixes[edgeIndex] ?? total));
    const offset = edgeIndex === undefined ? 0 : (edgeIndex * width) % total;
    const key = `${direction}:${edgeIndex ?? "app"}`;
    const n = this.cursors.get(key) ?? 0;
    this.cursors.set(key, n + 1);
    return all[(offset + (n % width)) % total]!;
  }

  get throttledMs(): number {
    let t = 0;
    for (const l of [...this.readLimiters, ...this.writeLimiters]) t += l.waitedMs;
    return t;
  }

  usd(): number {
    return this.puts * this.spec.priceUsdPerPut + this.gets * this.spec.priceUsdPerGet;
  }
}
