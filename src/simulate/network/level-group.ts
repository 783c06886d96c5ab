/**
 * A level group: the flows whose max-min bottleneck is one saturated resource R (processor
 * sharing in virtual time). Every member runs at the group's level L (bytes/s), so instead of a
 * rate and bytes left per flow the group keeps its virtual clock V — the bytes each member has
 * moved since the group formed — and a member finishes when V reaches its tag (V at its start +
 * its bytes). A member's start or end changes L for all members at once in O(log members): the
 * tags stay, only V's slope moves.
 *
 * Loads are kept lazily too. Each resource of the group (R, and every other resource a member
 * crosses — "attached") carries `base` (the load of flows outside the group) plus `gw · L` (gw:
 * the members' weight on it), so its bytes carried integrate as base · dt + gw · ΔV. Its peak
 * utilisation uses the highest L since it was last brought up to date (`levels`: a stack of
 * suffix maxima). The group's rules (level-group-rules.ts) keep every attached resource below
 * saturation; a token bucket's credit moves linearly between the level changes that take its load
 * across its baseline, and its drain is watched like a flow's end (level-group-buckets.ts). The
 * group's type, LevelGroup, stands with the network's other state in flow-network.ts.
 */
import { IndexedHeap } from "../../util/indexed-heap.js";
import type { BucketWatch, Flow, LevelGroup, Resource } from "./flow-network.js";

const lowestFirst = (a: BucketWatch, b: BucketWatch): boolean => a.theta < b.theta || (a.theta === b.theta && a.resource.index < b.resource.index);
const highestFirst = (a: BucketWatch, b: BucketWatch): boolean => a.theta > b.theta || (a.theta === b.theta && a.resource.index < b.resource.index);

/** The group's token-bucket heaps by regime (level-group-buckets.ts watches them). */
function makeBucketHeaps(): { rising: IndexedHeap<BucketWatch>; falling: IndexedHeap<BucketWatch> } {
  return { rising: new IndexedHeap(lowestFirst), falling: new IndexedHeap(highestFirst) };
}

const byTag = (a: Flow, b: Flow): boolean => a.tag < b.tag || (a.tag === b.tag && a.id < b.id);

export function makeGroup(resource: Resource, level: number, nowMs: number): LevelGroup {
  return { resource, level, virtualBytes: 0, lastMs: nowMs, members: new IndexedHeap<Flow>(byTag), resources: new Set(), nonMemberMax: 0, limit: Infinity, levelSinceMs: nowMs, levels: [], finishAtMs: Infinity, heapIndex: -1, dissolved: false, ...makeBucketHeaps() };
}

/** V at `nowMs`. */
export function virtualAt(g: LevelGroup, nowMs: number): number {
  return g.virtualBytes + (g.level * (nowMs - g.lastMs)) / 1000;
}

/** Brings V up to `nowMs` at the current level. */
export function advanceGroup(g: LevelGroup, nowMs: number): void {
  g.virtualBytes = virtualAt(g, nowMs);
  g.lastMs = nowMs;
}

/**
 * Sets a new level at `nowMs` (after advanceGroup to now). The level it replaces is kept for peak
 * utilisation only if it lasted: several changes at one instant are one change, as in a full
 * re-solve, which commits only the state after the instant's last change.
 */
export function setLevel(g: LevelGroup, level: number, nowMs: number): void {
  if (nowMs > g.levelSinceMs) {
    while (g.levels.length > 0 && g.levels.at(-1)!.level <= g.level) g.levels.pop();
    g.levels.push({ untilMs: nowMs, level: g.level });
  }
  g.level = level;
  g.levelSinceMs = nowMs;
}

/** Highest level in effect for some time after `sinceMs`, up to `nowMs`. */
function maxLevelSince(g: LevelGroup, sinceMs: number, nowMs: number): number {
  let best = nowMs > g.levelSinceMs ? g.level : 0;
  let lo = 0;
  let hi = g.levels.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (g.levels[mid]!.untilMs > sinceMs) hi = mid;
    else lo = mid + 1;
  }
  if (lo < g.levels.length) best = Math.max(best, g.levels[lo]!.level);
  return best;
}

/** Refreshes the group's first finish time (Infinity when it has no member). */
export function refreshFinish(g: LevelGroup): void {
  const top = g.members.peek();
  g.finishAtMs = top === undefined || !(g.level > 0) ? Infinity : g.lastMs + ((top.tag - g.virtualBytes) / g.level) * 1000;
}

/** Integrates a group resource's statistics (and a bucket's credit, which moved one way since its last settle: level-group-buckets.ts) up to `nowMs`, with V advanced to now. */
export function settleGrouped(r: Resource, g: LevelGroup, nowMs: number): void {
  const dt = nowMs - r.statsMs;
  const moved = r.base * (Math.max(0, dt) / 1000) + r.gw * (g.virtualBytes - r.groupV);
  if (dt > 0) {
    if (r.base > 0 || r.gw > 0) r.busyMs += dt;
    r.bytes += moved;
    r.peak = Math.max(r.peak, (r.base + r.gw * maxLevelSince(g, r.statsMs, nowMs)) / r.capacity);
    r.statsMs = nowMs;
  }
  const b = r.bucket;
  if (b !== undefined) {
    b.creditBytes = Math.min(b.spec.burstBytes, b.creditBytes + (b.spec.baselineBytesPerSecond * Math.max(0, nowMs - b.lastMs)) / 1000 - moved);
    b.lastMs = nowMs;
  }
  r.groupV = g.virtualBytes;
}

/** The load a group resource carries now. */
export function groupedLoad(r: Resource, g: LevelGroup): number {
  return r.base + r.gw * g.level;
}
