/** What a transfer module sees on a worker, and what it promises. */
import type { TransferMode } from "../../platform/schema.js";
import type { CacheClient } from "../store/cache-client.js";
import type { ObjectStoreClient } from "../store/object-store-client.js";
import type { IoCount } from "../store/s3-access.js";
import type { Nic } from "../store/token-bucket.js";
import type { VmStorage } from "../store/vm-storage.js";

export interface TransferContext {
  readonly vm: string;
  readonly runId: string;
  readonly storage: VmStorage;
  readonly nic: Nic;
  /** Requests one instance keeps in flight (the platform's connectionsPerInstance). */
  readonly connections: number;
  /** Size of one ranged GET (the platform's objectStore.rangeBytes; default the part size). */
  readonly rangeBytes?: number;
  objectStore(): Promise<ObjectStoreClient>;
  cache(): Promise<CacheClient>;
  /** The HTTP address a VM serves its outputs at (from the Redis registry). */
  addressOf(vm: string): Promise<string>;
}

/** Where a producer's output sits: a file name on a VM (vm-local, direct) or a key (remote, cache). */
export interface StoredAt {
  readonly vm?: string;
  readonly name: string;
}

export interface Fetched {
  readonly bytes: Uint8Array;
  readonly io: IoCount;
  /** True when the mode could not serve it as planned (a vm-local file read from another VM). */
  readonly fallback?: boolean;
}

export interface TransferModule {
  readonly mode: TransferMode;
  send(ctx: TransferContext, name: string, bytes: Uint8Array): Promise<IoCount>;
  fetch(ctx: TransferContext, source: StoredAt, offset: number, length: number): Promise<Fetched>;
}

/** The producer's output is gone (its VM died, or its file is missing): the executor re-runs the producer. */
export class InputLostError extends Error {
  override name = "InputLostError";
}
