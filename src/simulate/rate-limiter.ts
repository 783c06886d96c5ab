/**
 * A request-rate limit as a token bucket (GCRA form): `ratePerSecond` tokens per second, at most
 * `burst` banked. Requests are granted first come, first served; `reserve(now)` returns when the
 * request may go. burst = 1 paces requests strictly at 1 / rate — the object store's per-prefix
 * limit as the cost model states it (never faster than requests / rate).
 */
export class RateLimiter {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private theoreticalMs = -Infinity;
  /** Total time requests spent waiting for a token. */
  waitedMs = 0;
  granted = 0;

  constructor(readonly ratePerSecond: number, readonly burst = 1) {
    this.intervalMs = 1000 / ratePerSecond;
    this.toleranceMs = Math.max(0, burst - 1) * this.intervalMs;
  }

  /** The time the request arriving at `nowMs` is granted. */
  reserve(nowMs: number): number {
    const tat = Math.max(this.theoreticalMs, nowMs);
    const grantMs = Math.max(nowMs, tat - this.toleranceMs);
    this.theoreticalMs = tat + this.intervalMs;
    this.waitedMs += grantMs - nowMs;
    this.granted++;
    return grantMs;
  }
}
