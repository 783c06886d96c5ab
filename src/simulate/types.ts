/** What `simulate()` takes and what it reports. */
import type { CostBreakdown } from "../model/types.js";
import type { PlatformOverrides, TransferMode } from "../platform/schema.js";
import type { Profiles } from "../profiles/types.js";
import type { TruthRecord } from "./sample-instance.js";

export interface SimulateOptions {
  /** PRNG seed (default 1). The same seed gives the same report. */
  readonly seed?: number;
  /** Profiles to draw instances from (default: the bundled analytic profiles). */
  readonly profiles?: Profiles;
  /** Platform overrides over the AWS-like default — what the plan actually runs on. */
  readonly platform?: PlatformOverrides;
  /** Coefficient of variation of the lognormal noise on point profiles (default 0.1; 0 = deterministic). */
  readonly noiseCv?: number;
  /** Trace records replayed as ground truth, sampled near each instance's input size. */
  readonly truth?: readonly TruthRecord[];
  /** The app input actually processed (bytes or "10 GiB"; default: the plan's inputBytes). */
  readonly inputSize?: number | string;
  /** Requests the object store's rate limiter lets through at once (default: 10 ms worth of its rate, e.g. 55 GETs; 1 = strict pacing). */
  readonly storeBurstRequests?: number;
  /** Size limits of a run (defaults in simulation-limits.ts), so a huge plan is a named error rather than a run that never ends. */
  readonly limits?: Partial<SimulationLimits>;
}

export interface SimulationLimits {
  /** Instances over all stages. */
  readonly maxInstances: number;
  /** Producer-to-consumer transfers over all edges (a shuffle of n × m instances counts n · m). */
  readonly maxTransfers: number;
  /** Events the discrete-event kernel processes. */
  readonly maxEvents: number;
}

/** Where bytes of a transfer went: the four modes plus the app input read and the final output write (object store). */
export type TransferKind = TransferMode | "input" | "output";

export interface TransferInterval {
  /** "from->to" for an edge, "input" / "output" for the app's own I/O, "admission" for the write into the cache tier. */
  readonly edge: string;
  readonly kind: TransferKind;
  readonly direction: "write" | "read";
  readonly startMs: number;
  readonly endMs: number;
  readonly bytes: number;
  readonly requests: number;
  /** True when the planned tier could not serve it (a cache overflow read or written through the object store, a vm-local read from another VM). */
  readonly fallback?: boolean;
}

export interface SimInstance {
  readonly stageId: string;
  readonly index: number;
  readonly vm: string;
  /** All inputs available (the producers finished). */
  readonly readyMs: number;
  /** Got a slot: billed from here. */
  readonly startMs: number;
  readonly computeStartMs: number;
  readonly computeEndMs: number;
  /** Writes done, slot released. */
  readonly finishMs: number;
  readonly inputBytes: number;
  readonly outputBytes: number;
  readonly runtimeMs: number;
  readonly memoryMb: number;
  readonly transfers: readonly TransferInterval[];
}

export interface SimStage {
  readonly stageId: string;
  readonly instances: number;
  readonly startMs: number;
  readonly finishMs: number;
  readonly vms: readonly string[];
  readonly colocatedWith?: string;
  /** Most instances of this stage running at once on one VM. */
  readonly peakPerVm: number;
  readonly outputBytes: number;
  /** Instances whose peak memory exceeded the memory they were billed for (would be OOM-killed on Lambda; here they run). */
  readonly overBilledMemory: number;
}

export interface SimEdge {
  readonly from: string;
  readonly to: string;
  /** Receivers per mode, as the split assigned them. */
  readonly receiversByMode: Partial<Record<TransferMode, number>>;
  /** Bytes the producers made available to this edge's receivers (per receiver copy: the pattern's demand). */
  readonly bytesOffered: number;
  /** Bytes the receivers read, per mode actually used. */
  readonly bytesReadByMode: Partial<Record<TransferMode, number>>;
  readonly bytesRead: number;
}

export interface TierBytes {
  readonly written: number;
  readonly read: number;
}

export interface NicUsage {
  readonly vm: string;
  /** Fraction of the makespan the NIC carried traffic, per direction. */
  readonly busyFractionIn: number;
  readonly busyFractionOut: number;
  /** Highest instantaneous load / capacity, per direction. */
  readonly peakIn: number;
  readonly peakOut: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
}

export type SimViolationCode = "cache-overflow" | "memory-beyond-vm" | "not-admitted" | "vm-local-conflict" | "vm-local-remote" | "pool-overdrawn";

export interface SimViolation {
  readonly code: SimViolationCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export interface SimulationReport {
  readonly dagName: string;
  readonly seed: number;
  readonly inputBytes: number;
  readonly makespanMs: number;
  readonly cost: CostBreakdown;
  readonly stages: readonly SimStage[];
  readonly instances: readonly SimInstance[];
  readonly edges: readonly SimEdge[];
  /** Bytes per tier: object store (incl. app input and output), cache, VM-to-VM network (direct), VM-local storage. */
  readonly tiers: {
    readonly objectStore: TierBytes & { readonly puts: number; readonly gets: number; readonly throttledMs: number };
    readonly cache: TierBytes;
    readonly network: TierBytes;
    readonly local: TierBytes;
  };
  /** Bytes read by edge receivers per mode actually used. */
  readonly bytesByMode: Readonly<Record<TransferMode, number>>;
  readonly cache: {
    readonly capacityBytes: number;
    readonly peakBytes: number;
    /** Step function: resident bytes from each point on. */
    readonly occupancy: readonly { readonly timeMs: number; readonly bytes: number }[];
    readonly overflowBytes: number;
    readonly aggregateBusyFraction: number;
  };
  readonly nics: readonly NicUsage[];
  readonly violations: readonly SimViolation[];
  /** What the simulator did with a cache overflow: the overflowing writes go to the object store. */
  readonly notes: readonly string[];
  readonly events: number;
  /** The VM pool: the most VMs leased at once, the VMs billed for the run under VM-pool billing (the plan's reservation, or the peak if higher), the pool's size, and the total time stages waited for a lease. */
  readonly vmPool?: { readonly peakVms: number; readonly billedVms: number; readonly poolSize: number; readonly waitedMs: number };
}
