/**
 * A transfer mode as a plugin: `isFeasible` says yes/no with a reason, `estimate` prices only what
 * passed. The candidate builder runs every registered mode over every edge.
 */
import type { Edge } from "../dag/types.js";
import type { EdgeFlow } from "../estimate/edge-flow.js";
import type { StageEstimate } from "../estimate/estimate-stages.js";
import type { Platform, TransferMode } from "../platform/schema.js";
import type { AffinePiece, AffineUsd, CostCategory, ModeOption, StageTerms } from "../model/types.js";

export interface EdgeContext {
  readonly edge: Edge;
  readonly flow: EdgeFlow;
  readonly producer: StageEstimate;
  readonly consumer: StageEstimate;
  readonly producerTerms: StageTerms;
  readonly consumerTerms: StageTerms;
  readonly platform: Platform;
}

export type Verdict = { readonly feasible: true } | { readonly feasible: false; readonly reason: string };

export interface ModeModule {
  readonly mode: TransferMode;
  isFeasible(ctx: EdgeContext): Verdict;
  estimate(ctx: EdgeContext): ModeOption;
}

export const FEASIBLE: Verdict = Object.freeze({ feasible: true });

/** Billed function time: instances × ms × GB × price. */
export function functionUsd(instances: number, ms: number, billedMemoryMb: number, platform: Platform): number {
  return ((instances * ms) / 1000) * (billedMemoryMb / 1024) * platform.billing.priceUsdPerGbSecond;
}

/** Assembles a ModeOption, summing the cost parts. */
export function modeOption(
  mode: TransferMode,
  timePieces: AffinePiece[],
  costParts: Partial<Record<CostCategory, AffineUsd>>,
  flags: { splittable: boolean; requiresAdmission: boolean },
  terms: Record<string, number>,
  senderNic: AffinePiece = { fixedMs: 0, perFractionMs: 0 },
  besideDirect?: readonly AffinePiece[],
): ModeOption {
  const zero: AffineUsd = { fixedUsd: 0, perFractionUsd: 0 };
  const parts: Record<CostCategory, AffineUsd> = {
    computeUsd: costParts.computeUsd ?? zero,
    objectStoreUsd: costParts.objectStoreUsd ?? zero,
    cacheUsd: costParts.cacheUsd ?? zero,
  };
  const all = Object.values(parts);
  return {
    mode,
    timePieces,
    fixedUsd: all.reduce((a, p) => a + p.fixedUsd, 0),
    perFractionUsd: all.reduce((a, p) => a + p.perFractionUsd, 0),
    costParts: parts,
    senderNic,
    ...(besideDirect === undefined ? {} : { besideDirect }),
    splittable: flags.splittable,
    requiresAdmission: flags.requiresAdmission,
    terms,
  };
}

/** Sum of two maxes as a max of affine pieces: max(a) + max(b) = max over pairs (a_i + b_j). */
export function sumOfMaxes(a: readonly AffinePiece[], b: readonly AffinePiece[]): AffinePiece[] {
  const out: AffinePiece[] = [];
  for (const x of a) for (const y of b) out.push({ fixedMs: x.fixedMs + y.fixedMs, perFractionMs: x.perFractionMs + y.perFractionMs });
  return out;
}

/** Evaluates time(f) = max over pieces. */
export function pieceTimeMs(pieces: readonly AffinePiece[], fraction: number): number {
  let t = 0;
  for (const p of pieces) t = Math.max(t, p.fixedMs + p.perFractionMs * fraction);
  return t;
}
