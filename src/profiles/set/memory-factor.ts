/**
 * The configured memory size as a second input to runtime: runtime(x, m) = f(x) · s(x, m), with
 * s(x, m) = (m / m_ref)^γ, or the speed-ups measured at each size where the same inputs were traced
 * at several settings (memory-speedups.ts; γ then covers the settings a size was not traced at).
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
import { buildSpeedupTable, type SizeCell, speedupAt, type SpeedupTable } from "./memory-speedups.js";

export interface MemoryFactor {
  readonly exponent: number;
  readonly referenceMb: number;
  readonly minMb: number;
  readonly maxMb: number;
  /** Speed-ups as measured at the sizes traced at several settings; absent where none was. */
  readonly table?: SpeedupTable;
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
  const cells = sizeCells(x, y, memoryMb);
  const gamma = pairedExponent(cells) ?? regressionExponent(x, y, memoryMb, referenceMb);
  if (gamma === undefined || !Number.isFinite(gamma)) return undefined;
  const exponent = Math.min(0, Math.max(-1, gamma));
  const table = buildSpeedupTable(cells, settings, referenceMb, exponent);
  return { exponent, referenceMb, minMb: settings[0]!, maxMb: settings[settings.length - 1]!, ...(table === undefined ? {} : { table }) };
}

/** The usable rows by size (sizes within SAME_SIZE_LOG_STEP as one): median input and median ln runtime per setting. */
function sizeCells(x: Float64Array, y: Float64Array, memoryMb: Float64Array): SizeCell[] {
  const buckets = new Map<number, { inputs: number[]; logs: Map<number, number[]> }>();
  for (let i = 0; i < x.length; i++) {
    if (!usable(x[i]!, y[i]!, memoryMb[i]!)) continue;
    const key = Math.round(Math.log1p(x[i]!) / SAME_SIZE_LOG_STEP);
    const b = buckets.get(key) ?? { inputs: [], logs: new Map<number, number[]>() };
    buckets.set(key, b);
    b.inputs.push(x[i]!);
    const logs = b.logs.get(memoryMb[i]!) ?? [];
    b.logs.set(memoryMb[i]!, logs);
    logs.push(Math.log(y[i]!));
  }
  return [...buckets.values()].map((b) => ({ inputBytes: median(b.inputs), logRuntimeBySetting: new Map([...b.logs].map(([m, logs]) => [m, median(logs)])) }));
}

/** γ from sizes traced at two or more settings (1. above); undefined when there are none. */
function pairedExponent(cells: readonly SizeCell[]): number | undefined {
  const slopes: number[] = [];
  for (const c of cells) {
    if (c.logRuntimeBySetting.size < 2) continue;
    const points = [...c.logRuntimeBySetting].map(([m, logY]) => ({ logM: Math.log(m), logY })).sort((a, b) => a.logM - b.logM);
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

/**
 * s(x, m) with m clamped to the traced settings: the measured speed-ups at input `inputBytes` where
 * the law has a table, else (m / m_ref)^γ; 1 without a memory law or a memory size.
 */
export function memoryScale(factor: MemoryFactor | undefined, memoryMb: number | undefined, inputBytes?: number): number {
  if (factor === undefined || memoryMb === undefined || !(memoryMb > 0)) return 1;
  const m = Math.min(Math.max(memoryMb, factor.minMb), factor.maxMb);
  if (factor.table !== undefined && inputBytes !== undefined && Number.isFinite(inputBytes)) return speedupAt(factor.table, m, inputBytes);
  return (m / factor.referenceMb) ** factor.exponent;
}
