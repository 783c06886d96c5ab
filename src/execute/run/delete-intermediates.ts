/**
 * A producer's object-store and cache copies deleted once every consumer of its stage is done
 * (stage-runner.ts calls it), and marked deleted in the run state (so no re-run reads them, and
 * the report's cache occupancy ends there). Files on the VMs go when the run ends (vm-storage.ts).
 */
import { nowMs } from "../clock.js";
import type { CacheClient } from "../store/cache-client.js";
import type { ObjectStoreClient } from "../store/object-store-client.js";
import type { RunState } from "./run-state.js";

export async function deleteIntermediates(state: RunState, stageId: string, store: ObjectStoreClient, cache: CacheClient | undefined): Promise<void> {
  const remote: string[] = [];
  const cached: string[] = [];
  for (const o of state.outcomes.get(stageId) ?? []) {
    for (const c of o?.copies ?? []) {
      if (c.kind === "remote") remote.push(c.at.name);
      if (c.kind === "cache") cached.push(c.at.name);
      if (c.kind === "remote" || c.kind === "cache") state.markDeleted(c, nowMs());
    }
  }
  await store.deleteKeys(remote);
  if (cache !== undefined) await cache.deleteKeys(cached);
}
