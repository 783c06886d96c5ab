/**
 * Bytes through several limits at once. A transfer of B bytes crosses limits in series — its own
 * connection cap, a NIC it shares with k other instances moving as much, a token bucket — and takes
 * as long as the slowest of them allows:
 *
 *   t(B) = max over limits of t_limit(share · B)
 *   rate limit:    t = share · B / rate
 *   token bucket:  t = max(share · B / burst, (share · B − burstBytes) / baseline)   (token-bucket.ts)
 *
 * `share` is how many equal transfers pass the limit at once (k instances on one NIC each moving B:
 * the NIC carries k · B). Exact when one limit binds throughout, optimistic by at most the overlap
 * otherwise. With B = fixedBytes + perFractionBytes · f this is a max of lines in f, the shape the
 * planner's LP keeps.
 */
import type { TokenBucket } from "./token-bucket.js";

export type Limit =
  | { readonly kind: "rate"; readonly bytesPerSecond: number; readonly share?: number }
  | { readonly kind: "bucket"; readonly bucket: TokenBucket; readonly share?: number };

/** time(f) = fixedMs + perFractionMs · f, for the fraction f of receivers a mode serves. */
export interface Line {
  readonly fixedMs: number;
  readonly perFractionMs: number;
}

/** Bytes moved as fixedBytes + perFractionBytes · f. */
export interface Bytes {
  readonly fixedBytes: number;
  readonly perFractionBytes: number;
}

/** Milliseconds to move `bytes` through every limit. */
export function transferMs(bytes: number, limits: readonly Limit[]): number {
  let t = 0;
  for (const line of transferLines({ fixedBytes: bytes, perFractionBytes: 0 }, limits)) t = Math.max(t, line.fixedMs);
  return t;
}

/** The transfer time as lines in f; time(f) = max over the lines. No bytes: no lines. */
export function transferLines(bytes: Bytes, limits: readonly Limit[]): Line[] {
  if (!(bytes.fixedBytes > 0) && !(bytes.perFractionBytes > 0)) return [];
  const out: Line[] = [];
  for (const limit of limits) {
    const share = limit.share ?? 1;
    const fixed = bytes.fixedBytes * share;
    const perFraction = bytes.perFractionBytes * share;
    if (limit.kind === "rate") {
      if (Number.isFinite(limit.bytesPerSecond)) out.push(line(fixed / limit.bytesPerSecond, perFraction / limit.bytesPerSecond));
      continue;
    }
    const b = limit.bucket;
    out.push(line(fixed / b.burstBytesPerSecond, perFraction / b.burstBytesPerSecond));
    // The baseline line only binds past the bucket; clamped at 0 where it would go negative at f = 0.
    out.push(line((fixed - b.burstBytes) / b.baselineBytesPerSecond, perFraction / b.baselineBytesPerSecond));
  }
  return out;
}

function line(fixedSeconds: number, perFractionSeconds: number): Line {
  return { fixedMs: fixedSeconds * 1000, perFractionMs: perFractionSeconds * 1000 };
}

/** Evaluates max(0, max over lines) at f. */
export function linesAt(lines: readonly Line[], fraction: number): number {
  let t = 0;
  for (const l of lines) t = Math.max(t, l.fixedMs + l.perFractionMs * fraction);
  return t;
}
