/**
 * Validation in two halves so that fits can be batched: `buildFoldTasks` lists the training sets
 * (one per fold, the leave-largest-sizes-out set, then the full set), a fitter fits them all, and
 * `scoreCandidate` scores the fitted models on the rows each did not see.
 *
 * Leave-largest-sizes-out ("extrapolation"): train on the smaller two thirds of the distinct sizes,
 * score on the largest third. Plans are made for inputs larger than the traced ones, so this is the
 * error that matters; a family that interpolates well but bends away beyond the data loses. The
 * selection score is the mean of the k-fold and the extrapolation errors.
 *
 * Scale: a training set larger than MAX_FIT_ROWS is fitted on an even subsample of its rows in
 * size order (the families have ≤ 4 parameters; more rows change the fit by less than the noise),
 * and families are compared on at most MAX_SCORE_ROWS rows, also evenly spaced in size order; the
 * kept family's in-sample error runs over every row. Training a million rows costs a sort, not a
 * million-row least-squares problem per fold nor a million predictions per candidate and fold.
 */
import { assignFolds, sizeOrder, type FoldPlan } from "../assign-folds.js";
import { computeMape, computeR2 } from "../set/fit-metrics.js";
import { predictModel } from "../regressors/predict-model.js";
import type { FitOutcome, FitTask, ModelArtifact, RegressorFamily } from "../regressors/types.js";

export const MAX_FIT_ROWS = 1000;
/** Candidates are compared on at most this many rows, evenly spaced in size order (the errors are means: 200,000 rows pin them far below any difference that matters). */
export const MAX_SCORE_ROWS = 200_000;
export const FORWARD_MIN_SIZES = 4;

