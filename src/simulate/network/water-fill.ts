/**
 * Max-min fair rates for one component of the fair-share network's flows (see fair-share.ts); the
 * resources and flows it reads and writes are typed in flow-network.ts.
 *
 * Pre: every flow crosses at least one resource or has a finite cap; each resource's `outside` is
 * the load of the flows crossing it that are not in `flows` (0 when all are). Post: each flow's
 * `next` rate is set and each resource's `next` load is `outside` plus what `flows` put on it;
 * nothing committed (the caller commits, or widens the component and computes again).
 */
import { sluiceError } from "../../errors.js";
import { LevelHeap } from "./level-heap.js";
import type { Flow, Resource } from "./flow-network.js";

/**
 * Max-min fair rates by water-filling over a heap: the resource (or flow cap) with the lowest
 * fair level (bandwidth left / weight of the flows still growing) saturates first; its flows
 * freeze at that level, and the other resources they cross lose their share and their weight —
 * which can only raise those resources' levels, so levels pop in order.
 * O(F · k · log R) for F flows crossing k resources each. Returns the resources `flows` cross.
 */
export function waterFill(flows: readonly Flow[], stamp: number): Resource[] {
  const used: Resource[] = [];
  for (const f of flows) {
    f.next = 0;
    f.frozen = false;
    f.resources.forEach((r, k) => {
      if (r.stamp !== stamp) {
        r.stamp = stamp;
        r.remaining = r.capacity - r.outside;
        r.weight = 0;
        r.members = [];
        used.push(r);
      }
      r.weight += f.weights[k]!;
      r.members.push(f);
    });
  }
  const heap = new LevelHeap<Resource, Flow>();
  for (const r of used) heap.push(Math.max(0, r.remaining) / r.weight, r, undefined);
  for (const f of flows) if (Number.isFinite(f.cap)) heap.push(f.cap, undefined, f);
  let unfrozen = flows.length;
  const touched: Resource[] = [];
  const freeze = (f: Flow, level: number, at: Resource | undefined): void => {
    f.frozen = true;
    f.next = level;
    f.bottleneck = at;
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
      if (!top.flow.frozen) freeze(top.flow, top.level, undefined);
    } else {
      const r = top.resource!;
      if (top.version !== r.version) continue;
      for (const f of r.members) if (!f.frozen) freeze(f, top.level, r);
    }
    requeue();
  }
  for (const r of used) {
    r.next = r.outside;
    r.members = [];
  }
  for (const f of flows) f.resources.forEach((r, k) => (r.next += f.next * f.weights[k]!));
  return used;
}
