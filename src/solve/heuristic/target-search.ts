/**
 * The smallest target makespan whose plan fits the budget: a safeguarded secant search on
 * excess(T) = plan cost at T − budget, which falls as T grows, over a bracket [lo, hi] where lo
 * does not fit and hi does.
 *   - next T = where the line through the bracket's ends crosses 0, kept at least 1/16 of the
 *     bracket from either end; right after it, the target one step (precision · T) on the other
 *     side of it is probed too, so a good guess closes the bracket at once;
 *   - the midpoint instead when an end's excess is unknown (no plan there) or when the last round
 *     kept more than half of the bracket — so it never takes much more than twice bisection's
 *     probes, and on smooth cost curves it takes a few.
 * Stops when the bracket is within `precision` of its upper end. Deterministic.
 */

export interface TargetProbe {
  readonly targetMs: number;
  /** Cost over the budget (≤ 0: fits); Infinity when the target has no plan. */
  readonly excessUsd: number;
}

/** Calls `probe` for each new target; returns how many probes it made. */
export function searchTarget(lo: TargetProbe, hi: TargetProbe, probe: (targetMs: number) => TargetProbe, precision: number, maxProbes = 60): number {
  let low = lo;
  let high = hi;
  let probes = 0;
  let bisect = false;
  const open = () => high.targetMs - low.targetMs > precision * Math.max(1, high.targetMs);
  const take = (t: number) => {
    const p = probe(t);
    probes++;
    if (p.excessUsd <= 0) high = p;
    else low = p;
    return p;
  };
  while (probes < maxProbes && open()) {
    const width = high.targetMs - low.targetMs;
    const secant = !bisect && Number.isFinite(low.excessUsd) && low.excessUsd > high.excessUsd;
    if (!secant) take(low.targetMs + width / 2);
    else {
      const crossing = high.targetMs - (high.excessUsd * width) / (high.excessUsd - low.excessUsd);
      const t = Math.min(high.targetMs - width / 16, Math.max(low.targetMs + width / 16, crossing));
      const p = take(t);
      const step = precision * Math.max(1, t);
      const other = p.excessUsd <= 0 ? t - step : t + step;
      if (open() && other > low.targetMs && other < high.targetMs) take(other);
    }
    bisect = high.targetMs - low.targetMs > width / 2;
  }
  return probes;
}
