/**
 * Broken power law: two power laws joined at a knee size, continuous there — in log-log space a
 * hinge, `ln(y + offset) = logScale + exponent · l + (exponentAbove − exponent) · max(0, l − lk)`
 * with l = ln(1 + x) and lk = ln(1 + kneeBytes). Beyond the knee it grows as x^exponentAbove.
 *
 * Why: warm runtime per byte is often U-shaped in the input size — a fixed per-call cost spread
 * over more bytes makes the small sizes' slope < 1, data outgrowing the caches makes the large
 * sizes' slope > 1. One power law fitted to all sizes averages the two and extrapolates the
 * average; this family extrapolates the slope of the sizes above the knee, the local behaviour at
 * the top of the trained range.
 *
 * Fit: for each candidate knee (a distinct trained size with at least MIN_SIDE_SIZES − 1 sizes on
 * either side, so each side's slope is seen on ≥ 3 sizes counting the knee, spanning ≥ 2× in size
 * on each side), the hinge is linear
 * in (logScale, exponent, exponentAbove − exponent) and is fitted by least absolute error in
 * log space (as the power law is); the knee with the least total absolute log error wins. At most
 * MAX_KNEES candidates, evenly spread over the eligible sizes. A knee whose fit has a negative
 * slope on either side is skipped: below the knee it would explode toward small inputs (a plan at
 * 1 KiB from traces starting at 256 KiB), above it the law would shrink toward zero at large ones —
 * the guard against explosive growth (extrapolation-guard.ts) sees neither. Needs 2·MIN_SIDE_SIZES − 1
 * distinct sizes. offset is 0 when every value is > 0, else 1 (ln(1 + y) guards zeros), as for the
 * power law.
 */
import { distinctSorted } from "../assign-folds.js";
import { maxAbs, solveLeastAbsolute } from "./least-squares.js";
import type { BrokenPowerArtifact, FitOutcome, FitTask } from "./types.js";

export const MIN_SIDE_SIZES = 3;
export const MIN_SIDE_SPAN = 2;
const MAX_KNEES = 24;

/**
 * Candidate knee sizes: distinct sizes with ≥ MIN_SIDE_SIZES − 1 others on each side and a size
 * range of ≥ MIN_SIDE_SPAN× on each side (a slope read over less than a doubling of the input is
 * mostly run-to-run noise, and this law carries the upper slope thousands of times beyond the
 * data), ≤ MAX_KNEES of them, evenly spread.
 */
function kneeCandidates(sizes: ArrayLike<number>): number[] {
  const lowest = sizes[0]!, highest = sizes[sizes.length - 1]!;
  const eligible: number[] = [];
  for (let i = MIN_SIDE_SIZES - 1; i <= sizes.length - MIN_SIDE_SIZES; i++) {
    const knee = sizes[i]!;
    if (knee >= lowest * MIN_SIDE_SPAN && highest >= knee * MIN_SIDE_SPAN) eligible.push(knee);
  }
  const picks = Math.min(eligible.length, MAX_KNEES);
  const idx = new Set(Array.from({ length: picks }, (_, k) => (picks === 1 ? 0 : Math.round((k * (eligible.length - 1)) / (picks - 1)))));
  return [...idx].map((i) => eligible[i]!);
}

export function fitBrokenPower(task: FitTask): FitOutcome {
  const sizes = distinctSorted(task.inputBytes);
  const needed = 2 * MIN_SIDE_SIZES - 1;
  if (sizes.length < needed) return { status: "not-applicable", reason: `needs ${needed} distinct input sizes, got ${sizes.length}` };
  const knees = kneeCandidates(sizes);
  if (knees.length === 0) return { status: "not-applicable", reason: `needs a knee size with ${MIN_SIDE_SIZES} sizes spanning ≥ ${MIN_SIDE_SPAN}× on each side` };
  const logX = task.inputBytes.map((x) => Math.log1p(Math.max(x, 0)));
  const offset = task.values.every((y) => y > 0) ? 0 : 1;
  const logY = task.values.map((y) => Math.log(Math.max(y, 0) + offset));
  const scale = maxAbs(logX) || 1;
  const ones = logY.map(() => 1);
  let best: { error: number; model: BrokenPowerArtifact } | undefined;
  for (const knee of knees) {
    const lk = Math.log1p(knee);
    const design = logX.map((l) => [1, l / scale, Math.max(0, l - lk) / scale]);
    const c = solveLeastAbsolute(design, logY, ones);
    if (c === undefined) continue;
    const [logScale, slope, bend] = c as [number, number, number];
    if (slope < 0 || slope + bend < 0) continue;
    let error = 0;
    for (let i = 0; i < logY.length; i++) error += Math.abs(logY[i]! - (logScale + (slope * design[i]![1]!) + bend * design[i]![2]!));
    if (best === undefined || error < best.error) {
      best = { error, model: { family: "broken-power", logScale, exponent: slope / scale, kneeBytes: knee, exponentAbove: (slope + bend) / scale, offset } };
    }
  }
  return best === undefined ? { status: "not-applicable", reason: "no knee gives a law with non-negative slopes on both sides" } : { status: "fitted", model: best.model };
}

export function predictBrokenPower(model: BrokenPowerArtifact, inputBytes: number): number {
  const l = Math.log1p(Math.max(inputBytes, 0));
  const above = Math.max(0, l - Math.log1p(model.kneeBytes));
  return Math.exp(model.logScale + model.exponent * l + (model.exponentAbove - model.exponent) * above) - model.offset;
}
