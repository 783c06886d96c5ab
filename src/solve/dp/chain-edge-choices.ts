/**
 * What the chain DP may choose on one edge: every feasible mode whole, and, when splits are
 * allowed, the fastest split of each pair of splittable modes (fastest-split.ts). Splits are
 * searched on the convex time function only: the DP keeps one split per pair (the fastest, the
 * cheaper among equally fast), not the whole time–cost curve of fractions.
 */
import { pieceTimeMs } from "../../model/modes/mode-module.js";
import type { EdgeCandidates, ModeShare } from "../../model/types.js";
import { splittablePairs } from "../edge/edge-choices.js";
import { findFastestSplit } from "../edge/fastest-split.js";

export interface ChainEdgeChoice {
  /** In TRANSFER_MODES order (options already are). */
  readonly shares: readonly ModeShare[];
  readonly timeMs: number;
  /** The edge's own cost (admission is priced by the DP, which knows the residency). */
  readonly costUsd: number;
  readonly usesCache: boolean;
  readonly usesVmLocal: boolean;
}

export function listChainEdgeChoices(candidates: EdgeCandidates, allowSplits: boolean): ChainEdgeChoice[] {
  const { options } = candidates;
  const out: ChainEdgeChoice[] = options.map((o) => ({
    shares: [{ mode: o.mode, fraction: 1 }],
    timeMs: pieceTimeMs(o.timePieces, 1),
    costUsd: o.fixedUsd + o.perFractionUsd,
    usesCache: o.requiresAdmission,
    usesVmLocal: o.mode === "vm-local",
  }));
  if (!allowSplits) return out;
  for (const [a, b] of splittablePairs(options)) {
    const split = findFastestSplit(a, b, candidates.nicOffsetsMs);
    if (split === undefined) continue;
    out.push({
      shares: [{ mode: a.mode, fraction: split.fraction }, { mode: b.mode, fraction: 1 - split.fraction }],
      timeMs: split.timeMs,
      costUsd: split.costUsd,
      usesCache: a.requiresAdmission || b.requiresAdmission,
      usesVmLocal: false,
    });
  }
  return out;
}
