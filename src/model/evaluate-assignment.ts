/**
 * The cost model's verdict on one assignment: timings, makespan, cost breakdown and violations.
 * Pure; the referee for every solver and the engine behind `evaluate()`.
 *
 *   transfer(e) = max(max over shares (m, f) of time_m(f), sender NIC lines over the shares)   (edge-time.ts)
 *   finish(v)   = max(lease(v) + max_e read(e), max_e [finish(u) + transfer(e)]) + baseMs(v), where
 *                 lease(v) is when the VM pool has v's VMs free once every input is written,
 *                 max_e [finish(u) + write(e)] (pool-schedule.ts; roots: from 0)
 *   makespan    = max over stages of finish(v)
 *   cost        = Σ stage compute + Σ edge costs (fixed + perFraction · f per share)
 *                 + Σ admitted u [admission write + storage price · (last cache reader's finish − finish(u))]
 *                 + [node-priced tier, anything admitted] nodes · price per started hour of the run
 *                 + [VM-pool billing] max(reserved VMs, peak VMs leased at once) · billed time of the run
 *                 (physics/vm-billing.ts; the reservation is the Problem's vmPool)
 *   cache held  = the peak over time of the admitted outputs resident at once, each from finish(u)
 *                 until its last cache reader finishes (physics/cache-residency.ts) — at most the capacity
 */
import { edgeKey } from "../dag/types.js";
import { edgePhasesMs, edgeTransferMs } from "./edge-time.js";
import { schedulePool } from "./pool-schedule.js";
import { peakResidentBytes, cacheNodesUsd, type Residency } from "../physics/cache-residency.js";
import { billedVmSeconds, vmPoolUsd } from "../physics/vm-billing.js";
import { mayHostWhenBeside } from "./vm-local-chain.js";
import type { Assignment, EdgeTiming, Evaluation, ModeOption, Problem, StageTiming, Violation } from "./types.js";

const FRACTION_TOLERANCE = 1e-6;

