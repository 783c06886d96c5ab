/**
 * The life of a stage instance, and of its stage: receivers become ready (their pieces and drawn
 * runtime, memory and output fixed); the stage leases its VMs from the pool (once, all together;
 * a stage beside its producer's output uses its host's); after the orchestration step each
 * receiver waits for a slot, starts (warm, or cold with the platform's cold fraction), reads,
 * computes, writes, releases the slot. A stage finishes with its last instance and gives its
 * lease back when every stage hosted on its VMs has finished too; a producer's cache-resident
 * output is released when its last cache-reading consumer stage has finished (at once if none,
 * a sink's when it has). See simulation.ts for the rules.
 */
import type { TransferMode } from "../model/types.js";
import { eligibleVms } from "./place-instances.js";
import { createStream } from "./random.js";
import { readGroups } from "./read-inputs.js";
import { piecesFor } from "./receivers.js";
import { runGroups } from "./run-requests.js";
import { stageOf, type EdgeRt, type InstanceRt, type SimState, type StageRt } from "./sim-state.js";
import { writeGroups } from "./write-outputs.js";
import { drawStartupMs } from "../physics/invocation.js";

/** Receivers `indexes` of `s` may start: draws each and asks for its slot. */
export function receiversReady(sim: SimState, s: StageRt, indexes: readonly number[]): void {
  const now = sim.kernel.nowMs;
  if (Number.isNaN(s.readyMs)) s.readyMs = now;
  const fresh: InstanceRt[] = [];
  // every producer has finished: its outputs are read once per batch, not once per receiver
  const outputsByEdge = s.incoming.map((i) => stageOf(sim, sim.edges[i]!.from).instances.map((x) => x.draw.outputBytes));
  for (const j of indexes) {
    const pieces = s.incoming.map((i, k) => {
      const e = sim.edges[i]!;
      const ps = piecesFor(e.pattern, j, outputsByEdge[k]!, s.n);
      for (const p of ps) e.bytesOffered += p.bytes;
      return ps;
    });
    const inputBytes = s.incoming.length === 0 ? (sim.setup.inputBytes * (sim.setup.dag.stageById.get(s.id)!.inputFraction ?? 1)) / s.n : pieces.reduce((a, ps) => a + ps.reduce((b, p) => b + p.bytes, 0), 0);
    const stream = createStream(sim.setup.seed, `${s.id}#${j}`);
    const inv = sim.setup.platform.invocation;
    const cold = createStream(sim.setup.seed, `${s.id}#${j}/start`).uniform() < inv.coldFraction;
    const stage = sim.setup.dag.stageById.get(s.id)!;
    const draw = sim.setup.sample(s.fn, inputBytes, stream, { ...(stage.memoryMb === undefined ? {} : { memoryMb: stage.memoryMb }), ...(stage.repeat === undefined ? {} : { runs: stage.repeat }), cold });
    const inst: InstanceRt = { stage: s, index: j, stream, vm: "", readyMs: now, startMs: NaN, computeStartMs: NaN, computeEndMs: NaN, finishMs: NaN, inputBytes, draw, pieces, cacheResident: false, intervals: new Map() };
    s.instances[j] = inst;
    fresh.push(inst);
  }
  if (s.hostId !== undefined || s.lease === "granted") {
    askSlots(sim, fresh);
    return;
  }
  s.awaitingLease.push(...fresh);
  if (s.lease === "none") {
    s.lease = "asked";
    // asked on the agenda: a producer finishing at this instant gives its VMs back first
    sim.kernel.at(sim.kernel.nowMs, () =>
      sim.pool.lease(s.id, s.vmIds.length, () => {
        s.lease = "granted";
        const waiting = s.awaitingLease;
        s.awaitingLease = [];
        askSlots(sim, waiting);
      }),
    );
  }
}

/**
 * After the orchestration step, each instance asks for a slot. One that had to wait for a slot to
 * be freed starts the platform's pickup later (the job engine's completion and fetch of the next
 * job on that slot); one granted at once had its pickup within the step.
 */
