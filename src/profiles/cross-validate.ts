/**
 * k-fold cross-validation in two halves so that fits can be batched: `buildFoldTasks` lists the
 * training sets (one per fold, a forward split, then the full set), a fitter fits them all, and
 * `scoreCandidate` turns the fitted models into held-out predictions, metrics and residuals.
 *
 * The forward split trains on the smaller two thirds of the distinct sizes and tests on the larger
 * third: plans are made for inputs larger than the traced ones, so a family that interpolates well
 * but bends away beyond the data (a cubic on noisy points) should lose. The selection score is the
 * mean of the k-fold and forward errors; the reported metrics are the k-fold ones.
 */
import { assignFolds, type FoldPlan } from "./assign-folds.js";
import { computeMape, computeR2, computeRmse, type FitMetrics } from "./fit-metrics.js";
import { predictModel } from "./regressors/predict-model.js";
import { RESIDUAL_MODE, type FitOutcome, type FitTask, type ModelArtifact, type RegressorFamily, type ResidualMode } from "./regressors/types.js";

export interface FoldTasks {
  readonly plan: FoldPlan;
  /** `plan.folds` training sets (fold f left out), the forward training set if any, then the full set. */
  readonly tasks: readonly FitTask[];
  /** Rows the forward split tests on (its model is `tasks[plan.folds]`); undefined below 4 distinct sizes. */
  readonly forwardTestRows?: readonly boolean[];
}

export const FORWARD_MIN_SIZES = 4;

export type CandidateResult =
  | {
      readonly family: RegressorFamily;
      readonly status: "fitted";
      readonly model: ModelArtifact;
      readonly metrics: FitMetrics;
      /** Error used to compare families: the mean of k-fold and forward errors, each MAPE as a fraction (RMSE / mean |y| when MAPE is undefined). */
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
  const sizes = [...new Set(task.inputBytes)].sort((a, b) => a - b);
  if (sizes.length < FORWARD_MIN_SIZES) {
    tasks.push(task);
    return { plan, tasks };
  }
  const limit = sizes[Math.ceil((sizes.length * 2) / 3) - 1]!;
  const test = task.inputBytes.map((x) => x > limit);
  tasks.push({ inputBytes: task.inputBytes.filter((_, i) => !test[i]), values: task.values.filter((_, i) => !test[i]) }, task);
  return { plan, tasks, forwardTestRows: test };
}

function errorScore(measured: readonly number[], predicted: readonly number[]): number {
  const mape = computeMape(measured, predicted);
  const meanAbs = measured.reduce((s, y) => s + Math.abs(y), 0) / Math.max(1, measured.length);
  const score = mape !== null ? mape / 100 : computeRmse(measured, predicted) / (meanAbs > 0 ? meanAbs : 1);
  return Number.isFinite(score) ? score : Number.MAX_VALUE;
}

export function residualOf(mode: ResidualMode, measured: number, predicted: number): number {
  return mode === "absolute" ? measured - predicted : Math.log1p(Math.max(measured, 0)) - Math.log1p(Math.max(predicted, 0));
}

/** Scores one family from its fits to `folds.tasks` (same order). */
export function scoreCandidate(family: RegressorFamily, task: FitTask, folds: FoldTasks, outcomes: readonly FitOutcome[]): CandidateResult {
  const failed = outcomes.findIndex((o) => o.status === "not-applicable");
  const failure = outcomes[failed];
  if (failure?.status === "not-applicable") {
    const forward = folds.forwardTestRows !== undefined && failed === folds.plan.folds;
    return { family, status: "not-applicable", reason: forward ? `cannot fit the smaller two thirds of the sizes (${failure.reason})` : failure.reason };
  }
  const models = outcomes.map((o) => (o.status === "fitted" ? o.model : undefined));
  const full = models[models.length - 1];
  if (full === undefined) return { family, status: "not-applicable", reason: "no fit" };
  const inSample = folds.plan.folds === 0;
  const predicted = task.inputBytes.map((x, i) => predictModel(inSample ? full : models[folds.plan.foldOfRow[i]!]!, x));
  const measured = task.values;
  const mapePercent = computeMape(measured, predicted);
  let score = errorScore(measured, predicted);
  const test = folds.forwardTestRows;
  if (test !== undefined) {
    const forwardModel = models[folds.plan.folds]!;
    const rows = measured.map((_, i) => i).filter((i) => test[i]);
    score = (score + errorScore(rows.map((i) => measured[i]!), rows.map((i) => predictModel(forwardModel, task.inputBytes[i]!)))) / 2;
  }
  const residualMode = RESIDUAL_MODE[family];
  const residuals = measured.map((y, i) => residualOf(residualMode, y, predicted[i]!)).sort((a, b) => a - b);
  return {
    family,
    status: "fitted",
    model: full,
    metrics: { mapePercent, r2: computeR2(measured, predicted), rows: measured.length, method: inSample ? "in-sample" : "k-fold", folds: folds.plan.folds },
    score,
    residualMode,
    residuals,
  };
}
