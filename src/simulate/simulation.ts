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
 */
import type { Dag, Pattern } from "../dag/types.js";
import { edgeKey } from "../dag/types.js";
import { InputError } from "../errors.js";
import type { ModeShare, TransferMode } from "../model/types.js";
import type { Platform } from "../platform/schema.js";
import { TRANSFER_MODES } from "../platform/schema.js";
import type { StagePlacement } from "../plan/types.js";
import { CacheTier } from "./cache-tier.js";
import { Kernel } from "./kernel.js";
import { ObjectStore } from "./object-store.js";
import { createStream, lognormalFactor, type RandomStream } from "./random.js";
import type { RateLimiter } from "./rate-limiter.js";
import { assignReceiverModes, piecesFor, senderOfScatter, type Piece } from "./receivers.js";
import type { InstanceDraw, Sampler } from "./sample-instance.js";
import type { SimViolation, TransferInterval, TransferKind } from "./types.js";
import { VmScheduler } from "./vm-scheduler.js";

export interface SimulationSetup {
  readonly dag: Dag;
  readonly platform: Platform;
  readonly placement: ReadonlyMap<string, StagePlacement>;
  /** Indexed like dag.edges. */
  readonly shares: readonly (readonly ModeShare[])[];
  readonly admitted: ReadonlySet<string>;
  readonly inputBytes: number;
  readonly seed: number;
  readonly latencyCv: number;
  /** Token-bucket burst of the store's limiters; undefined: 10 ms worth of each rate. */
  readonly storeBurst: number | undefined;
  readonly sample: Sampler;
}

type Tier = "store" | "cache" | "network" | "local";

interface Req {
  readonly edge: string;
  readonly edgeIndex?: number;
  readonly kind: TransferKind;
  readonly direction: "read" | "write";
  readonly fallback: boolean;
  readonly tier: Tier;
  readonly bytes: number;
  readonly capBps: number;
  readonly resources: readonly string[];
  readonly weights?: readonly number[];
  readonly latencyMs: number;
  readonly limiter?: RateLimiter;
}

interface WriteGroup {
  readonly reqs: Req[];
  readonly parallel: number;
  /** (edge, mode) pairs whose receivers this group's writes make ready. */
  readonly serves?: readonly [EdgeRt, TransferMode][];
}

interface Interval {
  edge: string;
  kind: TransferKind;
  direction: "read" | "write";
  fallback: boolean;
  startMs: number;
  endMs: number;
  bytes: number;
  requests: number;
}

export interface InstanceRt {
  readonly stage: StageRt;
  readonly index: number;
  readonly stream: RandomStream;
  vm: string;
  readyMs: number;
  startMs: number;
  computeStartMs: number;
  computeEndMs: number;
  finishMs: number;
  inputBytes: number;
  draw: InstanceDraw;
  /** Per incoming edge (by position in stage.incoming): the pieces this receiver reads. */
  pieces: Piece[][];
  cacheResident: boolean;
  readonly intervals: Map<string, Interval>;
}

export interface StageRt {
  readonly id: string;
  readonly fn: string;
  readonly n: number;
  readonly billedMemoryMb: number;
  readonly incoming: readonly number[];
  readonly outgoing: readonly number[];
  readonly admitted: boolean;
  /** VMs the stage may use (its own, or its host's). */
  vmIds: string[];
  hostId?: string;
  /** The incoming edge whose vm-local receivers are pinned beside their data. */
  pinEdge?: number;
  instances: InstanceRt[];
  /** Receivers not yet ready. */
  pending: number[];
  consumersLeft: number;
  done: number;
  readyMs: number;
  finishMs: number;
  overflowInstances: number;
  overflowBytes: number;
}

export interface EdgeRt {
  readonly index: number;
  readonly key: string;
  readonly pattern: Pattern;
  readonly from: string;
  readonly to: string;
  readonly shares: readonly ModeShare[];
  readonly modes: readonly TransferMode[];
  readonly receiversByMode: Partial<Record<TransferMode, number>>;
  bytesOffered: number;
  readonly bytesReadByMode: Partial<Record<TransferMode, number>>;
  /** Producer instances done writing for each mode's receivers; the mode's data is available when all are. */
  readonly written: Map<TransferMode, number>;
  readonly available: Set<TransferMode>;
}

