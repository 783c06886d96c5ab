/**
 * Max-min fair rates for the fair-share network's flows (see fair-share.ts), and the state of its
 * resources and flows that the computation reads and writes.
 *
 * Pre: every flow crosses at least one resource or has a finite cap. Post: each flow's rate and
 * finish time are set; each resource in use carries its load and its peak utilisation so far.
 */
import { sluiceError } from "../errors.js";
import { LevelHeap } from "./level-heap.js";
import type { TokenBucket } from "../physics/token-bucket.js";

export interface BucketState {
  readonly spec: TokenBucket;
  creditBytes: number;
  drained: boolean;
  lastMs: number;
}

export interface Resource {
  readonly id: string;
  /** Bytes/s it carries now (a token bucket's changes with its credit). */
  capacity: number;
  /** A token-bucket resource's state (fair-share.ts); undefined: a fixed capacity. */
  bucket?: BucketState;
  bytes: number;
  busyMs: number;
  peak: number;
  load: number;
  /** Scratch for water-filling: bandwidth left, total weight of unfrozen flows, entry version. */
  remaining: number;
  weight: number;
  version: number;
  inUse: boolean;
  members: Flow[];
}

export interface Flow {
  readonly id: number;
  readonly bytes: number;
  readonly cap: number;
  readonly resources: readonly Resource[];
  readonly weights: readonly number[];
  readonly onDone: () => void;
  remaining: number;
  rate: number;
  finishAtMs: number;
  frozen: boolean;
}

/**
 * Max-min fair rates by water-filling over a heap: the resource (or flow cap) with the lowest
 * fair level (bandwidth left / weight of the flows still growing) saturates first; its flows
 * freeze at that level, and the other resources they cross lose their share and their weight —
 * which can only raise those resources' levels, so levels pop in order.
 * O(F · k · log R) for F flows crossing k resources each.
 */
export function waterFill(flows: readonly Flow[], previouslyActive: readonly Resource[], nowMs: number): Resource[] {
  for (const r of previouslyActive) {
    r.load = 0;
    r.inUse = false;
  }
  const used: Resource[] = [];
  for (const f of flows) {
    f.rate = 0;
    f.frozen = false;
    f.resources.forEach((r, k) => {
      if (!r.inUse) {
        r.inUse = true;
        r.remaining = r.capacity;
        r.weight = 0;
        r.members = [];
        used.push(r);
      }
      r.weight += f.weights[k]!;
      r.members.push(f);
    });
  }
  const heap = new LevelHeap<Resource, Flow>();
  for (const r of used) heap.push(r.remaining / r.weight, r, undefined);
  for (const f of flows) if (Number.isFinite(f.cap)) heap.push(f.cap, undefined, f);
  let unfrozen = flows.length;
  const touched: Resource[] = [];
  const freeze = (f: Flow, level: number): void => {
    f.frozen = true;
    f.rate = level;
    unfrozen--;
    f.resources.forEach((r, k) => {
      const w = f.weights[k]!;
      r.remaining -= level * w;
      r.weight -= w;
      if (r.version >= 0) {
        r.version = -r.version - 1;
        touched.push(r);
      }
    });
  };
  // Re-queues the resources a batch of freezes touched, once each, at their new level.
  const requeue = (): void => {
    for (const r of touched) {
      r.version = -r.version - 1 + 1;
      if (r.weight > 1e-12) heap.push(Math.max(0, r.remaining) / r.weight, r, undefined);
    }
    touched.length = 0;
  };
  while (unfrozen > 0) {
    const top = heap.pop();
    if (top === undefined) throw sluiceError("internal.simulationStalled", { params: { detail: "a flow has neither a cap nor a resource" } });
    if (top.flow !== undefined) {
      if (!top.flow.frozen) freeze(top.flow, top.level);
    } else {
      const r = top.resource!;
      if (top.version !== r.version) continue;
      for (const f of r.members) if (!f.frozen) freeze(f, top.level);
    }
    requeue();
  }
  for (const f of flows) {
    f.resources.forEach((r, k) => {
      r.load += f.rate * f.weights[k]!;
    });
    f.finishAtMs = f.rate > 0 ? nowMs + (f.remaining / f.rate) * 1000 : Infinity;
  }
  for (const r of used) {
    r.peak = Math.max(r.peak, r.load / r.capacity);
    r.members = [];
  }
  return used;
}
