/**
 * Re-solving what a change can move (fair-share.ts): the component of flows reachable from the
 * resources that changed and the flows started since (flow-component.ts) gets its max-min fair
 * rates (water-fill.ts), widened while a boundary resource saturates; then rates, loads and peaks
 * are committed at now, plain buckets get their next event, and level groups are formed where the
 * rules allow (level-group-rules.ts).
 *
 * A level group's own resource met here turns the group back into plain flows (the solve needs
 * their rates), as does an attached resource the solve must expand; one it only bounds shows its
 * true load and takes the group back after the commit (rebase).
 */
import { collectComponent } from "./flow-component.js";
import { formGroup } from "./level-group-entry.js";
import { dissolve, rebase, showLoad } from "./level-group-rules.js";
import type { NetworkQueues } from "./network-queues.js";
import { settleResource } from "./network-resource.js";
import type { Flow, Resource } from "./flow-network.js";
import { waterFill } from "./water-fill.js";

/** Scratch the re-solve keeps between calls: the visit stamp. */
export interface ResolveScratch {
  stamp: number;
}

/** Re-solves from `changed` and `started` (both consumed) at `q.nowMs`; returns the number of level groups formed. */
export function resolveChanges(q: NetworkQueues, changed: Set<Resource>, started: readonly Flow[], scratch: ResolveScratch, groupMinFlows: number): number {
  const now = q.nowMs;
  const expand = new Set(changed);
  changed.clear();
  for (;;) {
    const shown: Resource[] = [];
    const c = collectComponent(expand, started, ++scratch.stamp, (r) => {
      const g = r.group;
      if (g !== undefined && (r === g.resource || expand.has(r))) dissolve(q, g);
      else if (g !== undefined) {
        showLoad(r, g, now);
        shown.push(r);
        return false;
      }
      return settleResource(r, now);
    });
    for (const r of c.resources) r.next = r.outside; // a resource no flow crosses any more carries nothing
    waterFill(c.flows, ++scratch.stamp);
    const widen = c.boundary.filter((r) => r.next >= r.capacity * (1 - 1e-6));
    if (widen.length > 0) {
      for (const r of widen) expand.add(r);
      continue;
    }
    for (const r of c.resources) {
      r.load = r.next;
      r.peak = Math.max(r.peak, r.load / r.capacity);
    }
    for (const f of c.flows) commitFlow(q, f, now);
    for (const r of c.resources) if (r.group === undefined) q.queueBucketEvent(r);
    rebase(q, shown);
    let formed = 0;
    for (const r of c.resources) if (formGroup(q, r, groupMinFlows)) formed++;
    return formed;
  }
}

/** A flow's bytes left brought to now at its old rate, then its new rate and finish time. */
function commitFlow(q: NetworkQueues, f: Flow, now: number): void {
  f.remaining = Math.max(0, f.remaining - (f.rate * (now - f.lastMs)) / 1000);
  f.lastMs = now;
  f.rate = f.next;
  f.finishAtMs = f.rate > 0 ? now + (f.remaining / f.rate) * 1000 : Infinity;
  q.queueFlow(f);
}
