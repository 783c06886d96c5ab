/**
 * A target's residual distribution as a fixed-size summary: the quantiles of the held-out
 * residuals at a fixed grid of probabilities, whatever the number of rows (a million residuals
 * become 21 quantiles and a count). Residuals are relative, r = ln(1 + measured) − ln(1 + predicted), and
 * centred on their median, so the point model is the median prediction and a quantile is a factor:
 * (1 + y_q) = (1 + ŷ) · exp(r_q).
 *
 * Beyond the trained sizes the spread widens with the distance in log size, relative to the
 * trained span: width(x) = 1 + ln(x / max) / max(ln(max / min), ln 2) above the range (and the same
 * below it) — 1 at the edge, 2 one trained span beyond. An extrapolation is less certain than an
 * interpolation; this says by how much, in a form the planner and the simulator can use.
 */
import { quantileSorted } from "../../util/quantile.js";

/** Probabilities the summary keeps: dense in the tails, where risk-aware plans look. */
export const SUMMARY_PROBABILITIES: readonly number[] = [0, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 1];

export interface ResidualSummaryData {
  /** Centred residual quantiles at SUMMARY_PROBABILITIES (ascending, the 0.5 entry is 0). */
  readonly quantiles: readonly number[];
  /** Residuals summarised. */
  readonly rows: number;
}

export function summariseResiduals(residuals: ArrayLike<number>): ResidualSummaryData {
  const sorted = Float64Array.from(residuals).sort();
  if (sorted.length === 0) return { quantiles: SUMMARY_PROBABILITIES.map(() => 0), rows: 0 };
  const median = quantileSorted(sorted, 0.5);
  return { quantiles: SUMMARY_PROBABILITIES.map((p) => quantileSorted(sorted, p) - median), rows: sorted.length };
}

/** The centred residual at probability q, interpolated linearly between the kept quantiles. */
export function residualAt(summary: ResidualSummaryData, q: number): number {
  const ps = SUMMARY_PROBABILITIES;
  const qs = summary.quantiles;
  if (qs.length !== ps.length) return 0;
  const p = Math.min(Math.max(q, 0), 1);
  let k = 1;
  while (k < ps.length - 1 && ps[k]! < p) k++;
  const p0 = ps[k - 1]!, p1 = ps[k]!;
  const t = p1 > p0 ? (p - p0) / (p1 - p0) : 0;
  return qs[k - 1]! + t * (qs[k]! - qs[k - 1]!);
}

/** How much wider the spread is at `inputBytes` than inside the trained range [minBytes, maxBytes]. */
export function extrapolationWidth(inputBytes: number, minBytes: number, maxBytes: number): number {
  const span = Math.max(Math.log(Math.max(maxBytes, 1) / Math.max(minBytes, 1)), Math.LN2);
  if (inputBytes > maxBytes && maxBytes > 0) return 1 + Math.log(inputBytes / maxBytes) / span;
  if (inputBytes < minBytes && inputBytes > 0) return 1 + Math.log(minBytes / inputBytes) / span;
  return 1;
}
