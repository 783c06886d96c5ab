/**
 * Assembles the Problem a solver is handed: validated DAG, estimates, platform, per-stage terms,
 * per-edge candidates, objective and limits. The one place that shows everything that can
 * influence a plan.
 */
import type { Dag } from "../dag/types.js";
import type { Estimates } from "../estimate/estimate-stages.js";
import { show, sluiceError } from "../errors.js";
import { TRANSFER_MODES, type Platform, type TransferMode } from "../platform/schema.js";
import { buildCandidates } from "./build-candidates.js";
import { buildStageTerms } from "./stage-terms.js";
import type { EdgeCandidates, Objective, Problem, StageTerms } from "./types.js";
import { schedulePool } from "./pool-schedule.js";
import { pieceTimeMs } from "./modes/mode-module.js";
import { vmPoolLine } from "../physics/vm-billing.js";

export interface ProblemLimits {
  readonly objective?: Objective;
  readonly budgetUsd?: number;
  readonly deadlineMs?: number;
  readonly modes?: readonly TransferMode[];
  readonly allowSplits?: boolean;
}

function checkLimit(value: number | undefined, field: string): number {
  if (value === undefined) return Infinity;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw sluiceError("option.badValue", { path: ["options", field], expected: "a number > 0", actual: show(value) });
  }
  return value;
}

export function buildProblem(dag: Dag, estimates: Estimates, platform: Platform, limits: ProblemLimits = {}): Problem {
  const modes = limits.modes ?? TRANSFER_MODES;
  const unknown = modes.filter((m) => !(TRANSFER_MODES as readonly string[]).includes(m));
  if (unknown.length > 0 || modes.length === 0) {
    throw sluiceError("option.modesUnknownOrEmpty", { path: ["options", "modes"], expected: `a non-empty subset of ${TRANSFER_MODES.join(", ")}`, actual: JSON.stringify(modes) });
  }
  const stages = buildStageTerms(dag, estimates.stages, platform);
  const edges = buildCandidates(dag, estimates, stages, platform, modes);
  const vmPool = platform.billing.compute === "vm-pool" ? vmPoolHint(dag, stages, edges, platform) : undefined;
  return {
    dag,
    estimates,
    platform,
    edges,
    stages,
    objective: limits.objective ?? "latency",
    budgetUsd: checkLimit(limits.budgetUsd, "budgetUsd"),
    deadlineMs: checkLimit(limits.deadlineMs, "deadlineMs"),
    allowSplits: limits.allowSplits ?? true,
    cacheCapacityBytes: platform.cache.capacityBytes,
    ...(vmPool === undefined ? {} : { vmPool }),
  };
}

/** The pool a plan of each edge's fastest whole mode leases at its peak, as a billing line. */
function vmPoolHint(dag: Dag, stages: ReadonlyMap<string, StageTerms>, edges: readonly EdgeCandidates[], platform: Platform): NonNullable<Problem["vmPool"]> {
  const schedule = schedulePool({
    dag,
    poolSize: platform.vm.poolSize,
    baseMs: (id) => stages.get(id)!.baseMs,
    transferMs: edges.map((c) => Math.min(...c.options.map((o) => pieceTimeMs(o.timePieces, 1)))),
    writeMs: edges.map(() => 0),
    readMs: edges.map(() => 0),
    demand: (id) => stages.get(id)!.vms,
    hostOf: () => undefined,
  });
  const vm = platform.vm;
  return { vms: schedule.peakVms, ...vmPoolLine(schedule.peakVms, vm.priceUsdPerHour, vm.billing, vm.minimumBilledSeconds) };
}
