/**
 * One (function, segment, target) from fitted candidates to its stored profile: score every family
 * on the rows it did not see, refuse the ones that explode beyond the data, select, and summarise
 * the chosen family's held-out residuals.
 */
import { InputError, issue } from "../../errors.js";
import { fitMape, heldOutPredictions, scoreCandidate, scoringRows, type FoldTasks, type TargetRows } from "./cross-validate.js";
import { dataSlope, refuseExtrapolation } from "./extrapolation-guard.js";
import type { MemoryFactor } from "../set/memory-factor.js";
import type { CandidateSummary, TargetProfileData } from "../set/profile-set-data.js";
import { predictModel } from "../regressors/predict-model.js";
import type { FitOutcome, ModelChoice, RegressorFamily } from "../regressors/types.js";
import { summariseResiduals } from "../set/residual-summary.js";
import { familiesFor, selectModel, type Judged } from "./select-model.js";
import type { ProfileTarget, Segment } from "../types.js";

export interface TargetProblem {
  readonly fn: string;
  readonly segment: Segment;
  readonly target: ProfileTarget;
  readonly choice: ModelChoice;
  readonly count: boolean;
  readonly rows: TargetRows;
  readonly memoryFactor?: MemoryFactor;
  readonly folds: FoldTasks;
  readonly outcomes: Map<RegressorFamily, FitOutcome[]>;
}

function summary(c: Judged): CandidateSummary {
  if (c.status !== "fitted") return { family: c.family, status: "not-applicable", kfoldMapePercent: null, extrapolationMapePercent: null, r2: null, reason: c.reason };
  return { family: c.family, status: c.refused === undefined ? "fitted" : "refused", kfoldMapePercent: c.kfoldMapePercent, extrapolationMapePercent: c.extrapolationMapePercent, r2: c.r2, ...(c.refused === undefined ? {} : { reason: c.refused }) };
}

/** A prediction as a non-negative finite number: NaN and below zero read as 0, beyond the largest double as the largest double. */
function finiteAtMost(v: number): number {
  return v > 0 ? Math.min(v, Number.MAX_VALUE) : 0;
}

export function finishTarget(p: TargetProblem): TargetProfileData {
  let xMin = Infinity, xMax = -Infinity;
  for (const x of p.rows.x) {
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
  }
  const slope = dataSlope(p.rows);
  const subset = scoringRows(p.folds, p.rows.x.length);
  const judge = (family: RegressorFamily): Judged => {
    const c = scoreCandidate(family, p.rows, p.folds, p.outcomes.get(family) ?? [{ status: "not-applicable", reason: "not trained" }], subset);
    if (c.status !== "fitted") return c;
    const refused = refuseExtrapolation(c.model, xMax, slope);
    return refused === undefined ? c : { ...c, refused };
  };
  const candidates = familiesFor(p.choice, p.outcomes.has("mlp"), p.count).map(judge);
  const fallback = p.choice === "auto" ? candidates : familiesFor("auto", false, p.count).map(judge);
  const selection = selectModel(p.choice, candidates, fallback);
  if (selection === undefined) throw new InputError("Cannot train profiles", [issue("profiles.noFamilyFits", { path: ["records", p.fn, p.target] })]);
  const c = selection.chosen;
  const models = (p.outcomes.get(c.family) ?? []).map((o) => (o.status === "fitted" ? o.model : undefined));
  const held = c.method === "k-fold" ? heldOutPredictions(p.rows, p.folds, models) : undefined;
  const predicted = held ?? Float64Array.from(p.rows.x, (x) => predictModel(c.model, x));
  // A forced family can predict beyond the largest double on a held-out fold; the residual is then
  // taken against the largest double, so the summary stays finite (the fit's error already says how far off it is).
  const residuals = Float64Array.from(p.rows.y, (y, i) => Math.log1p(Math.max(y, 0)) - Math.log1p(finiteAtMost(predicted[i]!)));
  return {
    model: c.model,
    ...(p.memoryFactor === undefined ? {} : { memoryFactor: p.memoryFactor }),
    selection: selection.how,
    ...(selection.note === undefined ? {} : { selectionNote: selection.note }),
    residuals: summariseResiduals(residuals),
    inputBytesMin: xMin,
    inputBytesMax: xMax,
    metrics: {
      fitMapePercent: fitMape(c.model, p.rows),
      extrapolationMapePercent: c.extrapolationMapePercent,
      kfoldMapePercent: c.kfoldMapePercent,
      r2: c.r2,
      rows: p.rows.x.length,
      distinctInputSizes: p.folds.plan.sizes.length,
      method: c.method,
      folds: c.method === "k-fold" ? p.folds.plan.folds : 0,
    },
    candidates: candidates.map(summary),
  };
}