const nicIn = (vm: string) => `nic-in:${vm}`;
const nicOut = (vm: string) => `nic-out:${vm}`;
const local = (vm: string) => `local:${vm}`;
const CACHE = "cache";

export class Simulation {
  readonly kernel = new Kernel();
  readonly scheduler: VmScheduler;
  readonly store: ObjectStore;
  readonly cache: CacheTier;
  readonly stages = new Map<string, StageRt>();
  readonly edges: EdgeRt[];
  readonly violations: SimViolation[] = [];
  readonly tierBytes = { cacheWritten: 0, cacheRead: 0, networkBytes: 0, localWritten: 0, localRead: 0 };
  readonly bytesByMode: Record<TransferMode, number> = { "vm-local": 0, direct: 0, remote: 0, cache: 0 };
  readonly vmIds: string[] = [];
  private vmLocalRemoteReads = new Map<string, number>();

  constructor(private readonly setup: SimulationSetup) {
    const { dag, platform } = setup;
    this.scheduler = new VmScheduler((run) => this.kernel.at(this.kernel.nowMs, run));
    this.store = new ObjectStore(platform.objectStore, setup.storeBurst);
    this.cache = new CacheTier(platform.cache.capacityBytes);
    this.kernel.network.addResource(CACHE, platform.cache.aggregateBytesPerSecond);

    for (const id of dag.order) {
      const p = setup.placement.get(id);
      if (p === undefined) throw new InputError("Invalid plan", [{ code: "invalid_value", path: ["plan", "placement"], message: `no placement for stage ${id}`, expected: "one placement per stage" }]);
      if (!(Number.isInteger(p.instances) && p.instances >= 1 && Number.isInteger(p.vms) && p.vms >= 1)) {
        throw new InputError("Invalid plan", [{ code: "invalid_value", path: ["plan", "placement", id], message: "instances and vms must be positive integers", actual: `${p.instances} instances on ${p.vms} VMs` }]);
      }
      const incoming = dag.incoming.get(id)!;
      const outgoing = dag.outgoing.get(id)!;
      this.stages.set(id, {
        id,
        fn: dag.stageById.get(id)!.function,
        n: p.instances,
        billedMemoryMb: p.billedMemoryMb,
        incoming,
        outgoing,
        admitted: setup.admitted.has(id),
        vmIds: [],
        instances: [],
        pending: incoming.length === 0 ? [] : Array.from({ length: p.instances }, (_, j) => j),
        consumersLeft: outgoing.length,
        done: 0,
        readyMs: NaN,
        finishMs: NaN,
        overflowInstances: 0,
        overflowBytes: 0,
      });
    }
    this.edges = dag.edges.map((e, index) => {
      const shares = setup.shares[index] ?? [];
      const modes = assignReceiverModes(shares.length > 0 ? shares : [{ mode: "remote", fraction: 1 }], this.stage(e.to).n);
      const receiversByMode: Partial<Record<TransferMode, number>> = {};
      for (const m of modes) receiversByMode[m] = (receiversByMode[m] ?? 0) + 1;
      return { index, key: edgeKey(e), pattern: e.pattern, from: e.from, to: e.to, shares, modes, receiversByMode, bytesOffered: 0, bytesReadByMode: {}, written: new Map(), available: new Set() };
    });
    this.place();
    this.checkAdmission();
  }

  private stage(id: string): StageRt {
    return this.stages.get(id)!;
  }

