/**
 * The record a run publishes in Redis (`sluice:run:<run>`, listed in the set `sluice:runs`) so
 * that workers on any machine join it: which VMs take part, where the object store and the cache
 * are, how fast each VM's NIC may send (null: not shaped), how many requests an instance keeps in
 * flight, and the job lock duration (how soon a dead worker's job can be taken away from it).
 */
import type { ObjectStoreConfig } from "../backend-config.js";

export const ACTIVE_RUNS_KEY = "sluice:runs";

export interface RunRecord {
  readonly runId: string;
  readonly vms: readonly string[];
  readonly cacheUrl: string;
  readonly objectStore: ObjectStoreConfig;
  readonly nicBytesPerSecond: number | null;
  readonly connections: number;
  readonly lockDurationMs: number;
  /** Key prefixes an edge's objects are spread over (the platform's objectStore.prefixes; 1 if it has none). */
  readonly objectPrefixes: number;
  /** Size of one ranged GET (the platform's objectStore.rangeBytes), if it has one. */
  readonly rangeBytes?: number;
  /** True when an edge of the run passes through the cache tier: workers open its connection when they join. */
  readonly usesCache?: boolean;
}

export function parseRunRecord(text: string | null): RunRecord | undefined {
  if (text === null) return undefined;
  try {
    const r = JSON.parse(text) as RunRecord;
    return typeof r.runId === "string" && Array.isArray(r.vms) ? r : undefined;
  } catch {
    return undefined;
  }
}
