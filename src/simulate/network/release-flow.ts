/**
 * What a finished flow leaves behind on its resources (fair-share.ts): as a level group's member,
 * the group's level rises (level-group-rules.ts); on a group's resource otherwise, that resource's
 * base load drops; on a plain resource, its load drops — and a resource whose change can move
 * other flows (saturated, a token bucket, or a group that had to dissolve) is marked `changed` for
 * the next re-solve.
 */
import { isSaturated } from "./flow-component.js";
import { dropBase, leaveGroup, type GroupHost } from "./level-group-rules.js";
import { settleResource } from "./network-resource.js";
import type { Flow, Resource } from "./flow-network.js";

export function releaseFlow(host: GroupHost, f: Flow, changed: Set<Resource>): void {
  const g = f.group;
  if (g !== undefined && !g.dissolved) {
    if (!leaveGroup(host, g, f)) changed.add(g.resource);
    return;
  }
  if (g !== undefined) f.rate = g.level; // its group dissolved at this instant: it ran at the group's last level
  f.group = undefined;
  f.resources.forEach((r, k) => {
    r.flows.delete(f);
    const rg = r.group;
    if (rg !== undefined) {
      if (!dropBase(host, rg, r, f.rate * f.weights[k]!)) changed.add(rg.resource);
      return;
    }
    // An unsaturated resource (without a token bucket, whose credit the load drives) held no
    // flow back: only its load changes. Expanding it would re-solve every flow crossing it —
    // O(flows on it) per completion on a shared tier such as the cache's aggregate bandwidth.
    if (r.bucket !== undefined || isSaturated(r) || changed.has(r)) {
      changed.add(r);
      return;
    }
    settleResource(r, host.nowMs);
    r.load = r.flows.size === 0 ? 0 : Math.max(0, r.load - f.rate * f.weights[k]!);
  });
}
