/**
 * Phase "explain": for every edge, every mode's fate — chosen, feasible but lost (and why), or
 * rejected as infeasible (with the filter's reason). The reasons compare each option, were it to
 * serve the whole edge, with the chosen one, against the edge's slack and the plan's limits.
 */
import { pieceTimeMs } from "../model/modes/mode-module.js";
import type { Evaluation, Problem, Assignment } from "../model/types.js";
import { TRANSFER_MODES } from "../platform/schema.js";
import type { EdgeExplanation, OptionExplanation } from "./types.js";

const ms = (x: number) => `${x.toFixed(1)} ms`;
const usd = (x: number) => `$${x.toPrecision(3)}`;

/** Slack of each edge: how much longer its transfer could take without delaying the makespan. */
export function edgeSlackMs(problem: Problem, evaluation: Evaluation): number[] {
  const { dag } = problem;
  const finish = new Map(evaluation.stages.map((s) => [s.stageId, s.finishMs]));
  const latest = new Map<string, number>();
  for (let k = dag.order.length - 1; k >= 0; k--) {
    const v = dag.order[k]!;
    let l = evaluation.makespanMs;
    for (const i of dag.outgoing.get(v)!) {
      const w = dag.edges[i]!.to;
      l = Math.min(l, latest.get(w)! - problem.stages.get(w)!.baseMs - evaluation.edges[i]!.transferMs);
    }
    latest.set(v, l);
  }
  return dag.edges.map((e, i) => latest.get(e.to)! - problem.stages.get(e.to)!.baseMs - (finish.get(e.from)! + evaluation.edges[i]!.transferMs));
}

export function explainEdges(problem: Problem, assignment: Assignment, evaluation: Evaluation): EdgeExplanation[] {
  const slack = edgeSlackMs(problem, evaluation);
  const limited = problem.objective === "latency" ? Number.isFinite(problem.budgetUsd) : Number.isFinite(problem.deadlineMs);
  return problem.dag.edges.map((edge, i) => {
    const cands = problem.edges[i]!;
    const chosen = evaluation.edges[i]!;
    const shares = assignment.edges[i]!;
    const critical = slack[i]! <= 1e-6 * Math.max(1, evaluation.makespanMs);
    const options: OptionExplanation[] = [];
    for (const mode of TRANSFER_MODES) {
      const rejected = cands.rejected.find((r) => r.mode === mode);
      if (rejected !== undefined) {
        options.push({ mode, verdict: "rejected", reason: rejected.reason });
        continue;
      }
      const o = cands.options.find((x) => x.mode === mode)!;
      const timeMs = pieceTimeMs(o.timePieces, 1);
      const costUsd = o.fixedUsd + o.perFractionUsd;
      const share = shares.find((s) => s.mode === mode);
      if (share !== undefined) {
        const part = shares.length > 1 ? `serves ${(share.fraction * 100).toFixed(1)}% of the receivers; ` : "";
        options.push({ mode, verdict: "chosen", timeMs, costUsd, reason: `${part}edge transfer ${ms(chosen.transferMs)} for ${usd(chosen.costUsd)}${critical ? " (on the critical path)" : `, slack ${ms(slack[i]!)}`}` });
        continue;
      }
      let reason: string;
      if (o.requiresAdmission && !assignment.admitted.has(edge.from) && timeMs < chosen.transferMs) {
        reason = `faster (${ms(timeMs)} vs ${ms(chosen.transferMs)}) but needs ${edge.from}'s ${(problem.stages.get(edge.from)!.cacheBytes / 2 ** 20).toFixed(1)} MiB admitted to the cache tier, which the capacity or budget did not allow`;
      } else if (timeMs > chosen.transferMs + 1e-9 && costUsd >= chosen.costUsd - 1e-15) {
        reason = `slower (${ms(timeMs)} vs ${ms(chosen.transferMs)}) and no cheaper (${usd(costUsd)} vs ${usd(chosen.costUsd)})`;
      } else if (timeMs > chosen.transferMs + 1e-9) {
        reason = critical
          ? `cheaper (${usd(costUsd)} vs ${usd(chosen.costUsd)}) but slower (${ms(timeMs)} vs ${ms(chosen.transferMs)}) on the critical path`
          : `cheaper (${usd(costUsd)} vs ${usd(chosen.costUsd)}) but ${ms(timeMs - chosen.transferMs)} slower, beyond the edge's slack of ${ms(slack[i]!)}`;
      } else if (costUsd > chosen.costUsd + 1e-15) {
        reason = critical || !limited
          ? `as fast or faster (${ms(timeMs)} vs ${ms(chosen.transferMs)}) but costs ${usd(costUsd)} vs ${usd(chosen.costUsd)}${limited ? ", more than the budget leaves" : ""}`
          : `costs ${usd(costUsd)} vs ${usd(chosen.costUsd)}; the edge has ${ms(slack[i]!)} of slack, so the faster mode would not shorten the makespan`;
      } else {
        reason = `equivalent here (${ms(timeMs)}, ${usd(costUsd)}); the tie went to the chosen mode, or it conflicts with another choice (one vm-local input per stage, cache capacity)`;
      }
      options.push({ mode, verdict: "feasible", timeMs, costUsd, reason });
    }
    return { from: edge.from, to: edge.to, options };
  });
}
