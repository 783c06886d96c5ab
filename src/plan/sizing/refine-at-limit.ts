/**
 * Refines a stage's count grid where the budget (or deadline) falls between two of its counts.
 *
 * The grid is coarse (powers of two), but cost is not smooth in the count: under VM-pool billing it
 * steps with the VMs a wave holds (count / cores), so a budget often admits 52 instances where the
 * grid offers only 32 (within) and 64 (over). The best count within the limit then lies between
 * the two, at the limit's edge: under a budget, the largest count still within it (more instances,
 * shorter stage); under a deadline, the smallest count that meets it (fewer instances, cheaper).
 * Found by bisection on integers between each adjacent pair of counts whose scores fall on either
 * side of the limit (both runnable): ⌈log2(gap)⌉ scored counts per pair.
 */
import type { ConfigurationScore } from "./sizing-types.js";

/**
 * The counts scored while bisecting every limit boundary of `counts` (sorted ascending), in the
 * order scored. `scoreAt` scores the stage at one count with everything else held (it may cache);
 * `budgetLeft` says how many more scores the caller allows.
 */
export async function refineAtLimit(counts: readonly number[], scoreAt: (count: number) => Promise<ConfigurationScore>, budgetLeft: () => number): Promise<number[]> {
  const scored: number[] = [];
  const sorted = [...counts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < sorted.length; i++) {
    let lo = sorted[i]!;
    let hi = sorted[i + 1]!;
    if (hi - lo < 2) continue;
    const [a, b] = [await scoreAt(lo), await scoreAt(hi)];
    if (!a.ok || !b.ok || a.withinLimit === b.withinLimit) continue;
    const loWithin = a.withinLimit;
    while (hi - lo > 1 && budgetLeft() > 0) {
      const mid = Math.floor((lo + hi) / 2);
      const s = await scoreAt(mid);
      scored.push(mid);
      // A count that cannot run ends the bisection: the boundary is not a clean step here.
      if (!s.ok) break;
      if (s.withinLimit === loWithin) lo = mid;
      else hi = mid;
    }
  }
  return scored;
}
