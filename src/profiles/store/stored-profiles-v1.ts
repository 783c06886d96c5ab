/**
 * Format version 1 of profiles.json (every held-out residual stored, one segment, four targets)
 * and its conversion to version 2, so folders written before are still read. Residuals become the
 * fixed-size summary; version 1's absolute residuals (linear and polynomial families) are turned
 * into relative ones against the model at the middle of the trained sizes, an approximation the
 * loader accepts rather than refusing the folder. Retraining gives exact version 2 intervals.
 */
import { z } from "zod";
import type { FitMetrics } from "../set/fit-metrics.js";
import type { StoredFunction, StoredModel } from "./stored-profiles-schema.js";
import { storedModelSchema } from "./stored-profiles-schema.js";
import { predictModel } from "../regressors/predict-model.js";
import { REGRESSOR_FAMILIES, type ModelArtifact } from "../regressors/types.js";
import { summariseResiduals } from "../set/residual-summary.js";
import { PROFILE_TARGETS } from "../types.js";

const num = z.number().finite();
const nullableNum = num.nullable();

const targetV1 = z.object({
  model: storedModelSchema,
  selection: z.enum(["auto", "forced", "fallback"]),
  selectionNote: z.string().optional(),
  residualMode: z.enum(["absolute", "relative"]),
  residuals: z.array(num),
  metrics: z.object({ mapePercent: nullableNum, r2: nullableNum, rows: z.number().int(), method: z.enum(["k-fold", "in-sample"]), folds: z.number().int() }),
  candidates: z.array(z.object({ family: z.enum(REGRESSOR_FAMILIES), status: z.enum(["fitted", "not-applicable"]), mapePercent: nullableNum, r2: nullableNum, reason: z.string().optional() })),
});

export const storedFunctionV1Schema = z.object({
  app: z.string(),
  rows: z.number().int().positive(),
  distinctInputSizes: z.number().int().positive(),
  inputBytesMin: num,
  inputBytesMax: num,
  targets: z.object({ runtimeMs: targetV1, memoryMb: targetV1, outputBytes: targetV1, fanout: targetV1 }),
});

/** A v1 function entry as v2; `point` predicts a stored model (MLP weights need the weights file, so the caller supplies it). */
export function convertFunctionV1(f: z.infer<typeof storedFunctionV1Schema>, point: (m: StoredModel, x: number) => number): StoredFunction {
  const middle = Math.sqrt(Math.max(f.inputBytesMin, 1) * Math.max(f.inputBytesMax, 1));
  const targets = Object.fromEntries(
    PROFILE_TARGETS.map((t) => {
      const d = f.targets[t];
      const base = Math.max(point(d.model, middle), 0);
      const relative = d.residualMode === "relative" ? d.residuals : d.residuals.map((r) => Math.log1p(Math.max(base + r, 0)) - Math.log1p(base));
      const metrics: FitMetrics = { fitMapePercent: null, extrapolationMapePercent: null, kfoldMapePercent: d.metrics.mapePercent, r2: d.metrics.r2, rows: d.metrics.rows, distinctInputSizes: f.distinctInputSizes, method: d.metrics.method, folds: d.metrics.folds };
      return [t, {
        model: d.model,
        selection: d.selection,
        ...(d.selectionNote === undefined ? {} : { selectionNote: d.selectionNote }),
        residuals: summariseResiduals(relative),
        inputBytesMin: f.inputBytesMin,
        inputBytesMax: f.inputBytesMax,
        metrics,
        candidates: d.candidates.map((c) => ({ family: c.family, status: c.status, kfoldMapePercent: c.mapePercent, extrapolationMapePercent: null, r2: c.r2, ...(c.reason === undefined ? {} : { reason: c.reason }) })),
      }];
    }),
  );
  return { app: f.app, segment: "warm", rows: f.rows, distinctInputSizes: f.distinctInputSizes, inputBytesMin: f.inputBytesMin, inputBytesMax: f.inputBytesMax, targets, untrained: {} } as StoredFunction;
}

/** Point prediction of a non-MLP stored model (MLPs are restored by the loader first). */
export function storedPoint(m: StoredModel | ModelArtifact, x: number): number {
  return m.family === "mlp" && !Array.isArray(m.weights) ? 0 : predictModel(m as ModelArtifact, x);
}
