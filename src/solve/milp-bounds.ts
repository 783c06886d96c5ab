/**
 * Safe bounds a MILP over a Problem needs: the horizon (an upper bound on any stage's finish
 * time, the big-M of the residency constraints) and a cost ceiling (an upper bound on any plan's
 * cost, used to scale costs to O(1) coefficients).
 *
 *   slowestMs(e) = max over options, f ∈ {0, 1} of time(f)   (time is convex in f: the max sits at an end)
 *   horizonMs    = longest path with every edge at slowestMs and every stage at baseMs
 *   ceilingUsd   = Σ stage compute + io + Σ edges Σ options (fixedUsd⁺ + perFractionUsd⁺)
 *                  + Σ stages (admissionFixedUsd + admissionUsdPerMs · horizonMs)
 */
import { pieceTimeMs } from "../modes/mode-module.js";
import type { EdgeCandidates, Problem } from "../model/types.js";

export function computeSlowestEdgeMs(candidates: EdgeCandidates): number {
  let slowest = 0;
  for (const option of candidates.options) {
    slowest = Math.max(slowest, pieceTimeMs(option.timePieces, 0), pieceTimeMs(option.timePieces, 1));
  }
  return slowest;
}

export function computeHorizonMs(problem: Problem): number {
  const { dag } = problem;
  const finish = new Map<string, number>();
  let horizon = 0;
  for (const id of dag.order) {
    let ready = 0;
    for (const i of dag.incoming.get(id)!) ready = Math.max(ready, finish.get(dag.edges[i]!.from)! + computeSlowestEdgeMs(problem.edges[i]!));
    const f = ready + problem.stages.get(id)!.baseMs;
    finish.set(id, f);
    horizon = Math.max(horizon, f);
  }
  return horizon;
}

/** Stage compute and io costs: what every plan pays whatever its decisions. */
export function computeConstantUsd(problem: Problem): number {
  let usd = 0;
  for (const id of problem.dag.order) {
    const terms = problem.stages.get(id)!;
    usd += terms.computeUsd + terms.ioUsd;
  }
  return usd;
}

export function computeCostCeilingUsd(problem: Problem, horizonMs: number): number {
  let usd = computeConstantUsd(problem);
  for (const candidates of problem.edges) {
    for (const o of candidates.options) usd += Math.max(0, o.fixedUsd) + Math.max(0, o.perFractionUsd);
  }
  for (const terms of problem.stages.values()) usd += terms.admissionFixedUsd + terms.admissionUsdPerMs * horizonMs;
  return usd;
}
