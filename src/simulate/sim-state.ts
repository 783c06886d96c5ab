/**
 * The runtime state of one simulation: what it was given (`SimulationSetup`), the per-stage,
 * per-instance and per-edge records the run fills in, and the shared resources every phase of the
 * run reads and updates (`SimState`). Only the record types and their one accessor live here; the
 * phases that change them each have their own file.
 */
import type { Dag, Pattern } from "../dag/types.js";
import type { ModeShare, TransferMode } from "../model/types.js";
import type { Platform } from "../platform/schema.js";
import type { StagePlacement } from "../plan/types.js";
import type { CacheTier } from "./cache-tier.js";
import type { Kernel } from "./kernel.js";
import type { ObjectStore } from "./object-store.js";
import type { RandomStream } from "./random.js";
import type { Piece } from "./receivers.js";
import type { InstanceDraw, Sampler } from "./sample-instance.js";
import type { SimViolation, TransferKind } from "./types.js";
import type { VmScheduler } from "./vm-scheduler.js";
import type { VmPool } from "./vm-pool.js";

export interface SimulationSetup {
  readonly dag: Dag;
  readonly platform: Platform;
  readonly placement: ReadonlyMap<string, StagePlacement>;
  /** Indexed like dag.edges. */
  readonly shares: readonly (readonly ModeShare[])[];
  readonly admitted: ReadonlySet<string>;
  readonly inputBytes: number;
  readonly seed: number;
  readonly latencyCv: number;
  /** Token-bucket burst of the store's limiters; undefined: 10 ms worth of each rate. */
  readonly storeBurst: number | undefined;
  /** Per edge: the key prefixes its objects are spread over (the plan's decision). */
  readonly edgePrefixes: readonly number[];
  readonly sample: Sampler;
}

/** Transfers an instance made of one kind in one direction on one edge, merged. */
export interface Interval {
  edge: string;
  kind: TransferKind;
  direction: "read" | "write";
  fallback: boolean;
  startMs: number;
  endMs: number;
  bytes: number;
  requests: number;
}

export interface InstanceRt {
  readonly stage: StageRt;
  readonly index: number;
  readonly stream: RandomStream;
  vm: string;
  readyMs: number;
  startMs: number;
  computeStartMs: number;
  computeEndMs: number;
  finishMs: number;
  inputBytes: number;
  draw: InstanceDraw;
  /** Per incoming edge (by position in stage.incoming): the pieces this receiver reads. */
  pieces: Piece[][];
  cacheResident: boolean;
  readonly intervals: Map<string, Interval>;
}

export interface StageRt {
  readonly id: string;
  readonly fn: string;
  readonly n: number;
  readonly billedMemoryMb: number;
  readonly incoming: readonly number[];
  readonly outgoing: readonly number[];
  readonly admitted: boolean;
  /** Bytes every instance reads from the object store besides its inputs. */
  readonly sideInputBytes: number;
  /** VMs the stage may use (its own, or its host's). */
  vmIds: string[];
  /** Its own VMs leased from the pool (a stage beside its host's output leases none). */
  lease: "none" | "asked" | "granted";
  /** Instances waiting for the lease before they ask for slots. */
  awaitingLease: InstanceRt[];
  /** Stages running beside this one's output on its VMs, not yet finished (its lease is kept until 0). */
  hostedLeft: number;
  /** Consumer stages reading this stage's output from the cache tier, not yet finished (it stays resident until 0). */
  cacheReadersLeft: number;
  hostId?: string;
  /** The incoming edge whose vm-local receivers are pinned beside their data. */
  pinEdge?: number;
  instances: InstanceRt[];
  /** Receivers not yet ready. */
  pending: number[];
  done: number;
  readyMs: number;
  finishMs: number;
  overflowInstances: number;
  overflowBytes: number;
}

export interface EdgeRt {
  readonly index: number;
  readonly key: string;
  readonly pattern: Pattern;
  readonly from: string;
  readonly to: string;
  readonly shares: readonly ModeShare[];
  readonly modes: readonly TransferMode[];
  readonly receiversByMode: Partial<Record<TransferMode, number>>;
  bytesOffered: number;
  readonly bytesReadByMode: Partial<Record<TransferMode, number>>;
  /** Producer instances done writing for each mode's receivers; the mode's data is available when all are. */
  readonly written: Map<TransferMode, number>;
  readonly available: Set<TransferMode>;
}

export interface TierBytes {
  cacheWritten: number;
  cacheRead: number;
  networkBytes: number;
  localWritten: number;
  localRead: number;
}

/** What every phase of a run shares. */
export interface SimState {
  readonly setup: SimulationSetup;
  readonly kernel: Kernel;
  readonly scheduler: VmScheduler;
  readonly pool: VmPool;
  readonly store: ObjectStore;
  readonly cache: CacheTier;
  readonly stages: Map<string, StageRt>;
  readonly edges: EdgeRt[];
  readonly violations: SimViolation[];
  readonly tierBytes: TierBytes;
  readonly bytesByMode: Record<TransferMode, number>;
  readonly vmIds: string[];
  /** Per stage, vm-local reads that found their data on another VM. */
  readonly vmLocalRemoteReads: Map<string, number>;
}

export function stageOf(sim: SimState, id: string): StageRt {
  return sim.stages.get(id)!;
}
