/**
 * Power law `y ≈ a · x^b`, fitted as a line in log-log space by least absolute error there (robust
 * to outlier runs; see solveLeastAbsolute): ln y = ln a + b · ln(1 + x) when every value is > 0,
 * else ln(1 + y) (offset 1) to guard zeros. The +1 on x changes nothing at the byte counts traces
 * hold; on y it would: runtimes of 0.3–3 ms or memory of 0.05–2 MiB are not ≫ 1, and ln(1 + y)
 * then bends the law by the unit y is written in (a linear runtime of 0.3–3 ms over a decade of
 * sizes reads as slope 0.49 and predicts 4.6 ms instead of 6 at twice the largest size).
 */
import { countDistinct, maxAbs, solveLeastAbsolute } from "./least-squares.js";
import type { FitOutcome, FitTask, PowerArtifact } from "./types.js";

export function fitPowerLaw(task: FitTask): FitOutcome {
  const distinct = countDistinct(task.inputBytes);
  if (distinct < 2) return { status: "not-applicable", reason: `needs 2 distinct input sizes, got ${distinct}` };
  const logX = task.inputBytes.map((x) => Math.log1p(x));
  const offset = task.values.every((y) => y > 0) ? 0 : 1;
  const logY = task.values.map((y) => Math.log(y + offset));
  const scale = maxAbs(logX) || 1;
  const coefficients = solveLeastAbsolute(logX.map((lx) => [1, lx / scale]), logY, logY.map(() => 1));
  if (coefficients === undefined) return { status: "not-applicable", reason: "singular normal equations" };
  const [logScale, slope] = coefficients as [number, number];
  return { status: "fitted", model: { family: "power", logScale, exponent: slope / scale, offset } };
}

export function predictPowerLaw(model: PowerArtifact, inputBytes: number): number {
  return Math.exp(model.logScale + model.exponent * Math.log1p(Math.max(inputBytes, 0))) - (model.offset ?? 1);
}
