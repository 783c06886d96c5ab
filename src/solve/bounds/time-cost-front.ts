/**
 * Two-dimensional Pareto fronts of (time, cost) for the bounds' dynamic programs: sorted by time
 * ascending with cost strictly decreasing, so each point is the cheapest way to finish by its time.
 * Every operation keeps fronts "from below": each point it drops is dominated by one it keeps, and
 * `coarsen` replaces a run of points by one that dominates them all (its first time, its last
 * cost), so a bound computed over a coarsened front stays a bound.
 */

export interface FrontPoint {
  readonly timeMs: number;
  readonly costUsd: number;
}

export const ORIGIN: readonly FrontPoint[] = [{ timeMs: 0, costUsd: 0 }];

/** Sorts by time (then cost) and drops dominated points. */
export function pruneFront(points: FrontPoint[]): FrontPoint[] {
  points.sort((a, b) => a.timeMs - b.timeMs || a.costUsd - b.costUsd);
  const out: FrontPoint[] = [];
  for (const p of points) if (out.length === 0 || p.costUsd < out[out.length - 1]!.costUsd) out.push(p);
  return out;
}

/**
 * Two independent parts that both must finish: time = max, cost = sum. For each point of one
 * front the best partner is the other front's cheapest point no later than it (its last one by
 * time), so a merge walk is enough: O(|a| + |b|).
 */
export function combineMax(a: readonly FrontPoint[], b: readonly FrontPoint[]): FrontPoint[] {
  const out: FrontPoint[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const takeA = j >= b.length || (i < a.length && a[i]!.timeMs <= b[j]!.timeMs);
    if (takeA) {
      if (j > 0) out.push({ timeMs: a[i]!.timeMs, costUsd: a[i]!.costUsd + b[j - 1]!.costUsd });
      i++;
    } else {
      if (i > 0) out.push({ timeMs: b[j]!.timeMs, costUsd: b[j]!.costUsd + a[i - 1]!.costUsd });
      j++;
    }
  }
  // a point whose partner is the other front's last-so-far pairs best with equal times too
  return pruneFront(out);
}

/**
 * At most `maxPoints` points, each dominating the run it replaces (first time, last cost): runs are
 * cut where time grows past `relativeStep` of the run's start, so the time given back is at most
 * that fraction; when that still leaves too many, runs are evened out by count.
 */
export function coarsen(front: readonly FrontPoint[], maxPoints: number, relativeStep: number): FrontPoint[] {
  if (front.length <= maxPoints) return [...front];
  let out = runsBy(front, (start, p) => p.timeMs <= start.timeMs * (1 + relativeStep));
  if (out.length > maxPoints) {
    const per = Math.ceil(out.length / maxPoints);
    out = runsBy(out, (_, __, k) => k % per !== 0);
  }
  return out;
}

function runsBy(front: readonly FrontPoint[], sameRun: (start: FrontPoint, p: FrontPoint, k: number) => boolean): FrontPoint[] {
  const out: FrontPoint[] = [];
  let start = front[0]!;
  let last = front[0]!;
  for (let k = 1; k < front.length; k++) {
    const p = front[k]!;
    if (sameRun(start, p, k)) {
      last = p;
      continue;
    }
    out.push({ timeMs: start.timeMs, costUsd: last.costUsd });
    start = p;
    last = p;
  }
  out.push({ timeMs: start.timeMs, costUsd: last.costUsd });
  return out;
}

/** The earliest time whose cost is within `budgetUsd`; Infinity when none is. */
export function earliestWithin(front: readonly FrontPoint[], budgetUsd: number): number {
  for (const p of front) if (p.costUsd <= budgetUsd) return p.timeMs;
  return Infinity;
}

/** The cheapest cost among points finishing by `deadlineMs`; Infinity when none does. */
export function cheapestBy(front: readonly FrontPoint[], deadlineMs: number): number {
  let best = Infinity;
  for (const p of front) if (p.timeMs <= deadlineMs) best = p.costUsd;
  return best;
}
