/** Choosing a stage's one vm-local input among its incoming edges (used by both heuristic passes). */

/**
 * Which incoming edge of a stage (if any) runs vm-local: at most one may. `score(i, local)` gives
 * edge i's figure with vm-local allowed (local) or excluded, undefined when no choice fits; the
 * edge whose permission lowers `combine` over all edges the most wins (ties: the first).
 */
export function pickLocalEdge(incoming: readonly number[], score: (i: number, local: boolean) => number | undefined, combine: (xs: number[]) => number): number | undefined {
  const without = incoming.map((i) => score(i, false));
  const base = without.every((x) => x !== undefined) ? combine(without as number[]) : Infinity;
  let pick: number | undefined;
  let bestValue = base;
  incoming.forEach((i, k) => {
    const local = score(i, true);
    if (local === undefined) return;
    const others = without.filter((_, j) => j !== k);
    if (others.some((x) => x === undefined)) return;
    const value = combine([...(others as number[]), local]);
    if (!Number.isFinite(bestValue) || value < bestValue - 1e-12 * Math.max(1, Math.abs(bestValue))) {
      bestValue = value;
      pick = i;
    }
  });
  return pick;
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);

