/**
 * How one instance's runtime spreads around its profile, as atoms (distribution.ts):
 *
 * - a profile whose predictions move with the requested quantile (a trained set: its held-out
 *   residuals, however they are stored) is read through its quantile function on the
 *   `QUANTILE_GRID` midpoints — the same grid the simulator draws on, so the model's expectations
 *   are exact for the simulator's draws;
 * - a point profile (plain functions, analytic laws) gets a lognormal with mean = the prediction
 *   and coefficient of variation `DEFAULT_RUNTIME_CV` (or the caller's `noiseCv`).
 *
 * DEFAULT_RUNTIME_CV = 0.1 is an assumption, stated in docs/platform.md: repeated runs of one
 * function vary by tens of percent between extremes (Wen et al. 2023, "Revisiting the performance
 * of serverless computing: an analysis of variance", up to 44 % on average between runs; Schirmer
 * et al. 2023, "The Night Shift", up to 15 % by time of day), and a 10 % coefficient of variation
 * is a middle reading of those spreads, not a measured constant.
 */
import { gridAtoms, lognormalAtoms, type Atoms } from "./distribution.js";

export const DEFAULT_RUNTIME_CV = 0.1;
/** Quantile grid of spread profiles: atoms at (k + ½)/200 — also where the simulator snaps its draws. */
export const QUANTILE_GRID = 200;

/** Snaps u ∈ (0, 1) to the midpoint of its grid cell. */
export function snapQuantile(u: number, grid = QUANTILE_GRID): number {
  return (Math.min(grid - 1, Math.max(0, Math.floor(u * grid))) + 0.5) / grid;
}

/** Atoms of one target: through its quantile function when it has one, else lognormal around the point. */
export function targetAtoms(point: number, quantile: ((u: number) => number) | undefined, cv: number): Atoms {
  if (quantile !== undefined) return gridAtoms((u) => Math.max(0, finiteOr0(quantile(u))), QUANTILE_GRID);
  return lognormalAtoms(Math.max(0, finiteOr0(point)), cv);
}

function finiteOr0(v: number): number {
  return Number.isFinite(v) ? v : 0;
}
