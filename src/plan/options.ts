/** Options of `plan()` and `evaluate()`, merged over these defaults. */
import type { DagLimits } from "../dag/limits.js";
import type { Objective } from "../model/types.js";
import type { PlatformOverrides, TransferMode } from "../platform/schema.js";
import type { Profiles, TargetQuantiles } from "../profiles/types.js";
import type { SolverFn, SolverName } from "../solve/solver.js";
import type { FallbackProfile } from "./fallback-profiles.js";

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
  /** Wall-clock limit for the search, a safety net: work limits decide where the search stops. Default 10 s. */
  readonly timeLimitMs?: number;
  /** "auto" stops searching once the plan is proven within this fraction of the best possible. Default 0.01 (1%). */
  readonly gapTolerance?: number;
  /** Plan memory and output size at this quantile of the predictive distribution (e.g. 0.95), or per target. */
  readonly quantile?: number | TargetQuantiles;
  /** Coefficient of variation assumed for point profiles' runtimes (plain functions, analytic laws); default 0.1, the simulator's default noise. */
  readonly noiseCv?: number;
  /**
   * Keep the budget (objective "latency") or the deadline (objective "cost") with at least this
   * probability, in (0, 1): a chance constraint over the instances' runtime spread (stragglers, cold
   * starts). The plan reports its p50 and this quantile in `risk`. Unset: limits hold in expectation.
   */
  readonly confidence?: number;
  /** Size limits on the DAG (stages, edges, instances); defaults in DEFAULT_DAG_LIMITS. */
  readonly limits?: Partial<DagLimits>;
  /** Put each planning phase's wall-clock milliseconds in the plan (`timingsMs`). Off by default so the same inputs give the same plan, byte for byte. */
  readonly timings?: boolean;
  /**
   * Share of instances that start cold: a shorthand for `platform.invocation.coldFraction` (default
   * the platform's, 0). A cold instance pays the platform's cold start — or, where traces gave a
   * learned profile a cold-start segment, runs at that segment's runtime.
   */
  readonly coldFraction?: number;
  /**
   * Memory sizes (MB) a stage may be configured with: plan() chooses one per stage (the smallest that
   * holds its predicted peak, or a larger one where the runtime falls enough to pay), together with
   * open instance counts (`instances: "auto"` or a range). See src/plan/sizing.
   */
  readonly memorySizes?: readonly number[];
  /** For functions no profile knows: "default" (a stated placeholder), `{ like: "fn" }`, or a profile. Unset: an unknown function is an error. Each use is a plan warning. */
  readonly fallbackProfile?: FallbackProfile;
  /** Per function name, a fallback that takes precedence over `fallbackProfile`. */
  readonly fallbackProfiles?: Readonly<Record<string, FallbackProfile>>;
}

export const DEFAULT_TIME_LIMIT_MS = 10_000;
