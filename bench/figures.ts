/** Small formatting and summary helpers the benchmarks share (figures in bench/RESULTS.md). */

/** The q-quantile of xs by linear interpolation between order statistics; NaN when empty. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
}

/** A share as a percentage with one decimal: 0.123 → "12.3%". */
export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Milliseconds as seconds, with fewer decimals the longer it is. */
export const secs = (ms: number): string => (ms / 1000).toFixed(ms >= 100_000 ? 0 : ms >= 10_000 ? 1 : 2);
