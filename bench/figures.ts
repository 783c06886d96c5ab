/** Small formatting and summary helpers the benchmarks share (figures in bench/RESULTS.md). */

/** A share as a percentage with one decimal: 0.123 → "12.3%". */
export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Milliseconds as seconds, with fewer decimals the longer it is. */
export const secs = (ms: number): string => (ms / 1000).toFixed(ms >= 100_000 ? 0 : ms >= 10_000 ? 1 : 2);
