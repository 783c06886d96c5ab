/**
 * duration = latency + bytes / bandwidth, fitted by weighted least squares with weights 1 / y²
 * (each sample's relative error counts equally, so small requests pin the latency and large ones
 * the bandwidth). With x = bytes, y = ms, w = 1 / y²:
 *   minimise Σ w (y − a − b x)²  →  [Σw  Σwx; Σwx  Σwx²] [a b]ᵀ = [Σwy  Σwxy]ᵀ
 *   σ² = Σ w r² / (n − 2),  cov = σ² · M⁻¹
 * latencyMs = a, bandwidth = 1000 / b bytes per second; their relative errors are SE(a)/a and
 * SE(b)/b (the bandwidth's relative error equals its slope's to first order). MAPE is the mean
 * |y − ŷ| / y over the samples.
 */

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
  let sw = 0, swx = 0, swxx = 0, swy = 0, swxy = 0;
  for (const { bytes: x, ms: y } of pts) {
    const w = 1 / (y * y);
    sw += w;
    swx += w * x;
    swxx += w * x * x;
    swy += w * y;
    swxy += w * x * y;
  }
  const det = sw * swxx - swx * swx;
  if (!(det > 0)) return undefined;
  const a = (swxx * swy - swx * swxy) / det;
  const b = (sw * swxy - swx * swy) / det;
  let rss = 0;
  let ape = 0;
  for (const { bytes: x, ms: y } of pts) {
    const r = y - a - b * x;
    rss += (r * r) / (y * y);
    ape += Math.abs(r) / y;
  }
  const sigma2 = rss / Math.max(1, pts.length - 2);
  const seA = Math.sqrt((sigma2 * swxx) / det);
  const seB = Math.sqrt((sigma2 * sw) / det);
  return {
    latencyMs: Math.max(0, a),
    bytesPerSecond: b > 0 ? 1000 / b : Infinity,
    latencyRelativeError: a > 0 ? seA / a : Infinity,
    bandwidthRelativeError: b > 0 ? seB / b : Infinity,
    mape: ape / pts.length,
    samples: pts.length,
  };
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
