/**
 * How flows and resources enter and leave a level group (level-group.ts), and how a group turns
 * back into plain flows and resources: each member keeps its bytes left at the group's level,
 * each resource takes its true load (base + gw · level), a token bucket gets its next event back.
 * level-group-rules.ts says when each may happen.
 */
import { advanceGroup, settleGrouped, virtualAt } from "./level-group.js";
import type { Flow, LevelGroup, Resource } from "./flow-network.js";
import { unwatchBucket, type BucketCheckQueue } from "./level-group-buckets.js";
import { settleResource } from "./network-resource.js";

/** What a group needs of the network: the queues it moves flows and resources between. */
export interface GroupHost extends BucketCheckQueue {
  readonly nowMs: number;
  /** A flow back to the plain completions queue, at its rate and bytes left. */
  queueFlow(f: Flow): void;
  unqueueFlow(f: Flow): void;
  queueBucketEvent(r: Resource): void;
  unqueueBucketEvent(r: Resource): void;
  queueGroup(g: LevelGroup): void;
  unqueueGroup(g: LevelGroup): void;
}

/** Turns the group back into plain flows (bytes left at its level) and plain resources (their true loads). */
export function dissolve(host: GroupHost, g: LevelGroup): void {
  const now = host.nowMs;
  advanceGroup(g, now);
  g.dissolved = true;
  host.unqueueGroup(g);
  for (const r of g.resources) detach(host, g, r, r.base + r.gw * g.level);
  for (let f = g.members.pop(); f !== undefined; f = g.members.pop()) {
    f.group = undefined;
    f.remaining = Math.max(0, f.tag - g.virtualBytes);
    f.rate = g.level;
    f.lastMs = now;
    f.finishAtMs = now + (f.remaining / f.rate) * 1000;
    host.queueFlow(f);
  }
}

/** Members of `g` due by `timeMs` (their bytes left within rounding), taken out of its queue. */
export function dueMembers(g: LevelGroup, timeMs: number, slackMs: number): Flow[] {
  const v = virtualAt(g, timeMs);
  const due: Flow[] = [];
  for (let f = g.members.peek(); f !== undefined; f = g.members.peek()) {
    const finishMs = g.lastMs + ((f.tag - g.virtualBytes) / g.level) * 1000;
    if (!(finishMs <= timeMs + slackMs || f.tag - v <= Math.max(f.bytes * 1e-12, Math.abs(v) * 1e-15))) break;
    g.members.pop();
    due.push(f);
  }
  return due;
}

export function attach(host: GroupHost, g: LevelGroup, r: Resource, base: number): void {
  settleResource(r, host.nowMs);
  host.unqueueBucketEvent(r);
  r.group = g;
  r.base = Math.max(0, base);
  r.gw = 0;
  r.groupCount = 0;
  r.groupV = g.virtualBytes;
  g.resources.add(r);
}

export function enter(g: LevelGroup, f: Flow, bytesLeft: number): void {
  f.group = g;
  f.tag = g.virtualBytes + bytesLeft;
  f.resources.forEach((r, k) => {
    r.gw += f.weights[k]!;
    r.groupCount++;
  });
  g.members.update(f);
}

export function detach(host: GroupHost, g: LevelGroup, r: Resource, load: number): void {
  settleGrouped(r, g, host.nowMs);
  unwatchBucket(g, r);
  g.resources.delete(r);
  r.group = undefined;
  r.load = r.flows.size === 0 ? 0 : Math.max(0, load); // no rounding residue on an idle resource (it would count as busy)
  r.gw = 0;
  r.base = 0;
  r.groupCount = 0;
  host.queueBucketEvent(r);
}
