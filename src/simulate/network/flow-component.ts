/**
 * Which flows' rates a change can move. In a max-min fair allocation every flow is held by a
 * bottleneck: its own cap, or a saturated resource on which no flow runs faster. A resource that
 * is not saturated holds nobody, so a change spreads only through saturated resources: starting
 * from the resources whose flows or capacity changed (`expand`), the component is every flow
 * crossing an expanded resource, expanding through every saturated resource those flows cross.
 * The resources they cross that stay unexpanded are its boundary: the component may use what
 * the flows outside it leave of their capacity (`outside` is set here), and if that saturates one
 * of them the caller expands it and asks again. At worst the component is every flow — the full
 * recomputation — and the rates are the same either way.
 *
 * Pre: committed loads and rates are consistent (each resource's load is the sum of its flows'
 * rate · weight), except on resources in `expand`. Post: `flows` in start order; `visit` called
 * once on every resource met (it brings the resource's statistics and credit up to now and says
 * whether its capacity changed — then it is expanded too).
 */
import type { Flow, Resource } from "./flow-network.js";

export interface Component {
  readonly flows: Flow[];
  /** Resources the component's flows cross, expanded and boundary alike. */
  readonly resources: Resource[];
  readonly boundary: Resource[];
}

/** Saturated, for expanding: a loose test (expanding more than needed only costs time). */
export function isSaturated(r: Resource): boolean {
  return r.load >= r.capacity * (1 - 1e-6);
}

export function collectComponent(expand: Set<Resource>, lone: readonly Flow[], stamp: number, visit: (r: Resource) => boolean): Component {
  const flows: Flow[] = [];
  const resources: Resource[] = [];
  const queue: Resource[] = [];
  const meet = (r: Resource): void => {
    if (r.stamp === stamp) return;
    r.stamp = stamp;
    resources.push(r);
    if (visit(r)) expand.add(r);
    if (expand.has(r) || isSaturated(r)) queue.push(r);
  };
  const take = (f: Flow): void => {
    if (f.stamp === stamp) return;
    f.stamp = stamp;
    flows.push(f);
    for (const r of f.resources) meet(r);
  };
  for (const r of expand) meet(r);
  for (const f of lone) take(f);
  for (let k = 0; k < queue.length; k++) for (const f of queue[k]!.flows) take(f);
  const expanded = new Set(queue);
  const boundary = resources.filter((r) => !expanded.has(r));
  for (const r of resources) r.outside = expanded.has(r) ? 0 : r.load;
  for (const f of flows) {
    f.resources.forEach((r, k) => {
      if (!expanded.has(r)) r.outside -= f.rate * f.weights[k]!;
    });
  }
  flows.sort((a, b) => a.id - b.id);
  return { flows, resources, boundary };
}
