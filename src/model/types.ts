/**
 * The vocabulary shared by the cost model, the solvers, the planner, the simulator and the
 * baselines: decisions (what a plan chooses), mode options (what each choice costs), and the
 * problem a solver is handed.
 */
import type { Dag } from "../dag/types.js";
import type { Estimates } from "../estimate/estimate-stages.js";
import type { Platform, TransferMode } from "../platform/schema.js";
import type { Atoms } from "../physics/distribution.js";

export type { TransferMode } from "../platform/schema.js";

/** Fractions of an edge's receivers served by each mode; sum to 1. Keys in TRANSFER_MODES order. */
export type ModeSplit = Partial<Record<TransferMode, number>>;

/** The caller-facing form of one edge's decision. `split` is present only when more than one mode serves the edge. */
export interface EdgeDecision {
  readonly from: string;
  readonly to: string;
  /** The mode serving the largest fraction (the only mode when not split). */
  readonly mode: TransferMode;
  readonly split?: ModeSplit;
  /** With a remote share: the object-store key prefixes its objects are spread over (default: all the platform's). */
  readonly prefixes?: number;
}

/** Hand-made or planned decisions: a mode (or split) per edge and the stages whose output the cache admits. */
export interface Decisions {
  readonly edges: readonly EdgeDecision[];
  readonly admitted: readonly string[];
}

/** The internal, index-aligned form of decisions: `edges[i]` belongs to `dag.edges[i]`. */
export interface Assignment {
  /** Per edge: modes with their fractions, fractions > 0 summing to 1, in TRANSFER_MODES order. */
  readonly edges: readonly (readonly ModeShare[])[];
  /** Stage ids whose output is admitted to the cache tier. */
  readonly admitted: ReadonlySet<string>;
}

export interface ModeShare {
  readonly mode: TransferMode;
  readonly fraction: number;
}

/** time(f) = max over pieces of (fixedMs + perFractionMs · f) for the fraction f ∈ (0, 1] of receivers a mode serves. */
export interface AffinePiece {
  readonly fixedMs: number;
  readonly perFractionMs: number;
}

/**
 * One feasible (edge, mode) option as a solver sees it. Time is convex piecewise-affine in the
 * fraction f served; cost is affine: cost(f) = fixedUsd + perFractionUsd · f.
 */
export interface ModeOption {
  readonly mode: TransferMode;
  readonly timePieces: readonly AffinePiece[];
  /**
   * The two phases of the time: the producer's side (`writePieces`, done before the consumer is
   * ready) and the consumer's (`readPieces`, done once it runs, after every one of its inputs is
   * written); timePieces = write + read. A stage with several inputs starts reading when the last
   * write lands, so its reads do not overlap an earlier producer's wait (evaluate-assignment.ts).
   */
  readonly writePieces: readonly AffinePiece[];
  readonly readPieces: readonly AffinePiece[];
  /** The write beside a direct share (uploading modes), whose sum with readPieces is `besideDirect`. */
  readonly besideDirectWrite?: readonly AffinePiece[];
  /** Sum of costParts' fixed terms. */
  readonly fixedUsd: number;
  /** Sum of costParts' per-fraction terms. */
  readonly perFractionUsd: number;
  /** The same cost split by what is billed: function time, object-store requests, cache tier. */
  readonly costParts: Readonly<Record<CostCategory, AffineUsd>>;
  /**
   * Time this mode's share keeps the busiest sender VM's NIC busy, one piece per line of the NIC's
   * token bucket (bytes / burst rate, bytes / baseline rate), each fixedMs + perFractionMs · f.
   * The shares of a split edge leave through the same NIC, so the edge takes at least, for each
   * line j, EdgeCandidates.nicOffsetsMs[j] + the sum over its shares of line j (edge-time.ts);
   * alone, a mode's own time covers it. Empty: the mode sends nothing through the sender NIC.
   */
  readonly senderNic: readonly AffinePiece[];
  /**
   * For modes that upload from the senders (remote, cache): their time pieces when a direct share
   * of the same edge pulls from those senders at once. Fair sharing of the sender NIC then gives
   * the upload one flow's share among the pullers, not its own connection's cap.
   */
  readonly besideDirect?: readonly AffinePiece[];
  /** Whether a fraction of the receivers may use this mode while others use another. */
  readonly splittable: boolean;
  /** `cache` needs the producer's output admitted. */
  readonly requiresAdmission: boolean;
  /** Human-readable terms at f = 1, for explanations: e.g. { writeMs, readMs, requestBoundMs, nicBoundMs }. */
  readonly terms: Readonly<Record<string, number>>;
}

export type CostCategory = "computeUsd" | "objectStoreUsd" | "cacheUsd";

/** cost(f) = fixedUsd + perFractionUsd · f. */
export interface AffineUsd {
  readonly fixedUsd: number;
  readonly perFractionUsd: number;
}

/** A mode that cannot serve an edge, and why. */
export interface RejectedOption {
  readonly mode: TransferMode;
  readonly reason: string;
}

