/**
 * The MILP's units: times in horizon/1000 and costs in (cost ceiling − constant)/1000, so every
 * coefficient the engine sees is O(1) (formulation.ts, relaxation-rows.ts, warm-start.ts).
 */
import type { Problem } from "../../model/types.js";
import { computeConstantUsd, computeCostCeilingUsd, computeHorizonMs } from "./safe-bounds.js";

/** Scaled units per horizon and per variable-cost range. */
const SPAN = 1000;

export interface MilpScale {
  readonly msPerUnit: number;
  readonly usdPerUnit: number;
  /** Cost every plan pays (stage compute and io), outside the model. */
  readonly constantUsd: number;
  readonly horizonMs: number;
}

export function computeMilpScale(problem: Problem): MilpScale {
  const horizonMs = computeHorizonMs(problem);
  const constantUsd = computeConstantUsd(problem);
  const variableUsd = computeCostCeilingUsd(problem, horizonMs) - constantUsd;
  return { msPerUnit: horizonMs > 0 ? horizonMs / SPAN : 1, usdPerUnit: variableUsd > 0 ? variableUsd / SPAN : 1, constantUsd, horizonMs };
}