export function evaluateAssignment(problem: Problem, assignment: Assignment): Evaluation {
  const { dag } = problem;
  const violations: Violation[] = [];
  let computeUsd = 0;
  let objectStoreUsd = 0;
  let cacheUsd = 0;
  const transferMs: number[] = new Array(dag.edges.length).fill(0);
  const writeMs: number[] = new Array(dag.edges.length).fill(0);
  const readMs: number[] = new Array(dag.edges.length).fill(0);
  const firstWriteMs: number[] = new Array(dag.edges.length).fill(0);
  const edgeTimings: EdgeTiming[] = [];
  const colocatedWith = new Map<string, string>();
  const localWaves = new Map<string, number>();

  dag.edges.forEach((edge, i) => {
    const cands = problem.edges[i]!;
    const shares = assignment.edges[i] ?? [];
    const key = edgeKey(edge);
    let sum = 0;
    let usd = 0;
    const served: [ModeOption, number][] = [];
    if (shares.length === 0) violations.push({ code: "bad-split", path: ["edges", key], message: "no mode chosen" });
    for (const share of shares) {
      sum += share.fraction;
      if (!(share.fraction > 0 && share.fraction <= 1 + FRACTION_TOLERANCE)) {
        violations.push({ code: "bad-split", path: ["edges", key, share.mode], message: `fraction must be in (0, 1], got ${share.fraction}` });
        continue;
      }
      const option: ModeOption | undefined = cands.options.find((o) => o.mode === share.mode);
      if (option === undefined) {
        const rej = cands.rejected.find((r) => r.mode === share.mode);
        violations.push({ code: rej?.reason.startsWith("not offered") || rej?.reason.startsWith("excluded") ? "mode-unavailable" : "mode-infeasible", path: ["edges", key, share.mode], message: rej?.reason ?? "unknown mode" });
        continue;
      }
      if (!option.splittable && shares.length > 1) violations.push({ code: "bad-split", path: ["edges", key, share.mode], message: `${share.mode} cannot serve part of an edge` });
      if (option.requiresAdmission && !assignment.admitted.has(edge.from)) violations.push({ code: "not-admitted", path: ["edges", key, share.mode], message: `cache mode needs ${edge.from}'s output admitted to the cache tier` });
      if (share.mode === "vm-local") {
        const prev = colocatedWith.get(edge.to);
        if (prev !== undefined) violations.push({ code: "vm-local-conflict", path: ["edges", key], message: `${edge.to} already runs beside ${prev}'s output; it cannot also run beside ${edge.from}'s` });
        else {
          colocatedWith.set(edge.to, edge.from);
          if (option !== undefined) localWaves.set(edge.to, Math.max(option.terms.localWaves ?? 1, problem.stages.get(edge.to)!.waves));
        }
      }
      served.push([option, share.fraction]);
      const f = share.fraction;
      usd += option.fixedUsd + option.perFractionUsd * f;
      computeUsd += option.costParts.computeUsd.fixedUsd + option.costParts.computeUsd.perFractionUsd * f;
      objectStoreUsd += option.costParts.objectStoreUsd.fixedUsd + option.costParts.objectStoreUsd.perFractionUsd * f;
      cacheUsd += option.costParts.cacheUsd.fixedUsd + option.costParts.cacheUsd.perFractionUsd * f;
    }
    if (shares.length > 0 && Math.abs(sum - 1) > FRACTION_TOLERANCE) violations.push({ code: "bad-split", path: ["edges", key], message: `fractions must sum to 1, got ${sum}` });
    const t = edgeTransferMs(served, cands.nicOffsetsMs);
    transferMs[i] = t;
    const phases = edgePhasesMs(served);
    writeMs[i] = phases.writeMs;
    readMs[i] = phases.readMs;
    firstWriteMs[i] = phases.firstWriteMs;
    edgeTimings.push({ from: edge.from, to: edge.to, shares, transferMs: t, costUsd: usd });
  });

  // A stage that runs beside its producer's output cannot host a vm-local consumer in turn unless
  // its own placement has as many VMs as its producer's (vm-local-chain.ts).
  const hostEdge = new Map<string, number>();
  dag.edges.forEach((edge, i) => {
    if (colocatedWith.get(edge.to) === edge.from) hostEdge.set(edge.to, i);
  });
  dag.edges.forEach((edge, i) => {
    const host = hostEdge.get(edge.from);
    if (colocatedWith.get(edge.to) === edge.from && host !== undefined && !mayHostWhenBeside(problem, host)) {
      violations.push({ code: "vm-local-chain", path: ["edges", edgeKey(edge)], message: `${edge.from} already runs beside ${colocatedWith.get(edge.from)}'s output; ${edge.to} cannot run beside ${edge.from}'s in turn (no vm-local chains)` });
    }
  });

  const schedule = schedulePool({
    dag,
    poolSize: problem.platform.vm.poolSize,
    baseMs: (id) => problem.stages.get(id)!.baseMs,
    transferMs,
    writeMs,
    readMs,
    firstWriteMs,
    demand: (id) => (colocatedWith.has(id) ? 0 : problem.stages.get(id)!.vms),
    hostOf: (id) => colocatedWith.get(id),
  });
  // A hold-and-wait on the pool: the real pool would never run this plan (the simulator lends the
  // same VMs and reports the same code); only the lending keeps both engines' figures finite.
  for (const id of schedule.overdrawn) {
    violations.push({ code: "pool-overdrawn", path: ["stages", id], message: `${id} waits for VMs held by stages waiting on it (a hold-and-wait on the pool of ${problem.platform.vm.poolSize} VMs); the plan cannot run on that pool` });
  }
  const finish = schedule.finishMs;
  const start = schedule.startMs;
  for (const id of dag.order) {
    const terms = problem.stages.get(id)!;
    computeUsd += terms.computeUsd;
    objectStoreUsd += terms.ioUsd;
  }
  const makespanMs = schedule.makespanMs;
  const vm = problem.platform.vm;
  const billedVms = Math.max(problem.vmPool?.vms ?? 0, schedule.peakVms);
  if (problem.platform.billing.compute === "vm-pool") computeUsd += vmPoolUsd(billedVms, makespanMs, vm.priceUsdPerHour, vm.billing, vm.minimumBilledSeconds);

  const residencies: Residency[] = [];
  for (const id of [...assignment.admitted].sort()) {
    const terms = problem.stages.get(id);
    if (terms === undefined) {
      violations.push({ code: "not-admitted", path: ["admitted", id], message: "no such stage" });
      continue;
    }
    let lastUseMs = finish.get(id)!;
    for (const i of dag.outgoing.get(id)!) {
      if ((assignment.edges[i] ?? []).some((s) => s.mode === "cache")) lastUseMs = Math.max(lastUseMs, finish.get(dag.edges[i]!.to)!);
    }
    residencies.push({ startMs: finish.get(id)!, endMs: lastUseMs, bytes: terms.cacheBytes });
    cacheUsd += terms.admissionFixedUsd + terms.admissionUsdPerMs * (lastUseMs - finish.get(id)!);
  }
  const cache = problem.platform.cache;
  if (cache.pricing === "nodes" && residencies.length > 0) cacheUsd += cacheNodesUsd(cache.nodes, cache.priceUsdPerNodeHour, billedVmSeconds(makespanMs, "per-hour", 0) * 1000);
  const cacheBytes = peakResidentBytes(residencies);
  if (cacheBytes > problem.cacheCapacityBytes * (1 + 1e-9)) {
    violations.push({ code: "cache-capacity", path: ["admitted"], message: `admitted outputs hold ${cacheBytes.toFixed(0)} B at their peak; the cache tier holds ${problem.cacheCapacityBytes} B` });
  }
  const totalUsd = computeUsd + objectStoreUsd + cacheUsd;
  if (totalUsd > problem.budgetUsd * (1 + 1e-9)) violations.push({ code: "budget", path: ["budgetUsd"], message: `cost $${totalUsd.toPrecision(4)} exceeds the budget $${problem.budgetUsd}` });
  if (makespanMs > problem.deadlineMs * (1 + 1e-9)) violations.push({ code: "deadline", path: ["deadlineMs"], message: `makespan ${makespanMs.toFixed(1)} ms exceeds the deadline ${problem.deadlineMs} ms` });

  const stages: StageTiming[] = dag.order.map((id) => {
    const terms = problem.stages.get(id)!;
    const host = colocatedWith.get(id);
    const queued = schedule.queuedMs.get(id) ?? 0;
    const timing: StageTiming = { stageId: id, startMs: start.get(id)!, finishMs: finish.get(id)!, waves: localWaves.get(id) ?? terms.waves, vms: host === undefined ? terms.vms : problem.stages.get(host)!.vms, ...(queued > 0 ? { queuedMs: queued } : {}) };
    return host === undefined ? timing : { ...timing, colocatedWith: host };
  });
  return {
    makespanMs,
    costUsd: totalUsd,
    cost: { computeUsd, objectStoreUsd, cacheUsd, totalUsd },
    feasible: violations.length === 0,
    violations,
    stages,
    edges: edgeTimings,
    cacheBytes,
    peakVms: schedule.peakVms,
    billedVms,
  };
}
