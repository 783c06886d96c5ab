/**
 * When a level group (level-group.ts) may form, take a new flow, lose one, or must dissolve back
 * into plain flows — the rules that keep its answer the max-min fair allocation itself:
 * - it forms after a full recomputation on a saturated resource R without a token bucket, from
 *   every flow held at R (all at one level), if no other resource they cross is saturated, owned
 *   by another group, or a token bucket drained or near draining (level-group-buckets.ts), and
 *   each stays below saturation with room to spare (a bucket: below its burst rate — its credit
 *   may drain inside the group, which watches it);
 * - a member's end raises the level to (capacity − base) / weight on R; a new flow over R joins
 *   (lowering it) if its other resources qualify as above and no flow outside the group on R runs
 *   faster than the new level. Either is taken only while the level stays below the group's
 *   `limit` (the lowest member cap, and the level at which an attached resource would saturate)
 *   — then no other flow's rate moves, which is what makes it exact;
 * - otherwise the group dissolves: each member becomes a plain flow with its bytes left at the
 *   group's level, each resource a plain one with its true load, and R is re-solved in full.
 * Margins: "saturated" is the same 1 − 1e-6 as flow-component.ts; a limit must hold by 1e-9.
 * Forming and joining are in level-group-entry.ts; leaving, and the loads of flows outside the
 * group changing under it, here.
 */
import { advanceGroup, refreshFinish, settleGrouped, setLevel } from "./level-group.js";
import type { Flow, LevelGroup, Resource } from "./flow-network.js";
import { crossBaselines, watchBucket } from "./level-group-buckets.js";
import { detach, dissolve, type GroupHost } from "./level-group-members.js";

export { dissolve, dueMembers, type GroupHost } from "./level-group-members.js";

const SATURATED = 1 - 1e-6;
export const MARGIN = 1 - 1e-9;

/** The level at which `r` — carrying `base` outside the group and `gw` of members' weight — would saturate (a bucket: at its burst rate, which cannot change inside a group). */
export function levelLimit(r: Resource, base: number, gw: number): number {
  const ceiling = r.capacity * SATURATED;
  return (ceiling - base) / gw;
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
  for (const r of f.resources) if (r.group === g) watchBucket(host, g, r);
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
    const limit = levelLimit(r, r.base, r.gw);
    if (g.level < limit * MARGIN) {
      g.limit = Math.min(g.limit, limit);
      watchBucket(host, g, r);
    } else dissolve(host, g);
  }
}

/** A flow outside the group that crossed some of its resources finished now: their base loads drop; false if the group dissolved. */
export function dropBase(host: GroupHost, g: LevelGroup, r: Resource, loadBytesPerSecond: number): boolean {
  advanceGroup(g, host.nowMs);
  settleGrouped(r, g, host.nowMs);
  r.base = Math.max(0, r.base - loadBytesPerSecond);
  if (r !== g.resource) {
    watchBucket(host, g, r);
    return true;
  }
  return relevel(host, g);
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
  crossBaselines(host, g);
  refreshFinish(g);
  host.queueGroup(g);
  return true;
}

