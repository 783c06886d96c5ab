/**
 * The configured memory size as a second input to runtime: runtime(x, m) = f(x) · (m / m_ref)^γ.
 * On platforms like Lambda the CPU share grows with the memory setting, so a trace taken at several
 * settings shows the same input running faster with more memory. γ is fitted once per function by
 * least absolute error on ln(1 + y) = a + b · ln(1 + x) + γ · ln m (the power law with memory as a
 * second regressor), kept within [−1, 0] (−1: runtime halves when memory doubles, perfect scaling;
 * 0: no effect — more memory never makes a function slower), and divided out of the rows so f is
 * selected and fitted as usual at the reference memory m_ref (the most common setting). Predictions
 * clamp m to the traced settings: no speed-up is extrapolated beyond what was measured.
 */
import { solveLeastAbsolute } from "../regressors/least-squares.js";

export interface MemoryFactor {
  readonly exponent: number;
  readonly referenceMb: number;
  readonly minMb: number;
  readonly maxMb: number;
}

const MAX_ROWS = 4000;

/** The memory law of these rows, or undefined when they hold fewer than two settings. */
export function fitMemoryFactor(x: Float64Array, y: Float64Array, memoryMb: Float64Array): MemoryFactor | undefined {
  const counts = new Map<number, number>();
  for (const m of memoryMb) if (Number.isFinite(m) && m > 0) counts.set(m, (counts.get(m) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  const settings = [...counts.keys()].sort((a, b) => a - b);
  const referenceMb = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const step = Math.max(1, Math.floor(x.length / MAX_ROWS));
  const design: number[][] = [], values: number[] = [];
  for (let i = 0; i < x.length; i += step) {
    const m = memoryMb[i]!;
    if (!(Number.isFinite(m) && m > 0)) continue;
    design.push([1, Math.log1p(x[i]!) / 30, Math.log(m / referenceMb)]);
    values.push(Math.log1p(y[i]!));
  }
  const c = solveLeastAbsolute(design, values, values.map(() => 1));
  if (c === undefined) return undefined;
  const exponent = Math.min(0, Math.max(-1, c[2]!));
  return { exponent, referenceMb, minMb: settings[0]!, maxMb: settings[settings.length - 1]! };
}

/** (m / m_ref)^γ with m clamped to the traced settings; 1 without a memory law or a memory size. */
export function memoryScale(factor: MemoryFactor | undefined, memoryMb: number | undefined): number {
  if (factor === undefined || memoryMb === undefined || !(memoryMb > 0)) return 1;
  const m = Math.min(Math.max(memoryMb, factor.minMb), factor.maxMb);
  return (m / factor.referenceMb) ** factor.exponent;
}
