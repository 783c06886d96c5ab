/**
 * Power law `y ≈ a · x^b`, fitted as a line in log-log space: ln(1+y) = ln a + b · ln(1+x), by
 * least absolute error there (robust to outlier runs; see solveLeastAbsolute).
 * The +1 guards zero sizes and zero outputs; at the byte counts traces hold it changes nothing.
 */
import { countDistinct, maxAbs, solveLeastAbsolute } from "./least-squares.js";
import type { FitOutcome, FitTask, PowerArtifact } from "./types.js";

export function fitPowerLaw(task: FitTask): FitOutcome {
  const distinct = countDistinct(task.inputBytes);
  if (distinct < 2) return { status: "not-applicable", reason: `needs 2 distinct input sizes, got ${distinct}` };
  const logX = task.inputBytes.map((x) => Math.log1p(x));
  const logY = task.values.map((y) => Math.log1p(y));
  const scale = maxAbs(logX) || 1;
  const coefficients = solveLeastAbsolute(logX.map((lx) => [1, lx / scale]), logY, logY.map(() => 1));
  if (coefficients === undefined) return { status: "not-applicable", reason: "singular normal equations" };
  const [logScale, slope] = coefficients as [number, number];
  return { status: "fitted", model: { family: "power", logScale, exponent: slope / scale } };
}

export function predictPowerLaw(model: PowerArtifact, inputBytes: number): number {
  return Math.expm1(model.logScale + model.exponent * Math.log1p(Math.max(inputBytes, 0)));
}
