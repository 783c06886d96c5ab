/** Options of `plan()` and `evaluate()`, merged over these defaults. */
import type { Objective } from "../model/types.js";
import type { PlatformOverrides, TransferMode } from "../platform/schema.js";
import type { Profiles, TargetQuantiles } from "../profiles/types.js";
import type { SolverFn, SolverName } from "../solve/solver.js";

export interface PlanOptions {
  /** Plain functions per function name, or a trained profile set. Default: the bundled profiles. */
  readonly profiles?: Profiles;
  /** Partial overrides merged over the AWS-like default platform. */
  readonly platform?: PlatformOverrides;
  /** "latency" (default): fastest under budgetUsd. "cost": cheapest under deadlineMs. "perf-per-dollar": max 1/(makespan · cost). */
  readonly objective?: Objective;
  readonly budgetUsd?: number;
  readonly deadlineMs?: number;
  /** Transfer modes allowed; ["vm-local", "direct", "remote"] reproduces SONIC's choice. Default: all the platform offers. */
  readonly modes?: readonly TransferMode[];
  /** Whether an edge's receivers may be split across modes. Default true. */
  readonly allowSplits?: boolean;
  readonly solver?: SolverName | SolverFn;
  /** Wall-clock limit for the search. Default 10 s. */
  readonly timeLimitMs?: number;
  /** Plan memory and output size at this quantile of the predictive distribution (e.g. 0.95), or per target. */
  readonly quantile?: number | TargetQuantiles;
  /** Coefficient of variation assumed for point profiles' runtimes (plain functions, analytic laws); default 0.1, the simulator's default noise. */
  readonly noiseCv?: number;
}

export const DEFAULT_TIME_LIMIT_MS = 10_000;
