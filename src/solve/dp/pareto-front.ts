/**
 * A Pareto front of partial plans over (time, cost, cache bytes), all three minimised. A plan
 * dominated by another (no better in any, or equal in all) is dropped; among equals the one kept
 * is the first in (time, cost, bytes, insertion) order, so fronts are deterministic.
 */

export interface FrontPoint {
  readonly timeMs: number;
  readonly costUsd: number;
  readonly cacheBytes: number;
}

function dominates(a: FrontPoint, b: FrontPoint): boolean {
  return a.timeMs <= b.timeMs && a.costUsd <= b.costUsd && a.cacheBytes <= b.cacheBytes;
}

/** The non-dominated points, sorted by time, then cost, then cache bytes (stable). */
export function pruneDominated<P extends FrontPoint>(points: readonly P[]): P[] {
  const sorted = points
    .map((p, k) => ({ p, k }))
    .sort((x, y) => x.p.timeMs - y.p.timeMs || x.p.costUsd - y.p.costUsd || x.p.cacheBytes - y.p.cacheBytes || x.k - y.k)
    .map((x) => x.p);
  const kept: P[] = [];
  for (const p of sorted) if (!kept.some((q) => dominates(q, p))) kept.push(p);
  return kept;
}
