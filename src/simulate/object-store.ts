/**
 * The object store as the simulator sees it: per-prefix request-rate limits (one token bucket for
 * GETs, one for PUTs), first-byte latency per request, and a per-connection bandwidth cap; its
 * aggregate bandwidth is unbounded (S3 scales linearly far past any one app — Bodner et al.).
 * Counts requests and bytes for pricing.
 */
import type { Platform } from "../platform/schema.js";
import { RateLimiter } from "./rate-limiter.js";

export class ObjectStore {
  readonly reads: RateLimiter;
  readonly writes: RateLimiter;
  puts = 0;
  gets = 0;
  bytesWritten = 0;
  bytesRead = 0;

  /** `burst` undefined: each bucket banks 10 ms worth of its rate (55 GETs, 35 PUTs at S3's limits), so a handful of requests is not paced while a request-bound shuffle is. */
  constructor(readonly spec: Platform["objectStore"], burst?: number) {
    this.reads = new RateLimiter(spec.readsPerSecond, burst ?? Math.max(1, Math.ceil(spec.readsPerSecond / 100)));
    this.writes = new RateLimiter(spec.writesPerSecond, burst ?? Math.max(1, Math.ceil(spec.writesPerSecond / 100)));
  }

  get throttledMs(): number {
    return this.reads.waitedMs + this.writes.waitedMs;
  }

  usd(): number {
    return this.puts * this.spec.priceUsdPerPut + this.gets * this.spec.priceUsdPerGet;
  }
}
