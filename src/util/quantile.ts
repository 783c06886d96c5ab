/**
 * The type-7 quantile (R's and NumPy's default): linear interpolation between order statistics.
 * For n values sorted ascending and a probability q, the position is h = q · (n − 1) and the
 * quantile x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋]): q = 0 is the smallest value, q = 1 the
 * largest, q = 0.5 the median. q is clamped to [0, 1]; NaN when there are no values.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = Math.min(Math.max(q, 0), 1) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The type-7 quantile of values in any order: `quantileSorted` over a sorted copy (the input is left as is). */
export function quantile(values: readonly number[], q: number): number {
  return quantileSorted([...values].sort((a, b) => a - b), q);
}
