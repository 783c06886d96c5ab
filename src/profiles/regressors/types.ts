/**
 * Regressor families and the plain artifacts a fitted model turns into. An artifact is read-only
 * data: predicting from it needs no TensorFlow, and saving it is JSON (plus MLP weights).
 */

export const REGRESSOR_FAMILIES = ["constant", "linear", "power", "poly2", "poly3", "mlp", "ceil-power", "broken-power"] as const;
export type RegressorFamily = (typeof REGRESSOR_FAMILIES)[number];

/**
 * What a user asks for: a family, `poly` (degree 2 or 3, chosen by cross-validation), or `auto`.
 * `ceil-power` fits whole counts only: forced on a target with other values it falls back to auto.
 */
export const MODEL_CHOICES = ["auto", "constant", "linear", "poly", "power", "broken-power", "mlp", "ceil-power"] as const;
export type ModelChoice = (typeof MODEL_CHOICES)[number];

/** Parameters per family: how much flexibility it has (ties in error go to the simpler one). */
export const FAMILY_PARAMETERS: Readonly<Record<RegressorFamily, number>> = { constant: 1, linear: 2, power: 2, "ceil-power": 2, poly2: 3, poly3: 4, "broken-power": 4, mlp: 32 };


/** Families whose predictions are whole counts: their quantiles are rounded up to whole counts too. */
export const COUNT_FAMILIES: ReadonlySet<RegressorFamily> = new Set(["ceil-power"]);

export interface ConstantArtifact {
  readonly family: "constant";
  readonly value: number;
}

/** `y = Σ_k coefficients[k] · (x / xScale)^k`. */
export interface PolynomialArtifact {
  readonly family: "linear" | "poly2" | "poly3";
  readonly xScale: number;
  readonly coefficients: readonly number[];
}

/**
 * `y = exp(logScale + exponent · ln(1 + x)) − offset`: a power law fitted in log-log space. offset 0
 * (fitted on ln y) when every trained value is > 0; 1 (fitted on ln(1 + y)) when zeros must be
 * guarded. Absent: 1, as profiles written before the offset existed were fitted.
 */
export interface PowerArtifact {
  readonly family: "power";
  readonly logScale: number;
  readonly exponent: number;
  readonly offset?: 0 | 1;
}

/**
 * `ln(y + offset) = logScale + exponent · l + (exponentAbove − exponent) · max(0, l − ln(1 + kneeBytes))`,
 * l = ln(1 + x): two power laws joined continuously at kneeBytes (broken-power.ts).
 */
export interface BrokenPowerArtifact {
  readonly family: "broken-power";
  readonly logScale: number;
  readonly exponent: number;
  readonly kneeBytes: number;
  readonly exponentAbove: number;
  readonly offset: 0 | 1;
}

/** `y = max(1, ⌈exp(logScale + exponent · ln(1 + x))⌉)`: a power law stepped to whole counts (ceil-power.ts). */
export interface CeilPowerArtifact {
  readonly family: "ceil-power";
  readonly logScale: number;
  readonly exponent: number;
}

/**
 * One hidden ReLU layer in log-log space: `z = (ln(1+x) − inputMean) / inputStd`,
 * `h = relu(z · w1 + b1)`, `y = exp((h · w2 + b2 + z · skip) · outputStd + outputMean) − 1`.
 * `weights` is flat: w1 (hiddenUnits), b1 (hiddenUnits), w2 (hiddenUnits), b2 (1), skip (1), float32 values.
 */
export interface MlpArtifact {
  readonly family: "mlp";
  readonly hiddenUnits: number;
  readonly inputMean: number;
  readonly inputStd: number;
  readonly outputMean: number;
  readonly outputStd: number;
  readonly weights: readonly number[];
}

export type ModelArtifact = ConstantArtifact | PolynomialArtifact | PowerArtifact | BrokenPowerArtifact | CeilPowerArtifact | MlpArtifact;

/** One regression problem: x = input bytes, y = the target's values; equal lengths. */
export interface FitTask {
  readonly inputBytes: readonly number[];
  readonly values: readonly number[];
}

/** A fit either gives a model or says why the family does not apply to these points. */
export type FitOutcome = { readonly status: "fitted"; readonly model: ModelArtifact } | { readonly status: "not-applicable"; readonly reason: string };
