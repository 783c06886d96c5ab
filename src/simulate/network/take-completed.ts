/**
 * Taking the flows that finish at one instant out of the fair-share network (fair-share.ts): plain
 * flows whose finish time (or bytes left, within rounding) is due, and level-group members whose
 * tag the group's virtual clock has reached. Each is released from its resources (release-flow.ts),
 * in start order, so that what a finish changes is marked for the next re-solve.
 */
import { refreshFinish } from "./level-group.js";
import { dueMembers } from "./level-group-rules.js";
import type { NetworkQueues } from "./network-queues.js";
import { releaseFlow } from "./release-flow.js";
import type { Flow, Resource } from "./flow-network.js";

/** The flows finishing by `timeMs` (after the clock moved there), released, in start order. */
export function takeCompletedFlows(q: NetworkQueues, timeMs: number, changed: Set<Resource>): Flow[] {
  const slack = Math.max(1e-9, Math.abs(timeMs) * 1e-12);
  const done: Flow[] = [];
  for (;;) {
    const f = q.completions.peek();
    if (f === undefined) break;
    const left = f.remaining - (f.rate * (timeMs - f.lastMs)) / 1000;
    if (!(f.finishAtMs <= timeMs + slack || left <= f.bytes * 1e-12)) break;
    q.completions.pop();
    done.push(f);
  }
  for (;;) {
    const g = q.groups.peek();
    if (g === undefined || !(g.finishAtMs <= timeMs + slack)) break;
    // the first member's finish passes the same test, so at least one is due
    const due = dueMembers(g, timeMs, slack);
    if (due.length === 0) break;
    for (const f of due) {
      f.rate = g.level;
      done.push(f);
    }
    refreshFinish(g);
    q.queueGroup(g);
  }
  done.sort((a, b) => a.id - b.id);
  for (const f of done) releaseFlow(q, f, changed);
  return done;
}
