/**
 * The runner: one stage instance at a time through the kernel.
 *
 * Life of an instance (stage-synchronous like the cost model, per tier: receiver j of an edge read
 * by mode m is ready when every producer instance has finished writing its output to m's tier —
 * local storage for direct and vm-local, its PUTs for remote, the cache tier for cache — for every
 * incoming edge; so a split edge's direct readers need not wait for the remote share's PUTs):
 *   ready → wait for a slot (its VM if pinned beside a vm-local input, else any of its stage's VMs)
 *         → read: the app input (roots) and every incoming edge at once, each by its receiver's mode
 *         → compute for the drawn runtime
 *         → write at once: the final output (sinks), the output to local storage (when a consumer
 *           reads it direct or vm-local), one set of PUTs per edge with remote receivers (only the
 *           partitions they need), the output into the cache tier (admitted stages)
 *         → release the slot.
 * Billed from slot to release. Admitted bytes stay in the cache tier until every consumer stage of
 * the producer has finished. A write that would overflow the tier goes to the object store instead
 * (and its cache readers read it from there): reported as a `cache-overflow` violation, the run
 * still completes. A cache edge whose producer is not admitted is served the same way
 * (`not-admitted`). Instances whose drawn memory exceeds a whole VM run clamped to the VM and are
 * reported (`memory-beyond-vm`).
 *
 * Where each part lives: the run's records (sim-state.ts), built from the plan (build-runtime.ts);
 * VMs and pinning (place-instances.ts); the instance lifecycle (instance-lifecycle.ts) with its
 * reads (read-inputs.ts) and writes (write-outputs.ts), issued as transfer requests
 * (transfer-request.ts, run-requests.ts) and accounted when they land (account-transfer.ts).
 */
import type { TransferMode } from "../model/types.js";
import { buildEdges, buildStages } from "./build-runtime.js";
import { CacheTier } from "./cache-tier.js";
import { receiversReady } from "./instance-lifecycle.js";
import { Kernel } from "./kernel.js";
import { ObjectStore } from "./object-store.js";
import { checkAdmission, placeStages } from "./place-instances.js";
import type { EdgeRt, SimState, SimulationSetup, StageRt } from "./sim-state.js";
import { CACHE, STORE } from "./transfer-request.js";
import type { SimViolation } from "./types.js";
import { VmScheduler } from "./vm-scheduler.js";
import { VmPool } from "./vm-pool.js";

export type { SimulationSetup } from "./sim-state.js";

export class Simulation implements SimState {
  readonly kernel = new Kernel();
  readonly scheduler: VmScheduler;
  readonly pool: VmPool;
  readonly store: ObjectStore;
  readonly cache: CacheTier;
  readonly stages: Map<string, StageRt>;
  readonly edges: EdgeRt[];
  readonly violations: SimViolation[] = [];
  readonly tierBytes = { cacheWritten: 0, cacheRead: 0, networkBytes: 0, localWritten: 0, localRead: 0 };
  readonly bytesByMode: Record<TransferMode, number> = { "vm-local": 0, direct: 0, remote: 0, cache: 0 };
  readonly vmIds: string[] = [];
  readonly vmLocalRemoteReads = new Map<string, number>();

  constructor(readonly setup: SimulationSetup) {
    const { platform } = setup;
    this.scheduler = new VmScheduler((run) => this.kernel.at(this.kernel.nowMs, run));
    this.pool = new VmPool(platform.vm.poolSize, () => this.kernel.nowMs, (run) => this.kernel.at(this.kernel.nowMs, run));
    this.store = new ObjectStore(platform.objectStore, setup.storeBurst, setup.edgePrefixes);
    this.cache = new CacheTier(platform.cache.capacityBytes);
    this.kernel.network.addResource(CACHE, platform.cache.aggregateBytesPerSecond);
    if (platform.objectStore.aggregateBytesPerSecond !== undefined) this.kernel.network.addResource(STORE, platform.objectStore.aggregateBytesPerSecond);
    this.stages = buildStages(setup);
    this.edges = buildEdges(setup, this.stages);
    placeStages(this);
    checkAdmission(this);
  }

  /** Starts the roots at time 0, runs the kernel dry, then reports what only the whole run shows. */
  run(maxEvents?: number): void {
    for (const id of this.setup.dag.order) {
      const s = this.stages.get(id)!;
      if (s.incoming.length === 0) this.kernel.at(0, () => receiversReady(this, s, Array.from({ length: s.n }, (_, j) => j)));
    }
    this.kernel.run(maxEvents);
    // Nothing left to happen but stages still wait for VMs: the pool is held by stages that wait on
    // them. Lend the first its VMs beyond the pool (reported), and run on.
    while (this.pool.waitingCount > 0) {
      const stageId = this.pool.overdraw()!;
      this.violations.push({ code: "pool-overdrawn", path: ["stages", stageId], message: `${stageId} waited for VMs held by stages waiting on it (a hold-and-wait on the pool of ${this.pool.poolSize}); it was lent VMs beyond the pool to finish the run` });
      this.kernel.run(maxEvents);
    }
    for (const [stageId, reads] of this.vmLocalRemoteReads) {
      this.violations.push({ code: "vm-local-remote", path: ["stages", stageId], message: `${reads} vm-local reads found their data on another VM and pulled it over the network` });
    }
    for (const s of this.stages.values()) {
      if (s.overflowInstances > 0) {
        this.violations.push({ code: "cache-overflow", path: ["admitted", s.id], message: `${s.overflowInstances} of ${s.n} instances of ${s.id} could not fit ${s.overflowBytes.toFixed(0)} B in the cache tier (capacity ${this.cache.capacityBytes} B); those outputs went to the object store` });
      }
      const beyond = s.instances.filter((i) => i.draw.memoryMb > this.setup.platform.vm.memoryMb);
      if (beyond.length > 0) {
        const peak = Math.max(...beyond.map((i) => i.draw.memoryMb));
        this.violations.push({ code: "memory-beyond-vm", path: ["stages", s.id, "memoryMb"], message: `${beyond.length} instances peaked above a VM's memory (${this.setup.platform.vm.memoryMb} MB; highest ${peak.toFixed(0)} MB)` });
      }
    }
  }
}
