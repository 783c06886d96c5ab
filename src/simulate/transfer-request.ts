/**
 * A transfer request: bytes one instance moves across named resources (a VM's NICs or local
 * storage, the cache tier, the object store's rate limiters), with its cap and latency; and the
 * groups an instance issues them in (each with its own parallelism). Object-store GETs and PUTs
 * are built here, from the platform's store figures: each draws on the instance's NIC and, when
 * the platform gives the store an aggregate bandwidth, on the store's one shared resource.
 */
import type { TransferMode } from "../model/types.js";
import { rangeSizes } from "../physics/object-store.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { EdgeRt, SimState } from "./sim-state.js";
import type { TransferKind } from "./types.js";

export type Tier = "store" | "cache" | "network" | "local";

export interface TransferRequest {
  readonly edge: string;
  readonly edgeIndex?: number;
  readonly kind: TransferKind;
  readonly direction: "read" | "write";
  readonly fallback: boolean;
  readonly tier: Tier;
  readonly bytes: number;
  readonly capBps: number;
  readonly resources: readonly string[];
  readonly weights?: readonly number[];
  readonly latencyMs: number;
  readonly limiter?: RateLimiter;
}

export interface RequestGroup {
  readonly reqs: TransferRequest[];
  readonly parallel: number;
  /** (edge, mode) pairs whose receivers this group's writes make ready. */
  readonly serves?: readonly [EdgeRt, TransferMode][];
}

export const nicIn = (vm: string) => `nic-in:${vm}`;
export const nicOut = (vm: string) => `nic-out:${vm}`;
export const local = (vm: string) => `local:${vm}`;
export const CACHE = "cache";
/** The object store's aggregate bandwidth (platform.objectStore.aggregateBytesPerSecond), when it has one. */
export const STORE = "object-store";

/** The resources a store request draws on: the instance's NIC, and the store's aggregate when the platform bounds it. */
function storeResources(sim: SimState, nic: string): string[] {
  return sim.setup.platform.objectStore.aggregateBytesPerSecond === undefined ? [nic] : [nic, STORE];
}

/** The GETs of one object of `bytes`: one stream, or ranged GETs of rangeBytes when the instance reads with several connections (physics/object-store.ts). */
export function storeGets(sim: SimState, vm: string, edge: string, edgeIndex: number | undefined, kind: TransferKind, bytes: number, fallback: boolean): TransferRequest[] {
  const o = sim.setup.platform.objectStore;
  return rangeSizes(bytes, o.rangeBytes, o.connectionsPerInstance).map((part) => {
    const req: TransferRequest = { edge, kind, direction: "read", fallback, tier: "store", bytes: part, capBps: o.connectionBytesPerSecond, resources: storeResources(sim, nicIn(vm)), latencyMs: o.getLatencyMs, limiter: sim.store.limiter("read", edgeIndex) };
    return edgeIndex === undefined ? req : { ...req, edgeIndex };
  });
}

export function storePut(sim: SimState, vm: string, edge: string, edgeIndex: number | undefined, kind: TransferKind, bytes: number, fallback: boolean): TransferRequest {
  const o = sim.setup.platform.objectStore;
  return { edge, kind, direction: "write", fallback, tier: "store", bytes, capBps: o.connectionBytesPerSecond, resources: storeResources(sim, nicOut(vm)), latencyMs: o.putLatencyMs, limiter: sim.store.limiter("write", edgeIndex) };
}
