/**
 * The configured memory size as a second input to runtime: runtime(x, m) = f(x) · (m / m_ref)^γ.
 * On platforms like Lambda the CPU share grows with the memory setting, so a trace taken at several
 * settings shows the same input running faster with more memory. γ is fitted once per function,
 * kept within [−1, 0] (−1: runtime halves when memory doubles, perfect scaling; 0: no effect —
 * more memory never makes a function slower), and divided out of the rows so f is selected and
 * fitted as usual at the reference memory m_ref (the most common setting). Predictions clamp m to
 * the traced settings: no speed-up is extrapolated beyond what was measured.
 *
 * How γ is read, in order:
 * 1. From the same input traced at several settings (how right-sizing profilers sweep memory): the
 *    median over sizes and pairs of settings of Δ ln(runtime) / Δ ln(m), each runtime the median of
 *    its (size, setting) runs. Nothing is assumed about f, so its shape cannot bias γ.
 * 2. Where no size was traced at two settings, from at least MIN_REGRESSION_ROWS rows: least absolute error on
 *    ln y = a + b · u + c · u² + γ · ln(m / m_ref), u = ln(1 + x), a curve flexible enough for the
 *    families f is chosen from (an offset plus a slope bends in log-log).
 * Both work on ln y itself: a law fitted on ln(1 + y) reads γ near 0 for runtimes of a few
 * milliseconds (a true −1 read as −0.73 at 2 ms, −0.10 at 0.05 ms), so it is not used here.
 */
import { median } from "../../util/median.js";
import { mulberry32 } from "../../util/mulberry32.js";
import { solveLeastAbsolute } from "../regressors/least-squares.js";

export interface MemoryFactor {
  readonly exponent: number;
  readonly referenceMb: number;
  readonly minMb: number;
  readonly maxMb: number;
}

/** Rows sampled for the regression (2.): plenty for its four coefficients, bounded for a million rows. */
const MAX_REGRESSION_ROWS = 4000;
/** Fewer rows than this leave the regression's four coefficients barely determined (γ would fit the noise): no law. */
const MIN_REGRESSION_ROWS = 8;
/** Sizes within about 2% share a bucket in (1.): a stage after a root reads slightly different bytes per part. */
const SAME_SIZE_LOG_STEP = Math.log(1.02);

const usable = (x: number, y: number, m: number) => Number.isFinite(m) && m > 0 && Number.isFinite(y) && y > 0 && Number.isFinite(x) && x >= 0;

/** The memory law of these rows, or undefined when they hold fewer than two settings, or too few rows to read one. */
export function fitMemoryFactor(x: Float64Array, y: Float64Array, memoryMb: Float64Array): MemoryFactor | undefined {
  const counts = new Map<number, number>();
  for (let i = 0; i < x.length; i++) if (usable(x[i]!, y[i]!, memoryMb[i]!)) counts.set(memoryMb[i]!, (counts.get(memoryMb[i]!) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  const settings = [...counts.keys()].sort((a, b) => a - b);
  const referenceMb = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const gamma = pairedExponent(x, y, memoryMb) ?? regressionExponent(x, y, memoryMb, referenceMb);
  if (gamma === undefined || !Number.isFinite(gamma)) return undefined;
  const exponent = Math.min(0, Math.max(-1, gamma));
  return { exponent, referenceMb, minMb: settings[0]!, maxMb: settings[settings.length - 1]! };
}

/** γ from sizes traced at two or more settings (1. above); undefined when there are none. */
function pairedExponent(x: Float64Array, y: Float64Array, memoryMb: Float64Array): number | undefined {
  const cells = new Map<number, Map<number, number[]>>();
  for (let i = 0; i < x.length; i++) {
    if (!usable(x[i]!, y[i]!, memoryMb[i]!)) continue;
    const size = Math.round(Math.log1p(x[i]!) / SAME_SIZE_LOG_STEP);
    const bySetting = cells.get(size) ?? new Map<number, number[]>();
    cells.set(size, bySetting);
    const logs = bySetting.get(memoryMb[i]!) ?? [];
    bySetting.set(memoryMb[i]!, logs);
    logs.push(Math.log(y[i]!));
  }
  const slopes: number[] = [];
  for (const bySetting of cells.values()) {
    if (bySetting.size < 2) continue;
    const points = [...bySetting].map(([m, logs]) => ({ logM: Math.log(m), logY: median(logs) })).sort((a, b) => a.logM - b.logM);
    for (let j = 0; j < points.length; j++) for (let k = j + 1; k < points.length; k++) slopes.push((points[k]!.logY - points[j]!.logY) / (points[k]!.logM - points[j]!.logM));
  }
  return slopes.length === 0 ? undefined : median(slopes);
}

/** γ by regression over all sizes (2. above), on a seeded sample of at most MAX_REGRESSION_ROWS rows. */
function regressionExponent(x: Float64Array, y: Float64Array, memoryMb: Float64Array, referenceMb: number): number | undefined {
  const random = mulberry32(1);
  const keep = MAX_REGRESSION_ROWS / x.length;
  const design: number[][] = [], values: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!usable(x[i]!, y[i]!, memoryMb[i]!) || (keep < 1 && random() >= keep)) continue;
    // u scaled to about [0, 1] for sizes up to a terabyte, so the normal equations stay well conditioned.
    const u = Math.log1p(x[i]!) / 30;
    design.push([1, u, u * u, Math.log(memoryMb[i]! / referenceMb)]);
    values.push(Math.log(y[i]!));
  }
  if (values.length < MIN_REGRESSION_ROWS) return undefined;
  return solveLeastAbsolute(design, values, values.map(() => 1))?.[3];
}

/** (m / m_ref)^γ with m clamped to the traced settings; 1 without a memory law or a memory size. */
export function memoryScale(factor: MemoryFactor | undefined, memoryMb: number | undefined): number {
  if (factor === undefined || memoryMb === undefined || !(memoryMb > 0)) return 1;
  const m = Math.min(Math.max(memoryMb, factor.minMb), factor.maxMb);
  return (m / factor.referenceMb) ** factor.exponent;
}