export interface TargetRows {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface FoldTasks {
  readonly plan: FoldPlan;
  /** `plan.folds` training sets (fold f left out), the extrapolation set if any, then the full set. */
  readonly tasks: readonly FitTask[];
  /** 1 for rows the extrapolation split scores (its model is `tasks[plan.folds]`); undefined below 4 sizes. */
  readonly forwardTest?: Uint8Array;
}

export type CandidateResult =
  | {
      readonly family: RegressorFamily;
      readonly status: "fitted";
      readonly model: ModelArtifact;
      /** k-fold MAPE and R² (null when not validated) and extrapolation MAPE; the in-sample MAPE is fitMape's, for the kept family only. */
      readonly kfoldMapePercent: number | null;
      readonly r2: number | null;
      readonly extrapolationMapePercent: number | null;
      /** "k-fold" when every fold could be fitted; "in-sample" when only the full set could (too few sizes). */
      readonly method: "k-fold" | "in-sample";
      /** Error used to compare families (a fraction): mean of k-fold and extrapolation MAPE, or in-sample. */
      readonly score: number;
    }
  | { readonly family: RegressorFamily; readonly status: "not-applicable"; readonly reason: string };

/** ≤ MAX_FIT_ROWS rows of `rows` (indexes in size order), evenly spaced. */
function subsample(order: Uint32Array, keep: (i: number) => boolean, rows: TargetRows): FitTask {
  const picked: number[] = [];
  for (const i of order) if (keep(i)) picked.push(i);
  const count = Math.min(picked.length, MAX_FIT_ROWS);
  const xs = new Array<number>(count), ys = new Array<number>(count);
  for (let k = 0; k < count; k++) {
    const row = picked[count === picked.length ? k : Math.floor((k * picked.length) / count)]!;
    xs[k] = rows.x[row]!;
    ys[k] = rows.y[row]!;
  }
  return { inputBytes: xs, values: ys };
}

export function buildFoldTasks(rows: TargetRows, requestedFolds: number): FoldTasks {
  const plan = assignFolds(rows.x, requestedFolds);
  const order = sizeOrder(plan);
  const tasks: FitTask[] = [];
  for (let f = 0; f < plan.folds; f++) tasks.push(subsample(order, (i) => plan.foldOfRow[i] !== f, rows));
  if (plan.sizes.length < FORWARD_MIN_SIZES) {
    tasks.push(subsample(order, () => true, rows));
    return { plan, tasks };
  }
  const limit = plan.sizes[Math.ceil((plan.sizes.length * 2) / 3) - 1]!;
  const forwardTest = Uint8Array.from(rows.x, (x) => (x > limit ? 1 : 0));
  tasks.push(subsample(order, (i) => forwardTest[i] === 0, rows), subsample(order, () => true, rows));
  return { plan, tasks, forwardTest };
}

/** Held-out predictions of a family: each row by the fold model that did not see its size (in-sample when no folds). */
export function heldOutPredictions(rows: TargetRows, folds: FoldTasks, models: readonly (ModelArtifact | undefined)[]): Float64Array | undefined {
  const out = new Float64Array(rows.x.length);
  const full = models[models.length - 1];
  for (let i = 0; i < rows.x.length; i++) {
    const m = folds.plan.folds === 0 ? full : models[folds.plan.foldOfRow[i]!];
    if (m === undefined) return undefined;
    out[i] = predictModel(m, rows.x[i]!);
  }
  return out;
}

const asFraction = (mape: number | null) => (mape === null ? 0 : Number.isFinite(mape) ? mape / 100 : Number.MAX_VALUE);

/** Row indexes candidates are scored on: all, or MAX_SCORE_ROWS evenly spaced in size order. */
export function scoringRows(folds: FoldTasks, n: number): Uint32Array | undefined {
  if (n <= MAX_SCORE_ROWS) return undefined;
  const order = sizeOrder(folds.plan);
  return Uint32Array.from({ length: MAX_SCORE_ROWS }, (_, k) => order[Math.floor((k * n) / MAX_SCORE_ROWS)]!);
}

/** The fitted model's MAPE over every row. */
export function fitMape(model: ModelArtifact, rows: TargetRows): number | null {
  return computeMape(rows.y, Float64Array.from(rows.x, (x) => predictModel(model, x)));
}

/**
 * Scores one family from its fits to `folds.tasks` (same order), on `subset` of the rows when given
 * (see scoringRows).
 */
export function scoreCandidate(family: RegressorFamily, all: TargetRows, allFolds: FoldTasks, outcomes: readonly FitOutcome[], subset?: Uint32Array): CandidateResult {
  const models = outcomes.map((o) => (o.status === "fitted" ? o.model : undefined));
  const full = models[models.length - 1];
  const fullOutcome = outcomes[outcomes.length - 1];
  if (full === undefined) return { family, status: "not-applicable", reason: fullOutcome?.status === "not-applicable" ? fullOutcome.reason : "no fit" };
  const rows: TargetRows = subset === undefined ? all : { x: Float64Array.from(subset, (i) => all.x[i]!), y: Float64Array.from(subset, (i) => all.y[i]!) };
  const folds: FoldTasks = subset === undefined ? allFolds : { ...allFolds, plan: { ...allFolds.plan, foldOfRow: Int32Array.from(subset, (i) => allFolds.plan.foldOfRow[i]!) }, ...(allFolds.forwardTest === undefined ? {} : { forwardTest: Uint8Array.from(subset, (i) => allFolds.forwardTest![i]!) }) };
  const foldModels = models.slice(0, folds.plan.folds);
  const validated = folds.plan.folds > 0 && foldModels.every((m) => m !== undefined);
  let kfoldMapePercent: number | null = null, r2: number | null = null;
  if (validated) {
    const held = heldOutPredictions(rows, folds, models)!;
    kfoldMapePercent = computeMape(rows.y, held);
    r2 = computeR2(rows.y, held);
  }
  let extrapolationMapePercent: number | null = null;
  const forwardModel = folds.forwardTest === undefined ? undefined : models[folds.plan.folds];
  if (folds.forwardTest !== undefined && forwardModel !== undefined) {
    const ys: number[] = [], ps: number[] = [];
    for (let i = 0; i < rows.x.length; i++) {
      if (folds.forwardTest[i] !== 1) continue;
      ys.push(rows.y[i]!);
      ps.push(predictModel(forwardModel, rows.x[i]!));
    }
    extrapolationMapePercent = computeMape(ys, ps);
  }
  const score = validated
    ? extrapolationMapePercent === null ? asFraction(kfoldMapePercent) : (asFraction(kfoldMapePercent) + asFraction(extrapolationMapePercent)) / 2
    : asFraction(fitMape(full, rows));
  return { family, status: "fitted", model: full, kfoldMapePercent, r2, extrapolationMapePercent, method: validated ? "k-fold" : "in-sample", score };
}
