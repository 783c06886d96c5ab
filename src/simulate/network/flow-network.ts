/**
 * The state of the simulated network that water-filling (water-fill.ts), level groups
 * (level-group*.ts) and the fair-share network (fair-share.ts) share: resources (NICs, cache nodes,
 * the object store's links; a token bucket's credit where it has one), the flows crossing them,
 * and the level groups that move flows bottlenecked on one resource in virtual time.
 */
import type { IndexedHeap } from "../../util/indexed-heap.js";
import type { TokenBucket } from "../../physics/token-bucket.js";

export interface BucketState {
  readonly spec: TokenBucket;
  creditBytes: number;
  drained: boolean;
  lastMs: number;
  /** Its place in its level group's rising or falling heap (level-group-buckets.ts). */
  readonly watch: BucketWatch;
}

export interface BucketWatch {
  readonly resource: Resource;
  /** The group level at which its load passes the baseline. */
  theta: number;
  heapIndex: number;
}

export interface Resource {
  readonly id: string;
  /** Declaration order: breaks ties between bucket events due at the same instant. */
  readonly index: number;
  /** Bytes/s it carries now (a token bucket's changes with its credit). */
  capacity: number;
  /** A token-bucket resource's state (fair-share.ts); undefined: a fixed capacity. */
  bucket?: BucketState;
  bytes: number;
  busyMs: number;
  peak: number;
  /** Committed load (bytes/s) and the time its statistics are integrated to. */
  load: number;
  statsMs: number;
  /** The flows crossing it now, in start order. */
  readonly flows: Set<Flow>;
  /** A bucket's next drain or recharge (fair-share.ts queues it), and its place in that queue. */
  eventMs: number;
  heapIndex: number;
  /** The level group it belongs to (level-group.ts): its load is then `base + gw · level`, `load` unused. */
  group: LevelGroup | undefined;
  base: number;
  gw: number;
  /** Members of its group crossing it, and the group's V when it was last brought up to date. */
  groupCount: number;
  groupV: number;
  /** Scratch for computing a component: its load from flows outside it, the load computed, bandwidth left, weight of the flows still growing, heap-entry version, visit stamp. */
  outside: number;
  next: number;
  remaining: number;
  weight: number;
  version: number;
  stamp: number;
  members: Flow[];
}

export interface Flow {
  readonly id: number;
  readonly bytes: number;
  readonly cap: number;
  readonly resources: readonly Resource[];
  readonly weights: readonly number[];
  readonly onDone: () => void;
  /** Bytes left at `lastMs`, moving at `rate` since then. */
  remaining: number;
  lastMs: number;
  rate: number;
  finishAtMs: number;
  /** Its place in the queue of completions. */
  heapIndex: number;
  /** The resource that held it at its rate in the last water-fill (undefined: its own cap). */
  bottleneck: Resource | undefined;
  /** Member of a level group: it finishes when the group's V reaches `tag` (`remaining`, `rate` unused). */
  group: LevelGroup | undefined;
  tag: number;
  /** Scratch: the rate computed, frozen yet, visit stamp. */
  next: number;
  frozen: boolean;
  stamp: number;
}

export interface LevelGroup {
  readonly resource: Resource;
  /** Rate of every member (bytes/s), and the virtual clock V (bytes per member) at `lastMs`. */
  level: number;
  virtualBytes: number;
  lastMs: number;
  /** Members by tag (V at which each finishes), then id. */
  readonly members: IndexedHeap<Flow>;
  /** Resources of the group: R and the attached ones. */
  readonly resources: Set<Resource>;
  /** Highest rate of a flow on R outside the group (may be stale-high: only ever too strict). */
  nonMemberMax: number;
  /** Level at or above which a member's cap or an attached resource would bind (may be stale-low). */
  limit: number;
  /** When the current level was set, and the suffix maxima of the past levels that lasted, by when each ended. */
  levelSinceMs: number;
  readonly levels: { untilMs: number; level: number }[];
  /** When the first member finishes at the current level; place in the network's queue. */
  finishAtMs: number;
  heapIndex: number;
  dissolved: boolean;
  /** Its token buckets by regime: at or below their baseline (by θ, lowest first) and above it (highest first) — level-group-buckets.ts. */
  readonly rising: IndexedHeap<BucketWatch>;
  readonly falling: IndexedHeap<BucketWatch>;
}