  /** Own VMs per stage; a stage with a vm-local input shares its producer's (transitively). */
  private place(): void {
    const { dag, platform } = this.setup;
    for (const id of dag.order) {
      const s = this.stage(id);
      const localEdges = s.incoming.filter((i) => this.edges[i]!.modes.includes("vm-local"));
      if (localEdges.length > 1) {
        this.violations.push({ code: "vm-local-conflict", path: ["edges", ...localEdges.map((i) => this.edges[i]!.key)], message: `${id} has ${localEdges.length} vm-local inputs; it runs beside ${this.edges[localEdges[0]!]!.from}'s output and reads the others over the network` });
      }
      const pin = localEdges[0];
      if (pin !== undefined) {
        const host = this.stage(this.edges[pin]!.from);
        s.pinEdge = pin;
        s.hostId = host.hostId ?? host.id;
        s.vmIds = host.vmIds;
        continue;
      }
      const vms = this.setup.placement.get(id)!.vms;
      for (let k = 0; k < vms; k++) {
        const vm = `${id}/vm${k}`;
        s.vmIds.push(vm);
        this.vmIds.push(vm);
        this.scheduler.addVm({ id: vm, cores: platform.vm.cores, memoryMb: platform.vm.memoryMb });
        this.kernel.network.addResource(nicIn(vm), platform.vm.nicBytesPerSecond);
        this.kernel.network.addResource(nicOut(vm), platform.vm.nicBytesPerSecond);
        this.kernel.network.addResource(local(vm), platform.vm.localStorageBytesPerSecond);
      }
    }
  }

  private checkAdmission(): void {
    for (const e of this.edges) {
      if (e.modes.includes("cache") && !this.setup.admitted.has(e.from)) {
        this.violations.push({ code: "not-admitted", path: ["edges", e.key, "cache"], message: `${e.from}'s output is not admitted to the cache tier; its cache readers read it from the object store` });
      }
    }
  }

