/**
 * Phase "candidates": every (edge, mode) pair, filtered then priced.
 * Pre: estimates and stage terms for every stage. Post: per edge, the feasible options (in
 * TRANSFER_MODES order) and every rejected mode with its reason; an edge left with no option is an
 * InputError naming each rejection.
 */
import type { Dag } from "../dag/types.js";
import { edgeKey } from "../dag/types.js";
import type { Estimates } from "../estimate/estimate-stages.js";
import { InputError, issue, type Issue } from "../errors.js";
import type { EdgeContext } from "./modes/mode-module.js";
import { MODE_REGISTRY } from "./modes/registry.js";
import { TRANSFER_MODES, type Platform, type TransferMode } from "../platform/schema.js";
import type { EdgeCandidates, ModeOption, RejectedOption, StageTerms } from "./types.js";
import { nicOffsetsMs as sharedNicOffsets } from "./bandwidth.js";

export function buildCandidates(
  dag: Dag,
  estimates: Estimates,
  stageTerms: ReadonlyMap<string, StageTerms>,
  platform: Platform,
  allowedModes: readonly TransferMode[],
): EdgeCandidates[] {
  const issues: Issue[] = [];
  const nicOffsetsMs = sharedNicOffsets(platform);
  const out = dag.edges.map((edge, edgeIndex): EdgeCandidates => {
    const ctx: EdgeContext = {
      edge,
      flow: estimates.flows[edgeIndex]!,
      producer: estimates.stages.get(edge.from)!,
      consumer: estimates.stages.get(edge.to)!,
      producerTerms: stageTerms.get(edge.from)!,
      consumerTerms: stageTerms.get(edge.to)!,
      platform,
    };
    const options: ModeOption[] = [];
    const rejected: RejectedOption[] = [];
    for (const mode of TRANSFER_MODES) {
      if (!platform.modes.includes(mode)) {
        rejected.push({ mode, reason: `not offered by the platform (${platform.name})` });
        continue;
      }
      if (!allowedModes.includes(mode)) {
        rejected.push({ mode, reason: "excluded by options.modes" });
        continue;
      }
      const verdict = MODE_REGISTRY[mode].isFeasible(ctx);
      if (!verdict.feasible) rejected.push({ mode, reason: verdict.reason });
      else options.push(MODE_REGISTRY[mode].estimate(ctx));
    }
    if (options.length === 0) {
      issues.push(issue("plan.noFeasibleMode", { path: ["edges", edgeKey(edge)], actual: "none", params: { reasons: rejected.map((r) => `${r.mode}: ${r.reason}`).join("; ") } }));
    }
    return { edgeIndex, from: edge.from, to: edge.to, options, rejected, nicOffsetsMs };
  });
  if (issues.length > 0) throw new InputError("No feasible plan", issues);
  return out;
}
