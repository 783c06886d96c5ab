/**
 * duration = latency + bytes / bandwidth, fitted in two steps so that neither end distorts the
 * other (large transfers fix the bandwidth; small ones, which a token bucket's burst or a warm
 * connection makes faster than the line, fix the latency):
 *   slope b  = Σ (x − x̄)(y − ȳ) / Σ (x − x̄)²   (ordinary least squares over all samples; x bytes, y ms)
 *   SE(b)    = s / √Σ (x − x̄)²,  s² = Σ r² / (n − 2)
 *   latency  = median over the smallest size's samples of (y − b · x) — robust to the odd request a
 *              GC pause or a busy core stretches —, its error = the median's standard error
 *              1.2533 · σ / √n with σ = 1.4826 · MAD (the normal-consistent spread, itself robust)
 * bandwidth = 1000 / b bytes per second, with relative error SE(b) / b. When noise hides the slope
 * (b ≤ 0: the transfers are too fast to time at these sizes), the bandwidth is the largest size's
 * mean throughput — a lower bound — and its error is unknown (Infinity). MAPE is the mean
 * |y − ŷ| / y over all samples.
 */
import { median } from "../util/median.js";

export interface LatencyBandwidthFit {
  readonly latencyMs: number;
  readonly bytesPerSecond: number;
  /** Standard errors relative to the value (0.05 = ±5 %); Infinity when not resolved. */
  readonly latencyRelativeError: number;
  readonly bandwidthRelativeError: number;
  readonly mape: number;
  readonly samples: number;
}

export function fitLatencyBandwidth(points: readonly { readonly bytes: number; readonly ms: number }[]): LatencyBandwidthFit | undefined {
  const pts = points.filter((p) => p.ms > 0 && Number.isFinite(p.ms) && p.bytes >= 0);
  if (pts.length < 3 || new Set(pts.map((p) => p.bytes)).size < 2) return undefined;
  const n = pts.length;
  const xm = pts.reduce((a, p) => a + p.bytes, 0) / n;
  const ym = pts.reduce((a, p) => a + p.ms, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of pts) {
    sxy += (p.bytes - xm) * (p.ms - ym);
    sxx += (p.bytes - xm) ** 2;
  }
  const b = sxy / sxx;
  const a0 = ym - b * xm;
  let rss = 0;
  for (const p of pts) rss += (p.ms - a0 - b * p.bytes) ** 2;
  const seB = Math.sqrt(rss / Math.max(1, n - 2) / sxx);
  const smallest = Math.min(...pts.map((p) => p.bytes));
  const intercepts = pts.filter((p) => p.bytes === smallest).map((p) => p.ms - Math.max(0, b) * p.bytes);
  const latency = median(intercepts);
  const sdLatency = intercepts.length > 1 ? 1.4826 * median(intercepts.map((y) => Math.abs(y - latency))) : Infinity;
  let ape = 0;
  for (const p of pts) ape += Math.abs(p.ms - Math.max(0, latency) - Math.max(0, b) * p.bytes) / p.ms;
  const largest = pts.filter((p) => p.bytes === Math.max(...pts.map((q) => q.bytes)));
  const lowerBound = (largest.reduce((x, p) => x + p.bytes / p.ms, 0) / largest.length) * 1000;
  return {
    latencyMs: Math.max(0, latency),
    bytesPerSecond: b > 0 ? 1000 / b : lowerBound,
    latencyRelativeError: latency > 0 ? (1.2533 * sdLatency) / Math.sqrt(intercepts.length) / latency : Infinity,
    bandwidthRelativeError: b > 0 ? seB / b : Infinity,
    mape: ape / n,
    samples: n,
  };
}

/**
 * Median and its relative standard error, robustly: 1.2533 · (1.4826 · MAD) / √n / median — what
 * repeated timings of one step give, where an odd sample stretched by a busy core would drag a mean.
 */
export function medianAndSpread(values: readonly number[]): { median: number; relativeError: number } {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length === 0) return { median: NaN, relativeError: Infinity };
  const m = median(xs);
  if (xs.length < 2 || m === 0) return { median: m, relativeError: Infinity };
  const sigma = 1.4826 * median(xs.map((x) => Math.abs(x - m)));
  return { median: m, relativeError: (1.2533 * sigma) / Math.sqrt(xs.length) / Math.abs(m) };
}

/** Mean and relative standard deviation of repeated estimates of one quantity. */
export function meanAndSpread(values: readonly number[]): { mean: number; relativeError: number } {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length === 0) return { mean: NaN, relativeError: Infinity };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (xs.length < 2) return { mean, relativeError: Infinity };
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
  return { mean, relativeError: mean !== 0 ? sd / Math.abs(mean) : Infinity };
}
