/**
 * A VM NIC, one direction, as a token bucket: `bytesPerSecond` sustained, `burstBytes` at most
 * ahead. Every transfer on the VM takes its bytes from the bucket chunk by chunk
 * (`SHAPING_CHUNK_BYTES`), so concurrent flows share the rate in FIFO turns, as flows share a NIC.
 * Off (`bytesPerSecond` = Infinity) when measuring real hardware.
 *
 * Virtual scheduling: `freeAtMs` is when the tokens reserved so far have been earned; the bucket
 * holds (t − freeAtMs) · rate tokens, at most the burst. A take of n bytes at time t waits until its
 * own tokens are earned:
 *   start = max(freeAtMs, t − burstMs);  freeAtMs = start + n / rate;  wait = max(0, freeAtMs − t)
 * e.g. 100 MB/s (0.1 MB/ms), burst 0: three takes of 1 MB at t = 0 wait 10, 20 and 30 ms.
 */

export const SHAPING_CHUNK_BYTES = 256 * 1024;

export interface BucketStats {
  readonly bytes: number;
  /** Milliseconds takes spent waiting for tokens. */
  readonly waitedMs: number;
}

export class TokenBucket {
  private freeAtMs = -Infinity;
  private bytes = 0;
  private waitedMs = 0;
  private readonly bytesPerMs: number;
  private readonly burstMs: number;

  constructor(
    readonly bytesPerSecond: number,
    readonly burstBytes = SHAPING_CHUNK_BYTES,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(bytesPerSecond > 0)) throw new RangeError(`bytesPerSecond: expected > 0 (Infinity for no shaping), got ${bytesPerSecond}`);
    if (!(burstBytes >= 0) || !Number.isFinite(burstBytes)) throw new RangeError(`burstBytes: expected a finite number ≥ 0, got ${burstBytes}`);
    this.bytesPerMs = bytesPerSecond / 1000;
    this.burstMs = Number.isFinite(bytesPerSecond) ? burstBytes / this.bytesPerMs : 0;
  }

  get shaping(): boolean {
    return Number.isFinite(this.bytesPerSecond);
  }

  /** Milliseconds to wait before sending `n` bytes; reserves them. */
  reserve(n: number): number {
    this.bytes += n;
    if (!this.shaping || n <= 0) return 0;
    const t = this.now();
    const start = Math.max(this.freeAtMs, t - this.burstMs);
    this.freeAtMs = start + n / this.bytesPerMs;
    return Math.max(0, this.freeAtMs - t);
  }

  /** Waits until `n` bytes may pass, in chunks so that concurrent takers interleave. */
  async take(n: number): Promise<void> {
    for (let left = n; left > 0; left -= SHAPING_CHUNK_BYTES) {
      const waitMs = this.reserve(Math.min(left, SHAPING_CHUNK_BYTES));
      if (waitMs > 0) {
        this.waitedMs += waitMs;
        await new Promise((r) => setTimeout(r, waitMs));
      }
    }
    if (n <= 0) this.reserve(0);
  }

  stats(): BucketStats {
    return { bytes: this.bytes, waitedMs: this.waitedMs };
  }
}

/** The two directions of one VM's NIC. */
export interface Nic {
  readonly out: TokenBucket;
  readonly in: TokenBucket;
}

export function createNic(bytesPerSecond: number | undefined): Nic {
  const rate = bytesPerSecond ?? Infinity;
  return { out: new TokenBucket(rate), in: new TokenBucket(rate) };
}
