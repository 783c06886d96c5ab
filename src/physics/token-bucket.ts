/**
 * A token bucket: a link that runs at `burstBytesPerSecond` while it has credit and at
 * `baselineBytesPerSecond` once the credit is spent (EC2 "up to" network bandwidth; a Lambda
 * function's network, Bodner et al. 2025). Credit accrues at the baseline rate up to `burstBytes`
 * and drains at (rate − baseline) while the link runs faster than its baseline. From a full bucket,
 * B bytes take
 *
 *   t(B) = max(B / burst, (B − burstBytes) / baseline)
 *
 * — two lines that meet where the credit runs out, B* = burstBytes · burst / (burst − baseline):
 * convex and piecewise linear in B, so a planner can keep it as two affine pieces.
 */

export interface TokenBucket {
  readonly baselineBytesPerSecond: number;
  readonly burstBytesPerSecond: number;
  /** Credit the bucket holds when full, bytes above the baseline. */
  readonly burstBytes: number;
}

/** Milliseconds to move `bytes` through a full bucket on its own. */
export function bucketTransferMs(bytes: number, bucket: TokenBucket): number {
  if (!(bytes > 0)) return 0;
  return Math.max(bytes / bucket.burstBytesPerSecond, (bytes - bucket.burstBytes) / bucket.baselineBytesPerSecond) * 1000;
}

/** Bytes a full bucket sends at the burst rate before it falls to the baseline. */
export function burstReachBytes(bucket: TokenBucket): number {
  const extra = bucket.burstBytesPerSecond - bucket.baselineBytesPerSecond;
  return extra > 0 ? (bucket.burstBytes * bucket.burstBytesPerSecond) / extra : Infinity;
}

/**
 * Credit below which a drained bucket does not burst again: 10 ms at the burst rate (or the whole
 * bucket, if smaller). Without it a bucket at zero credit would flip between rates at every event.
 */
export function rechargeThresholdBytes(bucket: TokenBucket): number {
  return Math.min(bucket.burstBytes, bucket.burstBytesPerSecond * 0.01);
}

/** The rate a bucket allows now: burst while it has credit (or, once drained, enough credit again). */
export function bucketRate(bucket: TokenBucket, creditBytes: number, drained: boolean): number {
  const bursting = drained ? creditBytes >= rechargeThresholdBytes(bucket) : creditBytes > 0;
  return bursting ? bucket.burstBytesPerSecond : bucket.baselineBytesPerSecond;
}

/** Credit after carrying `loadBytesPerSecond` for `dtMs`: it drains above the baseline and refills below it. */
export function creditAfter(bucket: TokenBucket, creditBytes: number, loadBytesPerSecond: number, dtMs: number): number {
  const next = creditBytes + ((bucket.baselineBytesPerSecond - loadBytesPerSecond) * dtMs) / 1000;
  return Math.min(bucket.burstBytes, Math.max(0, next));
}

/** Milliseconds until a bucket carrying `loadBytesPerSecond` runs out of credit (Infinity if it does not drain). */
export function msUntilDrained(bucket: TokenBucket, creditBytes: number, loadBytesPerSecond: number): number {
  const drain = loadBytesPerSecond - bucket.baselineBytesPerSecond;
  if (!(drain > 0) || !(creditBytes > 0)) return Infinity;
  return (creditBytes / drain) * 1000;
}