  run(): void {
    for (const id of this.setup.dag.order) {
      const s = this.stage(id);
      if (s.incoming.length === 0) this.kernel.at(0, () => this.receiversReady(s, Array.from({ length: s.n }, (_, j) => j)));
    }
    this.kernel.run();
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

  /** Producer instance done writing what `e`'s `mode` receivers read; when every producer instance is, they may start. */
  private markWritten(e: EdgeRt, mode: TransferMode): void {
    const count = (e.written.get(mode) ?? 0) + 1;
    e.written.set(mode, count);
    if (count < this.stage(e.from).n) return;
    e.available.add(mode);
    const c = this.stage(e.to);
    const ready: number[] = [];
    const still: number[] = [];
    for (const j of c.pending) {
      if (c.incoming.every((i) => this.edges[i]!.available.has(this.edges[i]!.modes[j]!))) ready.push(j);
      else still.push(j);
    }
    c.pending = still;
    if (ready.length > 0) this.receiversReady(c, ready);
  }

  private receiversReady(s: StageRt, indexes: readonly number[]): void {
    const now = this.kernel.nowMs;
    if (Number.isNaN(s.readyMs)) s.readyMs = now;
    const fresh: InstanceRt[] = [];
    for (const j of indexes) {
      const pieces = s.incoming.map((i) => {
        const e = this.edges[i]!;
        const outputs = this.stage(e.from).instances.map((x) => x.draw.outputBytes);
        const ps = piecesFor(e.pattern, j, outputs, s.n);
        for (const p of ps) e.bytesOffered += p.bytes;
        return ps;
      });
      const inputBytes = s.incoming.length === 0 ? this.setup.inputBytes / s.n : pieces.reduce((a, ps) => a + ps.reduce((b, p) => b + p.bytes, 0), 0);
      const stream = createStream(this.setup.seed, `${s.id}#${j}`);
      const draw = this.setup.sample(s.fn, inputBytes, stream);
      const inst: InstanceRt = { stage: s, index: j, stream, vm: "", readyMs: now, startMs: NaN, computeStartMs: NaN, computeEndMs: NaN, finishMs: NaN, inputBytes, draw, pieces, cacheResident: false, intervals: new Map() };
      s.instances[j] = inst;
      fresh.push(inst);
    }
    for (const inst of fresh) this.scheduler.request(this.eligibleVms(inst), s.billedMemoryMb, (vm) => this.started(inst, vm));
  }

  private eligibleVms(inst: InstanceRt): readonly string[] {
    const s = inst.stage;
    if (s.pinEdge === undefined) return s.vmIds;
    const e = this.edges[s.pinEdge]!;
    if (e.modes[inst.index] !== "vm-local") return s.vmIds;
    const producer = this.stage(e.from);
    const sender = e.pattern === "one-to-one" ? Math.min(inst.index, producer.n - 1) : e.pattern === "scatter" ? senderOfScatter(inst.index, producer.n, s.n) : 0;
    return [producer.instances[sender]!.vm];
  }

  private started(inst: InstanceRt, vm: string): void {
    inst.vm = vm;
    inst.startMs = this.kernel.nowMs;
    const { platform } = this.setup;
    const store = platform.objectStore;
    const p = store.connectionsPerInstance;
    const groups: WriteGroup[] = [];
    const s = inst.stage;
    if (s.incoming.length === 0) {
      groups.push({ reqs: [this.storeGet(vm, "input", undefined, "input", inst.inputBytes, false)], parallel: p });
    }
    s.incoming.forEach((ei, k) => {
      const e = this.edges[ei]!;
      const producer = this.stage(e.from);
      const mode = e.modes[inst.index]!;
      const pieces = inst.pieces[k]!;
      if (mode === "remote") {
        groups.push({ reqs: pieces.map((pc) => this.storeGet(vm, e.key, ei, "remote", pc.bytes, false)), parallel: p });
      } else if (mode === "cache") {
        const reqs = pieces.map((pc): Req =>
          producer.instances[pc.sender]!.cacheResident
            ? { edge: e.key, edgeIndex: ei, kind: "cache", direction: "read", fallback: false, tier: "cache", bytes: pc.bytes, capBps: platform.cache.connectionBytesPerSecond, resources: [nicIn(vm), CACHE], latencyMs: platform.cache.latencyMs }
            : this.storeGet(vm, e.key, ei, "remote", pc.bytes, true),
        );
        groups.push({ reqs, parallel: p });
      } else {
        // direct and vm-local: what sits on this VM is read locally; the rest is one pull that
        // draws on every sender VM's NIC in proportion to the bytes it holds.
        const byVm = new Map<string, number>();
        for (const pc of pieces) {
          const sv = producer.instances[pc.sender]!.vm;
          byVm.set(sv, (byVm.get(sv) ?? 0) + pc.bytes);
        }
        const reqs: Req[] = [];
        const here = byVm.get(vm);
        if (here !== undefined) {
          byVm.delete(vm);
          reqs.push({ edge: e.key, edgeIndex: ei, kind: mode, direction: "read", fallback: false, tier: "local", bytes: here, capBps: Infinity, resources: [local(vm)], latencyMs: 0 });
        }
        if (byVm.size > 0) {
          if (mode === "vm-local") this.vmLocalRemoteReads.set(s.id, (this.vmLocalRemoteReads.get(s.id) ?? 0) + byVm.size);
          let total = 0;
          for (const b of byVm.values()) total += b;
          const senders = [...byVm.keys()];
          reqs.push({
            edge: e.key,
            edgeIndex: ei,
            kind: "direct",
            direction: "read",
            fallback: mode === "vm-local",
            tier: "network",
            bytes: total,
            capBps: Infinity,
            resources: [nicIn(vm), ...senders.map(nicOut)],
            weights: [1, ...senders.map((sv) => (total > 0 ? byVm.get(sv)! / total : 1))],
            latencyMs: platform.vm.networkLatencyMs,
          });
        }
        groups.push({ reqs, parallel: reqs.length });
      }
    });
    this.all(inst, groups, () => {
      inst.computeStartMs = this.kernel.nowMs;
      this.kernel.after(inst.draw.runtimeMs, () => {
        inst.computeEndMs = this.kernel.nowMs;
        this.writeOutputs(inst);
      });
    });
  }

  private writeOutputs(inst: InstanceRt): void {
    const { platform } = this.setup;
    const p = platform.objectStore.connectionsPerInstance;
    const s = inst.stage;
    const vm = inst.vm;
    const out = inst.draw.outputBytes;
    const groups: WriteGroup[] = [];
    const servedBy = (e: EdgeRt, mode: TransferMode): [EdgeRt, TransferMode][] => (e.modes.includes(mode) ? [[e, mode]] : []);
    const outgoing = s.outgoing.map((i) => this.edges[i]!);
    if (outgoing.length === 0) groups.push({ reqs: [this.storePut(vm, "output", "output", out, false)], parallel: p, serves: [] });

    const localEdges = outgoing.filter((e) => e.modes.some((m) => m === "direct" || m === "vm-local"));
    if (localEdges.length > 0) {
      const kind: TransferKind = localEdges.some((e) => e.modes.includes("vm-local")) ? "vm-local" : "direct";
      groups.push({
        reqs: [{ edge: localEdges.map((e) => e.key).join(", "), kind, direction: "write", fallback: false, tier: "local", bytes: out, capBps: Infinity, resources: [local(vm)], latencyMs: 0 }],
        parallel: 1,
        serves: localEdges.flatMap((e) => [...servedBy(e, "direct"), ...servedBy(e, "vm-local")]),
      });
    }
    const immediate: [EdgeRt, TransferMode][] = [];
    for (const e of outgoing) {
      if (!e.modes.includes("remote")) continue;
      const puts = this.remotePuts(e, inst.index, s.n, out);
      if (puts.length > 0) groups.push({ reqs: puts.map((bytes) => this.storePut(vm, e.key, "remote", bytes, false)), parallel: p, serves: [[e, "remote"]] });
      else immediate.push([e, "remote"]);
    }
    const cacheServed = outgoing.flatMap((e) => servedBy(e, "cache"));
    if (s.admitted) {
      if (this.cache.reserve(s.id, out, this.kernel.nowMs)) {
        inst.cacheResident = true;
        groups.push({ reqs: [{ edge: "admission", kind: "cache", direction: "write", fallback: false, tier: "cache", bytes: out, capBps: platform.cache.connectionBytesPerSecond, resources: [nicOut(vm), CACHE], latencyMs: platform.cache.latencyMs }], parallel: 1, serves: cacheServed });
      } else {
        s.overflowInstances++;
        s.overflowBytes += out;
        groups.push({ reqs: [this.storePut(vm, "admission", "remote", out, true)], parallel: p, serves: cacheServed });
      }
    } else if (cacheServed.length > 0) {
      groups.push({ reqs: [this.storePut(vm, "admission", "remote", out, true)], parallel: p, serves: cacheServed });
    }
    for (const [e, m] of immediate) this.markWritten(e, m);
    this.all(inst, groups, () => this.finished(inst));
  }

  /** Bytes of each PUT sender i makes for an edge's remote receivers: only the partitions they read. */
  private remotePuts(e: EdgeRt, i: number, senders: number, out: number): number[] {
    const receivers = e.modes.length;
    const remote = (j: number) => e.modes[j] === "remote";
    switch (e.pattern) {
      case "one-to-one":
        return remote(i) ? [out] : [];
      case "scatter": {
        const mine: number[] = [];
        for (let j = 0; j < receivers; j++) if (senderOfScatter(j, senders, receivers) === i) mine.push(j);
        return mine.filter(remote).map(() => out / mine.length);
      }
      case "shuffle": {
        const count = e.modes.filter((m) => m === "remote").length;
        return count > 0 ? [(out * count) / receivers] : [];
      }
      case "broadcast":
      case "gather":
        return e.modes.includes("remote") ? [out] : [];
    }
  }

  private finished(inst: InstanceRt): void {
    const now = this.kernel.nowMs;
    inst.finishMs = now;
    const s = inst.stage;
    this.scheduler.release(inst.vm, s.billedMemoryMb);
    s.done++;
    if (s.done < s.n) return;
    s.finishMs = now;
    if (s.admitted && s.outgoing.length === 0) this.cache.release(s.id, now);
    for (const i of s.incoming) {
      const u = this.stage(this.edges[i]!.from);
      u.consumersLeft--;
      if (u.consumersLeft === 0 && u.admitted) this.cache.release(u.id, now);
    }
  }

  private storeGet(vm: string, edge: string, edgeIndex: number | undefined, kind: TransferKind, bytes: number, fallback: boolean): Req {
    const o = this.setup.platform.objectStore;
    const req: Req = { edge, kind, direction: "read", fallback, tier: "store", bytes, capBps: o.connectionBytesPerSecond, resources: [nicIn(vm)], latencyMs: o.getLatencyMs, limiter: this.store.reads };
    return edgeIndex === undefined ? req : { ...req, edgeIndex };
  }

  private storePut(vm: string, edge: string, kind: TransferKind, bytes: number, fallback: boolean): Req {
    const o = this.setup.platform.objectStore;
    return { edge, kind, direction: "write", fallback, tier: "store", bytes, capBps: o.connectionBytesPerSecond, resources: [nicOut(vm)], latencyMs: o.putLatencyMs, limiter: this.store.writes };
  }

  /** Runs request groups at once (each with its own parallelism), marks what each group wrote, then `done`. */
  private all(inst: InstanceRt, groups: readonly WriteGroup[], done: () => void): void {
    let left = groups.length;
    if (left === 0) {
      done();
      return;
    }
    for (const g of groups) {
      this.runRequests(inst, g.reqs, Math.max(1, g.parallel), () => {
        for (const [e, m] of g.serves ?? []) this.markWritten(e, m);
        if (--left === 0) done();
      });
    }
  }

  private runRequests(inst: InstanceRt, reqs: readonly Req[], parallel: number, done: () => void): void {
    if (reqs.length === 0) {
      done();
      return;
    }
    let next = 0;
    let active = 0;
    let finished = 0;
    const launch = (): void => {
      while (active < parallel && next < reqs.length) {
        const r = reqs[next++]!;
        active++;
        this.issue(inst, r, () => {
          active--;
          if (++finished === reqs.length) done();
          else launch();
        });
      }
    };
    launch();
  }

  private issue(inst: InstanceRt, r: Req, done: () => void): void {
    const k = this.kernel;
    const issuedMs = k.nowMs;
    const grantMs = r.limiter === undefined ? issuedMs : r.limiter.reserve(issuedMs);
    if (r.tier === "store") {
      if (r.direction === "read") this.store.gets++;
      else this.store.puts++;
    }
    const latencyMs = r.latencyMs > 0 ? r.latencyMs * lognormalFactor(inst.stream, this.setup.latencyCv) : 0;
    const go = () =>
      k.transfer(
        r.bytes,
        r.capBps,
        r.resources,
        () => {
          this.account(inst, r, issuedMs);
          done();
        },
        r.weights,
      );
    if (grantMs + latencyMs > issuedMs) k.at(grantMs + latencyMs, go);
    else go();
  }

  private account(inst: InstanceRt, r: Req, issuedMs: number): void {
    const t = this.tierBytes;
    const b = r.bytes;
    switch (r.tier) {
      case "store":
        if (r.direction === "read") this.store.bytesRead += b;
        else this.store.bytesWritten += b;
        break;
      case "cache":
        if (r.direction === "read") t.cacheRead += b;
        else t.cacheWritten += b;
        break;
      case "network":
        t.networkBytes += b;
        break;
      case "local":
        if (r.direction === "read") t.localRead += b;
        else t.localWritten += b;
        break;
    }
    if (r.edgeIndex !== undefined && r.direction === "read") {
      const e = this.edges[r.edgeIndex]!;
      const mode = r.kind as TransferMode;
      e.bytesReadByMode[mode] = (e.bytesReadByMode[mode] ?? 0) + b;
      this.bytesByMode[mode] += b;
    }
    const key = `${r.edge}|${r.kind}|${r.direction}|${r.fallback}`;
    const iv = inst.intervals.get(key);
    const now = this.kernel.nowMs;
    if (iv === undefined) inst.intervals.set(key, { edge: r.edge, kind: r.kind, direction: r.direction, fallback: r.fallback, startMs: issuedMs, endMs: now, bytes: b, requests: 1 });
    else {
      iv.startMs = Math.min(iv.startMs, issuedMs);
      iv.endMs = Math.max(iv.endMs, now);
      iv.bytes += b;
      iv.requests++;
    }
  }
}

export function intervalsOf(inst: InstanceRt): TransferInterval[] {
  return [...inst.intervals.values()]
    .map((iv): TransferInterval => {
      const base = { edge: iv.edge, kind: iv.kind, direction: iv.direction, startMs: iv.startMs, endMs: iv.endMs, bytes: iv.bytes, requests: iv.requests };
      return iv.fallback ? { ...base, fallback: true } : base;
    })
    .sort((a, b) => a.startMs - b.startMs || a.edge.localeCompare(b.edge) || TRANSFER_MODES.indexOf(a.kind as TransferMode) - TRANSFER_MODES.indexOf(b.kind as TransferMode));
}
