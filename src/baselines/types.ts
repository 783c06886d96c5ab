/** Baseline policies, expressed as plans so the simulator scores them like plan()'s own. */
import type { PlanOptions } from "../plan/options.js";
import type { SimulateOptions } from "../simulate/types.js";

export const BASELINE_NAMES = ["all-remote", "all-direct", "all-vm-local", "sonic", "locus", "cloudburst", "oracle"] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

export interface BaselineOptions extends PlanOptions {
  /** How the oracle simulates candidates (seed, noise, truth records, simulation profiles). Default: seed 1, the plan's profiles. */
  readonly simulation?: SimulateOptions;
}

/** The oracle's exhaustive search is for small DAGs only. */
export const ORACLE_MAX_EDGES = 6;
