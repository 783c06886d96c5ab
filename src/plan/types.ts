/** What `plan()` returns: the decisions, where stages run, the predicted outcome, the solver's account, and why every other option lost. */
import type { CostBreakdown, Decisions, Objective, StageTiming, Violation } from "../model/types.js";
import type { TransferMode } from "../platform/schema.js";
import type { SolverStatus } from "../solve/solver.js";
import type { SizingReport } from "./sizing/sizing-types.js";

export interface StagePlacement {
  readonly stageId: string;
  /** Instances (function invocations) the stage runs. */
  readonly instances: number;
  /** VMs the stage's instances run on. */
  readonly vms: number;
  /** Instances one VM runs at once. */
  readonly slotsPerVm: number;
  /** Rounds the instances run in: ceil(instances / (vms · slotsPerVm)). */
  readonly waves: number;
  /** The memory each instance is configured with and billed for: `memoryMb` when set, else the predicted peak rounded up to the platform's step (at least its minimum). */
  readonly billedMemoryMb: number;
  /** The memory size each instance is configured with, when the DAG or the sizing search set one (billed as configured). */
  readonly memoryMb?: number;
  /** Runs on this producer's VMs (a vm-local input), if any. */
  readonly colocatedWith?: string;
}

export interface OptionExplanation {
  readonly mode: TransferMode;
  /** "chosen", "feasible" (priced but lost) or "rejected" (infeasible). */
  readonly verdict: "chosen" | "feasible" | "rejected";
  /** For feasible options: time and cost if this mode served the whole edge. */
  readonly timeMs?: number;
  readonly costUsd?: number;
  readonly reason: string;
}

export interface EdgeExplanation {
  readonly from: string;
  readonly to: string;
  readonly options: readonly OptionExplanation[];
}

export interface Plan extends Decisions {
  readonly dagName: string;
  readonly inputBytes: number;
  readonly objective: Objective;
  readonly budgetUsd: number | null;
  readonly deadlineMs: number | null;
  /** "ok": meets every limit. "infeasible": no plan meets the limits; the plan shown is the closest (cheapest for a budget, fastest for a deadline). */
  readonly status: "ok" | "infeasible";
  readonly message?: string;
  readonly placement: readonly StagePlacement[];
  readonly stages: readonly StageTiming[];
  readonly predicted: {
    readonly makespanMs: number;
    readonly costUsd: number;
    readonly cost: CostBreakdown;
    /** Peak bytes the cache tier holds at once. */
    readonly cacheBytes: number;
    /** Peak VMs leased at once on the plan's schedule. */
    readonly peakVms?: number;
  };
  /**
   * With `confidence`: the plan keeps its budget (or deadline) with at least that probability. `p50`:
   * makespan and cost with every stage at its median; `atConfidence`: with every stage at
   * `stageLevel` = 1 − (1 − confidence) / stages — a bound the run stays within with probability ≥
   * confidence (risk.ts). `predicted` stays the expectation.
   */
  readonly risk?: {
    readonly confidence: number;
    readonly stageLevel: number;
    readonly p50: { readonly makespanMs: number; readonly costUsd: number };
    readonly atConfidence: { readonly makespanMs: number; readonly costUsd: number };
  };
  /** The VM pool the run holds: VMs reserved for the whole run (VM-pool billing; 0 otherwise) — the simulator bills the same reservation. */
  readonly vmPool?: { readonly reservedVms: number };
  readonly violations: readonly Violation[];
  /** Things to know about the prediction, e.g. learned profiles used beyond their trained input sizes. */
  readonly warnings: readonly string[];
  readonly solver: {
    readonly name: string;
    readonly status: SolverStatus;
    /** Proven lower bound on the makespan (latency objective) or cost (cost objective); null if none. */
    readonly lowerBound: number | null;
    readonly lowerBoundMs: number | null;
    /** (objective − lowerBound) / objective; 0 when proven optimal, null without a bound. */
    readonly gap: number | null;
    readonly notes: readonly string[];
  };
  readonly explanations: readonly EdgeExplanation[];
  /** When the DAG left instance counts open or memorySizes were given: what was chosen per stage, and why. */
  readonly sizing?: SizingReport;
  /** Milliseconds each planning phase took: only with options.timings (wall-clock figures would make plans differ run to run). */
  readonly timingsMs?: Readonly<Record<string, number>>;
}
