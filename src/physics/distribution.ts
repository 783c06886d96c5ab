/**
 * A distribution as atoms: values with probabilities, sorted by value. The model's expectations
 * (means, expected maxima) are exact sums over atoms; the simulator draws from the same quantile
 * functions the atoms are built from.
 *
 * - `gridAtoms(q, K)`: K equally likely atoms at the grid midpoints u_k = (k + ½)/K — the form a
 *   quantile summary has, and the grid the simulator snaps a provider's quantiles to.
 * - `lognormalAtoms(mean, cv)`: a lognormal with that mean and coefficient of variation
 *   (σ² = ln(1 + cv²), μ = ln(mean) − σ²/2), on a grid that is uniform in the body and dense in
 *   the upper tail (down to 1 − 10⁻⁷), so the maximum of up to ~10⁶ draws is resolved.
 * - `shiftAtoms(a, shifts)`: a + S for an independent discrete S (e.g. a warm or cold start).
 */
import { normalQuantile } from "./normal.js";

export interface Atoms {
  /** Non-decreasing. */
  readonly values: readonly number[];
  /** Same length, each > 0, summing to 1. */
  readonly probs: readonly number[];
}

export function pointAtoms(value: number): Atoms {
  return { values: [value], probs: [1] };
}

export function meanOf(a: Atoms): number {
  let m = 0;
  for (let k = 0; k < a.values.length; k++) m += a.values[k]! * a.probs[k]!;
  return m;
}

/** K equally likely atoms at the midpoints of a quantile grid. */
export function gridAtoms(quantile: (u: number) => number, grid: number): Atoms {
  const values: number[] = [];
  for (let k = 0; k < grid; k++) values.push(quantile((k + 0.5) / grid));
  values.sort((x, y) => x - y);
  return { values, probs: values.map(() => 1 / grid) };
}

/** The probability cut points of the lognormal grid: 32 uniform cells below 0.9, then 8 per decade to 1 − 1e-7. */
const CUTS: readonly number[] = (() => {
  const cuts = [0];
  for (let k = 1; k <= 32; k++) cuts.push((0.9 * k) / 32);
  for (let d = 1; d <= 7; d++) for (let j = 1; j <= 8; j++) cuts.push(1 - 0.1 * Math.pow(10, -((d - 1) + j / 8)));
  cuts.push(1);
  return cuts;
})();

/** A lognormal with this mean and coefficient of variation; cv = 0 is a point. */
export function lognormalAtoms(mean: number, cv: number): Atoms {
  if (!(cv > 0) || !(mean > 0)) return pointAtoms(Math.max(0, mean));
  const s2 = Math.log(1 + cv * cv);
  const s = Math.sqrt(s2);
  const values: number[] = [];
  const probs: number[] = [];
  for (let k = 1; k < CUTS.length; k++) {
    const lo = CUTS[k - 1]!;
    const hi = CUTS[k]!;
    values.push(mean * lognormalFactorAt((lo + hi) / 2, s2, s));
    probs.push(hi - lo);
  }
  return rescaleMean({ values, probs }, mean);
}

/** The multiplicative lognormal factor with mean 1 at quantile u. */
export function lognormalFactorAt(u: number, s2: number, s: number): number {
  return Math.exp(-s2 / 2 + s * normalQuantile(u));
}

/** Scales atoms so their mean is exactly `mean` (the grid's midpoints are a hair off). */
function rescaleMean(a: Atoms, mean: number): Atoms {
  const m = meanOf(a);
  return m > 0 ? { values: a.values.map((v) => (v * mean) / m), probs: a.probs } : a;
}

/** a + S for an independent discrete S given as (value, probability) pairs. */
export function shiftAtoms(a: Atoms, shifts: readonly { readonly value: number; readonly prob: number }[]): Atoms {
  const live = shifts.filter((s) => s.prob > 0);
  if (live.length === 1) return { values: a.values.map((v) => v + live[0]!.value), probs: a.probs };
  const pairs: [number, number][] = [];
  for (const s of live) for (let k = 0; k < a.values.length; k++) pairs.push([a.values[k]! + s.value, a.probs[k]! * s.prob]);
  pairs.sort((x, y) => x[0] - y[0]);
  return { values: pairs.map((p) => p[0]), probs: pairs.map((p) => p[1]) };
}

/** The quantile at u of atoms (the smallest value whose cumulative probability reaches u). */
export function atomQuantile(a: Atoms, u: number): number {
  let c = 0;
  for (let k = 0; k < a.values.length; k++) {
    c += a.probs[k]!;
    if (c >= u - 1e-12) return a.values[k]!;
  }
  return a.values[a.values.length - 1] ?? 0;
}

/**
 * The sum of k independent draws, to second order: mean k · μ, each atom's deviation scaled by √k
 * (k sequential runs of one instance). k = 1 is the atoms themselves.
 */
export function spreadOver(a: Atoms, k: number): Atoms {
  if (k === 1) return a;
  const mu = meanOf(a);
  return { values: a.values.map((v) => Math.max(0, k * mu + Math.sqrt(k) * (v - mu))), probs: a.probs };
}

/** A mixture: each component's atoms with its probability (probabilities summing to 1). */
export function mixAtoms(parts: readonly { readonly atoms: Atoms; readonly prob: number }[]): Atoms {
  const pairs: [number, number][] = [];
  for (const part of parts) {
    if (!(part.prob > 0)) continue;
    for (let k = 0; k < part.atoms.values.length; k++) pairs.push([part.atoms.values[k]!, part.atoms.probs[k]! * part.prob]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  return { values: pairs.map((p) => p[0]), probs: pairs.map((p) => p[1]) };
}
