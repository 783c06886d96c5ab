/**
 * What an instance job carries (plain JSON: BullMQ stores it in Redis) and what it returns. The
 * executor fills `reads` once the producers have finished, from where they stored their outputs;
 * `outgoing` tells the producer which modes its receivers use, so it stores each partition where
 * those modes serve it.
 */
import type { Pattern } from "../../dag/types.js";
import type { ModeShare } from "../../model/types.js";
import type { TransferMode } from "../../platform/schema.js";
import type { FunctionRef } from "../functions/function-ref.js";
import type { StoredAt } from "../transfer/transfer-module.js";

export type ReadKind = TransferMode | "input";

export interface ReadPiece {
  /** "from->to", or "input" for a root's share of the app input. */
  readonly edge: string;
  readonly kind: ReadKind;
  readonly source: StoredAt;
  readonly offset: number;
  readonly length: number;
  /** Read through another stored copy than the plan's mode (that copy was missing). */
  readonly fallback?: boolean;
}

export interface OutgoingEdge {
  readonly edge: string;
  readonly pattern: Pattern;
  readonly shares: readonly ModeShare[];
}

export interface InstanceJob {
  readonly runId: string;
  readonly stageId: string;
  /** The stage's position in the DAG's topological order (names use it). */
  readonly stageNo: number;
  readonly index: number;
  readonly instances: number;
  /** Outputs the plan expects (passed to user functions). */
  readonly fanout: number;
  readonly round: number;
  readonly fn: FunctionRef;
  readonly reads: readonly ReadPiece[];
  readonly outgoing: readonly OutgoingEdge[];
  /** Set on a sink: the object key its result goes to. */
  readonly resultKey?: string;
}

/** Where a copy of the output went: a file on the VM (vm-local and direct read it), an object, a cache value, or the result. */
export type CopyKind = "file" | "remote" | "cache" | "result";

export interface StoredCopy {
  readonly kind: CopyKind;
  readonly at: StoredAt;
  /** The partitions in the copy, in order (their bytes are contiguous). */
  readonly partitions: readonly number[];
}

export type TransferKind = TransferMode | "input" | "output";

export interface TransferRecord {
  readonly edge: string;
  readonly kind: TransferKind;
  readonly direction: "read" | "write";
  readonly startMs: number;
  readonly endMs: number;
  readonly bytes: number;
  readonly requests: number;
  readonly fallback?: boolean;
}

export interface InstanceOutcome {
  readonly vm: string;
  readonly stageNo: number;
  readonly index: number;
  readonly round: number;
  readonly attempt: number;
  readonly partitionBytes: readonly number[];
  readonly copies: readonly StoredCopy[];
  /** Epoch milliseconds on the worker's clock. */
  readonly startMs: number;
  readonly computeStartMs: number;
  readonly computeEndMs: number;
  readonly finishMs: number;
  readonly runtimeMs: number;
  readonly memoryBytes: number;
  /** The function's first call in its thread (absent: warm). */
  readonly cold?: boolean;
  readonly inputBytes: number;
  readonly outputBytes: number;
  readonly transfers: readonly TransferRecord[];
}

/** Tags at the start of a failed job's reason, so the executor knows what to do with it. */
export const FAILURE_TAGS = { inputLost: "[input-lost]", backend: "[backend]", function: "[function]" } as const;
