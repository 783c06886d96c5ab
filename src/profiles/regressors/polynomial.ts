/**
 * Constant, linear and polynomial (degree 2–3) fits on `x / max|x|`, minimising absolute relative
 * error (see solveLeastAbsolute): the fit aims at the metric it is judged by, MAPE.
 * A degree-d fit needs at least d + 1 distinct input sizes.
 */
import { countDistinct, maxAbs, relativeScales, solveLeastAbsolute } from "./least-squares.js";
import type { FitOutcome, FitTask, PolynomialArtifact } from "./types.js";

const DEGREE: Readonly<Record<PolynomialArtifact["family"], number>> = { linear: 1, poly2: 2, poly3: 3 };

export function fitConstant(task: FitTask): FitOutcome {
  if (task.values.length === 0) return { status: "not-applicable", reason: "no points" };
  const value = task.values.reduce((s, v) => s + v, 0) / task.values.length;
  return { status: "fitted", model: { family: "constant", value } };
}

export function fitPolynomial(family: PolynomialArtifact["family"], task: FitTask): FitOutcome {
  const degree = DEGREE[family];
  const distinct = countDistinct(task.inputBytes);
  if (distinct < degree + 1) return { status: "not-applicable", reason: `needs ${degree + 1} distinct input sizes, got ${distinct}` };
  const xScale = maxAbs(task.inputBytes) || 1;
  const design = task.inputBytes.map((x) => Array.from({ length: degree + 1 }, (_, k) => (x / xScale) ** k));
  const coefficients = solveLeastAbsolute(design, task.values, relativeScales(task.values));
  if (coefficients === undefined) return { status: "not-applicable", reason: "singular normal equations" };
  return { status: "fitted", model: { family, xScale, coefficients } };
}

export function predictPolynomial(model: PolynomialArtifact, inputBytes: number): number {
  const z = inputBytes / model.xScale;
  let y = 0;
  for (let k = model.coefficients.length - 1; k >= 0; k--) y = y * z + (model.coefficients[k] ?? 0);
  return y;
}
