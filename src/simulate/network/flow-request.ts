/**
 * A flow as the fair-share network's caller asks for it (fair-share.ts): bytes, a cap of its own,
 * the resources it crosses with the share of its rate each carries — and the flow state the
 * network keeps for it, built here with every resource resolved by id.
 */
import { sluiceError } from "../../errors.js";
import type { Flow, Resource } from "./flow-network.js";

export interface FlowRequest {
  readonly bytes: number;
  /** Bytes/s this flow may not exceed on its own (Infinity: none). */
  readonly capBytesPerSecond: number;
  readonly resourceIds: readonly string[];
  /** Per resource, the share of the flow's rate it carries (default 1 each). */
  readonly weights?: readonly number[];
  readonly onDone: () => void;
}

/** The flow `req` asks for, started at `nowMs` (resources of weight 0 left out); "instant" when it has no bytes, or neither a cap nor a resource. */
export function makeFlow(req: FlowRequest, id: number, resourcesById: ReadonlyMap<string, Resource>, nowMs: number): Flow | "instant" {
  const resources: Resource[] = [];
  const weights: number[] = [];
  req.resourceIds.forEach((rid, k) => {
    const r = resourcesById.get(rid);
    if (r === undefined) throw sluiceError("internal.simulationStalled", { params: { detail: `unknown resource ${rid}` } });
    const w = req.weights?.[k] ?? 1;
    if (w > 0) {
      resources.push(r);
      weights.push(w);
    }
  });
  if (!(req.bytes > 0) || (resources.length === 0 && !Number.isFinite(req.capBytesPerSecond))) return "instant";
  return { id, bytes: req.bytes, cap: req.capBytesPerSecond, resources, weights, onDone: req.onDone, remaining: req.bytes, lastMs: nowMs, rate: 0, finishAtMs: Infinity, heapIndex: -1, bottleneck: undefined, group: undefined, tag: 0, next: 0, frozen: false, stamp: 0 };
}
