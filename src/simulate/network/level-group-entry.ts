/**
 * How a level group forms and how a new flow joins one — the first two of the rules in
 * level-group-rules.ts (which says why they keep the answer the max-min fair allocation).
 */
import { isSaturated } from "./flow-component.js";
import { advanceGroup, makeGroup, refreshFinish, settleGrouped, setLevel } from "./level-group.js";
import type { Flow, LevelGroup, Resource } from "./flow-network.js";
import { admitsBucket, crossBaselines, watchBucket } from "./level-group-buckets.js";
import { attach, enter, type GroupHost } from "./level-group-members.js";
import { levelLimit, MARGIN } from "./level-group-rules.js";

/** Forms R's group from the flows a full recomputation just held at R, if the rules allow; true if formed. */
export function formGroup(host: GroupHost, R: Resource, minMembers: number): boolean {
  if (R.bucket !== undefined || R.group !== undefined || !isSaturated(R) || R.flows.size < minMembers) return false;
  const members: Flow[] = [];
  let level = NaN;
  let nonMemberMax = 0;
  for (const f of R.flows) {
    if (f.bottleneck !== R) nonMemberMax = Math.max(nonMemberMax, f.rate);
    else if (members.length === 0 || f.rate === level) {
      members.push(f);
      level = f.rate;
    } else return false;
  }
  if (members.length < minMembers || !(level > 0) || !(nonMemberMax <= level)) return false;
  const weights = new Map<Resource, number>();
  let limit = Infinity;
  for (const f of members) {
    limit = Math.min(limit, f.cap);
    f.resources.forEach((r, k) => weights.set(r, (weights.get(r) ?? 0) + f.weights[k]!));
  }
  for (const [r, w] of weights) {
    if (r === R) continue;
    if (r.group !== undefined || !admitsBucket(r, host.nowMs)) return false;
    limit = Math.min(limit, levelLimit(r, r.load - w * level, w));
  }
  if (!(level < limit * MARGIN)) return false;
  const g = makeGroup(R, level, host.nowMs);
  g.nonMemberMax = nonMemberMax;
  g.limit = limit;
  for (const [r, w] of weights) attach(host, g, r, r.load - w * level);
  for (const f of members) {
    host.unqueueFlow(f); // before it enters the group's queue: a flow sits in one queue at a time (one heapIndex)
    enter(g, f, f.remaining);
  }
  for (const r of g.resources) watchBucket(host, g, r);
  refreshFinish(g);
  host.queueGroup(g);
  return true;
}

/** A new flow joins the group on one of its resources if the rules allow (the network is clean: loads committed); true if it joined. */
export function joinGroup(host: GroupHost, f: Flow): boolean {
  let g: LevelGroup | undefined;
  for (const r of f.resources) {
    if (r.group === undefined || r.group.resource !== r) continue;
    if (g !== undefined) return false;
    g = r.group;
  }
  if (g === undefined) return false;
  const R = g.resource;
  const wR = f.weights[f.resources.indexOf(R)]!;
  const level = (R.capacity - R.base) / (R.gw + wR);
  if (!(level > 0) || !(g.nonMemberMax < level * MARGIN) || !(level < f.cap * MARGIN)) return false;
  let limit = Math.min(g.limit, f.cap);
  for (let k = 0; k < f.resources.length; k++) {
    const r = f.resources[k]!;
    if (r === R) continue;
    if (r.group === undefined) {
      if (!admitsBucket(r, host.nowMs)) return false;
      limit = Math.min(limit, levelLimit(r, r.load, f.weights[k]!));
    } else if (r.group === g) limit = Math.min(limit, levelLimit(r, r.base, r.gw + f.weights[k]!));
    else return false;
  }
  if (!(level < limit * MARGIN)) return false;
  const now = host.nowMs;
  advanceGroup(g, now);
  for (const r of f.resources) {
    if (r.group === g) settleGrouped(r, g, now);
    else attach(host, g, r, r.load);
  }
  g.limit = limit;
  setLevel(g, level, host.nowMs);
  enter(g, f, f.bytes);
  for (const r of f.resources) watchBucket(host, g, r);
  crossBaselines(host, g);
  refreshFinish(g);
  host.queueGroup(g);
  return true;
}
