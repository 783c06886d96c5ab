/**
 * k-fold cross-validation in two halves so that fits can be batched: `buildFoldTasks` lists the
 * training sets (one per fold, then the full set), a fitter fits them all, and `scoreCandidate`
 * turns the fitted models into held-out predictions, metrics and residuals for one family.
 */
import { assignFolds, type FoldPlan } from "./assign-folds.js";
import { computeMape, computeR2, computeRmse, type FitMetrics } from "./fit-metrics.js";
import { predictModel } from "./regressors/predict-model.js";
import { RESIDUAL_MODE, type FitOutcome, type FitTask, type ModelArtifact, type RegressorFamily, type ResidualMode } from "./regressors/types.js";

export interface FoldTasks {
  readonly plan: FoldPlan;
  /** `plan.folds` training sets (fold f left out), then the full set. */
  readonly tasks: readonly FitTask[];
}

export type CandidateResult =
  | {
      readonly family: RegressorFamily;
      readonly status: "fitted";
      readonly model: ModelArtifact;
      readonly metrics: FitMetrics;
      /** Error used to compare families: MAPE as a fraction, or RMSE / mean |y| when MAPE is undefined. */
      readonly score: number;
      readonly residualMode: ResidualMode;
      /** Held-out residuals, sorted ascending. */
      readonly residuals: readonly number[];
    }
  | { readonly family: RegressorFamily; readonly status: "not-applicable"; readonly reason: string };

export function buildFoldTasks(task: FitTask, requestedFolds: number): FoldTasks {
  const plan = assignFolds(task.inputBytes, requestedFolds);
  const tasks: FitTask[] = [];
  for (let f = 0; f < plan.folds; f++) {
    const keep = plan.foldOfRow.map((fold) => fold !== f);
    tasks.push({ inputBytes: task.inputBytes.filter((_, i) => keep[i]), values: task.values.filter((_, i) => keep[i]) });
  }
  tasks.push(task);
  return { plan, tasks };
}

export function residualOf(mode: ResidualMode, measured: number, predicted: number): number {
  return mode === "absolute" ? measured - predicted : Math.log1p(Math.max(measured, 0)) - Math.log1p(Math.max(predicted, 0));
}

/** Scores one family from its fits to `folds.tasks` (same order). */
export function scoreCandidate(family: RegressorFamily, task: FitTask, folds: FoldTasks, outcomes: readonly FitOutcome[]): CandidateResult {
  const failed = outcomes.find((o) => o.status === "not-applicable");
  if (failed !== undefined && failed.status === "not-applicable") return { family, status: "not-applicable", reason: failed.reason };
  const models = outcomes.map((o) => (o.status === "fitted" ? o.model : undefined));
  const full = models[models.length - 1];
  if (full === undefined) return { family, status: "not-applicable", reason: "no fit" };
  const inSample = folds.plan.folds === 0;
  const predicted = task.inputBytes.map((x, i) => predictModel(inSample ? full : models[folds.plan.foldOfRow[i]!]!, x));
  const measured = task.values;
  const mapePercent = computeMape(measured, predicted);
  const meanAbs = measured.reduce((s, y) => s + Math.abs(y), 0) / Math.max(1, measured.length);
  const score = mapePercent !== null ? mapePercent / 100 : computeRmse(measured, predicted) / (meanAbs > 0 ? meanAbs : 1);
  const residualMode = RESIDUAL_MODE[family];
  const residuals = measured.map((y, i) => residualOf(residualMode, y, predicted[i]!)).sort((a, b) => a - b);
  return {
    family,
    status: "fitted",
    model: full,
    metrics: { mapePercent, r2: computeR2(measured, predicted), rows: measured.length, method: inSample ? "in-sample" : "k-fold", folds: folds.plan.folds },
    score: Number.isFinite(score) ? score : Number.MAX_VALUE,
    residualMode,
    residuals,
  };
}