export interface EdgeCandidates {
  readonly edgeIndex: number;
  readonly from: string;
  readonly to: string;
  /** Feasible options, in TRANSFER_MODES order. Never empty after candidate building (else an InputError). */
  readonly options: readonly ModeOption[];
  readonly rejected: readonly RejectedOption[];
  /** Per line of the sender NIC's token bucket, the constant of that line: 0 for the burst line, −credit / baseline for the baseline line. */
  readonly nicOffsetsMs: readonly number[];
}

/** Per-stage terms that do not depend on any edge's mode. */
export interface StageTerms {
  readonly stageId: string;
  /** Time from "all inputs available" to "output written" excluding transfers: the orchestration step, then the span of the stage's instances over its slots (waves and stragglers), each instance's duration D its runtime plus its app-input, side-input and result I/O and its cold start. */
  readonly baseMs: number;
  /** E[span] of the instances on the stage's own slots, without the orchestration step. */
  readonly spanMs: number;
  /** E[D], one instance's mean duration (what each instance is billed for under function billing). */
  readonly meanInstanceMs: number;
  /** D's distribution, for quantiles of the span (confidence planning). */
  readonly durationAtoms: Atoms;
  readonly waves: number;
  /** VMs the stage occupies when placed on its own VMs. */
  readonly vms: number;
  /** Concurrent instances one VM runs: min(cores, floor(VM memory / billed memory)). */
  readonly slotsPerVm: number;
  /** Memory an instance is billed for and reserves on a VM. */
  readonly billedMemoryMb: number;
  /** Compute cost of the stage's runtime and invocations (transfer time is billed by the edge options). */
  readonly computeUsd: number;
  /** Object-store requests for the app input (roots) and the final output (sinks). */
  readonly ioUsd: number;
  /** Bytes held in the cache tier if this stage's output is admitted. */
  readonly cacheBytes: number;
  /** Cost of writing the output into the cache tier once, if admitted. */
  readonly admissionFixedUsd: number;
  /** Storage cost per ms the admitted output stays in the cache (until its last consumer finishes). */
  readonly admissionUsdPerMs: number;
}

export type Objective = "latency" | "cost" | "perf-per-dollar";

/** Everything a solver is handed; solvers never compute a cost themselves beyond these terms. */
export interface Problem {
  readonly dag: Dag;
  readonly estimates: Estimates;
  readonly platform: Platform;
  /** Indexed like dag.edges. */
  readonly edges: readonly EdgeCandidates[];
  readonly stages: ReadonlyMap<string, StageTerms>;
  readonly objective: Objective;
  /** Cost ceiling for the latency objective (Infinity: none). */
  readonly budgetUsd: number;
  /** Makespan ceiling for the cost objective (Infinity: none). */
  readonly deadlineMs: number;
  /** Whether edges may be split across modes. */
  readonly allowSplits: boolean;
  /** Cache tier capacity, bytes. */
  readonly cacheCapacityBytes: number;
  /**
   * Under VM-pool billing: the VMs the app reserves for its whole run — what the schedule of each
   * edge's fastest whole mode leases at its peak, every stage on its own VMs (plan-independent) —
   * and their bill as a line in the makespan: usd = usdPerMs · max(minimumMs, makespan). A plan
   * leasing more at once than the reservation is billed for its own peak (evaluate-assignment.ts).
   */
  readonly vmPool?: { readonly vms: number; readonly usdPerMs: number; readonly minimumMs: number };
}

export interface CostBreakdown {
  /** Function GB-seconds (runtime and transfer time) and invocations. */
  readonly computeUsd: number;
  /** Object-store requests. */
  readonly objectStoreUsd: number;
  /** Cache tier storage (GiB-hours) and transfer. */
  readonly cacheUsd: number;
  readonly totalUsd: number;
}

export interface Violation {
  readonly code: "budget" | "deadline" | "cache-capacity" | "mode-unavailable" | "mode-infeasible" | "not-admitted" | "vm-local-conflict" | "vm-local-chain" | "bad-split" | "memory" | "pool-overdrawn";
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export interface StageTiming {
  readonly stageId: string;
  readonly startMs: number;
  readonly finishMs: number;
  readonly waves: number;
  readonly vms: number;
  /** When set, the stage runs on this producer's VMs (a vm-local input). */
  readonly colocatedWith?: string;
  /** Time the stage waited for VMs from the pool after its inputs were ready (absent: none). */
  readonly queuedMs?: number;
}

export interface EdgeTiming {
  readonly from: string;
  readonly to: string;
  readonly shares: readonly ModeShare[];
  /** Transfer time on the edge (the slowest share). */
  readonly transferMs: number;
  readonly costUsd: number;
}

/** The model's verdict on an assignment: what `evaluate()` returns and what plans report. */
export interface Evaluation {
  readonly makespanMs: number;
  readonly costUsd: number;
  readonly cost: CostBreakdown;
  readonly feasible: boolean;
  readonly violations: readonly Violation[];
  readonly stages: readonly StageTiming[];
  readonly edges: readonly EdgeTiming[];
  /** Peak bytes the cache tier holds at once (admitted outputs, each until its last cache reader finishes). */
  readonly cacheBytes: number;
  /** Peak VMs leased at once on this plan's schedule. */
  readonly peakVms: number;
  /** VMs billed for the run: the reservation, or the peak if it is higher (VM-pool billing; else the peak). */
  readonly billedVms: number;
}