function askSlots(sim: SimState, insts: readonly InstanceRt[]): void {
  if (insts.length === 0) return;
  const { stepMs, pickupMs } = sim.setup.platform.invocation;
  sim.kernel.after(stepMs, () => {
    const askedMs = sim.kernel.nowMs;
    for (const inst of insts) {
      sim.scheduler.request(eligibleVms(sim, inst), inst.stage.billedMemoryMb, (vm) => {
        if (pickupMs > 0 && sim.kernel.nowMs > askedMs) sim.kernel.after(pickupMs, () => started(sim, inst, vm));
        else started(sim, inst, vm);
      });
    }
  });
}

/** Producer instance done writing what `e`'s `mode` receivers read; when every producer instance is, they may start. */
function markWritten(sim: SimState, e: EdgeRt, mode: TransferMode): void {
  const count = (e.written.get(mode) ?? 0) + 1;
  e.written.set(mode, count);
  if (count < stageOf(sim, e.from).n) return;
  e.available.add(mode);
  const c = stageOf(sim, e.to);
  const ready: number[] = [];
  const still: number[] = [];
  for (const j of c.pending) {
    if (c.incoming.every((i) => sim.edges[i]!.available.has(sim.edges[i]!.modes[j]!))) ready.push(j);
    else still.push(j);
  }
  c.pending = still;
  if (ready.length > 0) receiversReady(sim, c, ready);
}

function started(sim: SimState, inst: InstanceRt, vm: string): void {
  inst.vm = vm;
  inst.startMs = sim.kernel.nowMs;
  // a cold instance pays the platform's cold start, unless its runtime came from a traced cold-start profile
  const inv = sim.setup.platform.invocation;
  const coldMs = inst.draw.coldProfile === true ? 0 : drawStartupMs({ warmMs: 0, coldMs: inv.coldStartMs, coldFraction: inv.coldFraction }, createStream(sim.setup.seed, `${inst.stage.id}#${inst.index}/start`).uniform());
  if (coldMs > 0) sim.kernel.after(coldMs, () => readAndCompute(sim, inst, vm));
  else readAndCompute(sim, inst, vm);
}

function readAndCompute(sim: SimState, inst: InstanceRt, vm: string): void {
  const groups = readGroups(sim, inst, vm);
  runGroups(sim, inst, groups, (e, m) => markWritten(sim, e, m), () => {
    inst.computeStartMs = sim.kernel.nowMs;
    sim.kernel.after(inst.draw.runtimeMs, () => {
      inst.computeEndMs = sim.kernel.nowMs;
      writeOutputs(sim, inst);
    });
  });
}

function writeOutputs(sim: SimState, inst: InstanceRt): void {
  const { groups, immediate } = writeGroups(sim, inst);
  for (const [e, m] of immediate) markWritten(sim, e, m);
  runGroups(sim, inst, groups, (e, m) => markWritten(sim, e, m), () => finished(sim, inst));
}

function finished(sim: SimState, inst: InstanceRt): void {
  const now = sim.kernel.nowMs;
  inst.finishMs = now;
  const s = inst.stage;
  sim.scheduler.release(inst.vm, s.billedMemoryMb);
  s.done++;
  if (s.done < s.n) return;
  s.finishMs = now;
  if (s.admitted && s.cacheReadersLeft === 0) sim.cache.release(s.id, now);
  for (const i of s.incoming) {
    const e = sim.edges[i]!;
    const u = stageOf(sim, e.from);
    if (e.modes.includes("cache")) {
      u.cacheReadersLeft--;
      if (u.cacheReadersLeft === 0 && u.admitted && u.done === u.n) sim.cache.release(u.id, now);
    }
  }
  if (s.hostId === undefined) {
    if (s.hostedLeft === 0) sim.pool.release(s.id);
  } else {
    const host = stageOf(sim, s.hostId);
    host.hostedLeft--;
    if (host.hostedLeft === 0 && host.done === host.n) sim.pool.release(host.id);
  }
}
