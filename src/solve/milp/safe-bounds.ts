/**
 * Safe bounds a MILP over a Problem needs: the horizon (an upper bound on any stage's finish
 * time, the big-M of the residency constraints) and a cost ceiling (an upper bound on any plan's
 * cost, used to scale costs to O(1) coefficients).
 *
 *   slowestMs(e) = max over options, f ∈ {0, 1} of time(f)   (time is convex in f: the max sits at an end)
 *   horizonMs    = longest path with every edge at slowestMs and every stage at baseMs, a stage with
 *                  several inputs adding its slowest read (it may read one input after another's write)
 *   fastestMs(e) = min over options of max over pieces of min(fixedMs, fixedMs + perFractionMs)
 *                  (each piece is at least its smaller end on [0, 1], so the time is at least that)
 *   earliest lower bound of a stage's finish = longest path to it with every edge at fastestMs
 *   ceilingUsd   = Σ stage compute + io + Σ edges Σ options (fixedUsd⁺ + perFractionUsd⁺)
 *                  + Σ stages (admissionFixedUsd + admissionUsdPerMs · horizonMs)
 *                  + [VM-pool billing] vmPool.usdPerMs · max(minimumMs, horizonMs)
 */
import { pieceTimeMs } from "../../model/modes/mode-module.js";
import type { EdgeCandidates, Problem } from "../../model/types.js";

export function computeSlowestEdgeMs(candidates: EdgeCandidates): number {
  let slowest = 0;
  const nicMs: number[] = [...candidates.nicOffsetsMs];
  for (const option of candidates.options) {
    for (const pieces of [option.timePieces, option.besideDirect ?? []]) slowest = Math.max(slowest, pieceTimeMs(pieces, 0), pieceTimeMs(pieces, 1));
    option.senderNic.forEach((line, j) => {
      nicMs[j] = (nicMs[j] ?? 0) + line.fixedMs + Math.max(0, line.perFractionMs);
    });
  }
  return Math.max(slowest, ...nicMs);
}

/** A lower bound on the edge's transfer time under any shares. */
export function computeFastestEdgeMs(candidates: EdgeCandidates): number {
  let fastest = Infinity;
  for (const option of candidates.options) {
    let t = 0;
    for (const p of option.timePieces) t = Math.max(t, Math.min(p.fixedMs, p.fixedMs + p.perFractionMs));
    fastest = Math.min(fastest, t);
  }
  return Number.isFinite(fastest) ? fastest : 0;
}

/** Longest-path finish times with each edge at `edgeMs` (plus, when given, a multi-input stage's slowest read). */
function computeLongestFinishMs(problem: Problem, edgeMs: (candidates: EdgeCandidates) => number, readMs?: (candidates: EdgeCandidates) => number): Map<string, number> {
  const { dag } = problem;
  const finish = new Map<string, number>();
  for (const id of dag.order) {
    let ready = 0;
    let read = 0;
    const inputs = dag.incoming.get(id)!;
    for (const i of inputs) {
      ready = Math.max(ready, finish.get(dag.edges[i]!.from)! + edgeMs(problem.edges[i]!));
      if (readMs !== undefined && inputs.length > 1) read = Math.max(read, readMs(problem.edges[i]!));
    }
    finish.set(id, ready + read + problem.stages.get(id)!.baseMs);
  }
  return finish;
}

/** The slowest read phase any option of the edge can take. */
function computeSlowestReadMs(candidates: EdgeCandidates): number {
  let slowest = 0;
  for (const o of candidates.options) slowest = Math.max(slowest, pieceTimeMs(o.readPieces, 0), pieceTimeMs(o.readPieces, 1));
  return slowest;
}

export function computeHorizonMs(problem: Problem): number {
  return Math.max(0, ...computeLongestFinishMs(problem, computeSlowestEdgeMs, computeSlowestReadMs).values());
}

/** Per stage, a finish time no plan can beat. */
export function computeEarliestFinishBoundMs(problem: Problem): Map<string, number> {
  return computeLongestFinishMs(problem, computeFastestEdgeMs);
}

/** Stage compute and io costs, and (VM-pool billing) the reserved pool's minimum bill: what every plan pays whatever its decisions. */
export function computeConstantUsd(problem: Problem): number {
  let usd = 0;
  for (const id of problem.dag.order) {
    const terms = problem.stages.get(id)!;
    usd += terms.computeUsd + terms.ioUsd;
  }
  if (problem.platform.billing.compute === "vm-pool" && problem.vmPool !== undefined) usd += problem.vmPool.usdPerMs * problem.vmPool.minimumMs;
  return usd;
}

export function computeCostCeilingUsd(problem: Problem, horizonMs: number): number {
  let usd = computeConstantUsd(problem);
  for (const candidates of problem.edges) {
    for (const o of candidates.options) usd += Math.max(0, o.fixedUsd) + Math.max(0, o.perFractionUsd);
  }
  for (const terms of problem.stages.values()) usd += terms.admissionFixedUsd + terms.admissionUsdPerMs * horizonMs;
  if (problem.platform.billing.compute === "vm-pool" && problem.vmPool !== undefined) usd += problem.vmPool.usdPerMs * Math.max(problem.vmPool.minimumMs, horizonMs);
  return usd;
}
