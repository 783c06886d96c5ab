/**
 * When a level group (level-group.ts) may form, take a new flow, lose one, or must dissolve back
 * into plain flows — the rules that keep its answer the max-min fair allocation itself:
 * - it forms after a full recomputation on a saturated resource R without a token bucket, from
 *   every flow held at R (all at one level), if no other resource they cross is saturated, owned
 *   by another group, or a drained bucket, and each stays below saturation (a bucket at or below
 *   its baseline) with room to spare;
 * - a member's end raises the level to (capacity − base) / weight on R; a new flow over R joins
 *   (lowering it) if its other resources qualify as above and no flow outside the group on R runs
 *   faster than the new level. Either is taken only while the level stays below the group's
 *   `limit` (the lowest member cap, and the level at which an attached resource would saturate or
 *   a bucket pass its baseline) — then no other flow's rate moves, which is what makes it exact;
 * - otherwise the group dissolves: each member becomes a plain flow with its bytes left at the
 *   group's level, each resource a plain one with its true load, and R is re-solved in full.
 * Margins: "saturated" is the same 1 − 1e-6 as flow-component.ts; a limit must hold by 1e-9.
 */
import { isSaturated } from "./flow-component.js";
import { advanceGroup, makeGroup, refreshFinish, settleGrouped, setLevel, type LevelGroup } from "./level-group.js";
import { attach, detach, dissolve, enter, type GroupHost } from "./level-group-members.js";
import type { Flow, Resource } from "./water-fill.js";

export { dissolve, dueMembers, type GroupHost } from "./level-group-members.js";

const SATURATED = 1 - 1e-6;
const MARGIN = 1 - 1e-9;

/** The level at which `r` — carrying `base` outside the group and `gw` of members' weight — would saturate (or a bucket pass its baseline). */
function levelLimit(r: Resource, base: number, gw: number): number {
  const ceiling = r.bucket === undefined ? r.capacity * SATURATED : Math.min(r.capacity * SATURATED, r.bucket.spec.baselineBytesPerSecond);
  return (ceiling - base) / gw;
}

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
    if (r.group !== undefined || r.bucket?.drained === true) return false;
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
      if (r.bucket?.drained === true) return false;
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
  refreshFinish(g);
  host.queueGroup(g);
  return true;
}

/** Removes member `f` (finished now); false if the group had to dissolve (R then needs a full recomputation). */
export function leaveGroup(host: GroupHost, g: LevelGroup, f: Flow): boolean {
  const now = host.nowMs;
  advanceGroup(g, now);
  f.group = undefined;
  f.resources.forEach((r, k) => {
    settleGrouped(r, g, now);
    r.flows.delete(f);
    r.gw -= f.weights[k]!;
    if (--r.groupCount === 0 && r !== g.resource) detach(host, g, r, r.base);
  });
  return relevel(host, g);
}

/** A full re-solve that only bounds an attached resource (does not expand it) reads its true load: brought up to now. */
export function showLoad(r: Resource, g: LevelGroup, nowMs: number): void {
  advanceGroup(g, nowMs);
  settleGrouped(r, g, nowMs);
  r.load = r.base + r.gw * g.level;
}

/** After that re-solve committed the shown resources' new loads (flows outside the group added), their groups take them back — or dissolve where a limit no longer holds. */
export function rebase(host: GroupHost, shown: readonly Resource[]): void {
  // every base first: a group that dissolves sets its resources' loads from their bases
  for (const r of shown) if (r.group !== undefined && !r.group.dissolved) r.base = Math.max(0, r.load - r.gw * r.group.level);
  for (const r of shown) {
    const g = r.group;
    if (g === undefined || g.dissolved) continue;
    host.unqueueBucketEvent(r);
    const limit = levelLimit(r, r.base, r.gw);
    if (g.level < limit * MARGIN) g.limit = Math.min(g.limit, limit);
    else dissolve(host, g);
  }
}

/** A flow outside the group that crossed some of its resources finished now: their base loads drop; false if the group dissolved. */
export function dropBase(host: GroupHost, g: LevelGroup, r: Resource, loadBytesPerSecond: number): boolean {
  advanceGroup(g, host.nowMs);
  settleGrouped(r, g, host.nowMs);
  r.base = Math.max(0, r.base - loadBytesPerSecond);
  return r !== g.resource || relevel(host, g);
}

/** The level after R's members or base changed: kept if within the limit, else the group dissolves (false). */
function relevel(host: GroupHost, g: LevelGroup): boolean {
  const R = g.resource;
  if (R.groupCount === 0) {
    dissolve(host, g);
    return true; // nothing was held at R: R's remaining flows keep their rates
  }
  const level = (R.capacity - R.base) / R.gw;
  if (!(level > 0 && level < g.limit * MARGIN)) {
    dissolve(host, g);
    return false;
  }
  setLevel(g, level, host.nowMs);
  refreshFinish(g);
  host.queueGroup(g);
  return true;
}

