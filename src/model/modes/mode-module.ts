/**
 * A transfer mode as a plugin: `isFeasible` says yes/no with a reason, `estimate` prices only what
 * passed. The candidate builder runs every registered mode over every edge.
 */
import type { Edge } from "../../dag/types.js";
import type { EdgeFlow } from "../../estimate/edge-flow.js";
import type { StageEstimate } from "../../estimate/estimate-stages.js";
import type { Platform, TransferMode } from "../../platform/schema.js";
import type { AffinePiece, AffineUsd, CostCategory, ModeOption, StageTerms } from "../types.js";

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

/** Billed function time: instances × ms × GB × price — under function billing; a VM pool is billed as a whole instead (0 here). */
export function functionUsd(instances: number, ms: number, billedMemoryMb: number, platform: Platform): number {
  if (platform.billing.compute !== "function") return 0;
  return ((instances * ms) / 1000) * (billedMemoryMb / 1024) * platform.billing.priceUsdPerGbSecond;
}

/** Invocation price of `instances` (function billing only). */
export function requestUsd(instances: number, platform: Platform): number {
  return platform.billing.compute === "function" ? instances * platform.billing.priceUsdPerRequest : 0;
}

/**
 * An option's time in its two phases: `write` on the producer's side (done before the consumer's
 * instances are ready) and `read` on the consumer's side (done once they run, after every input is
 * written); `besideDirectWrite`, for uploading modes, the write when a direct share of the same
 * edge pulls from the senders at once.
 */
export interface PhasePieces {
  readonly write: readonly AffinePiece[];
  readonly read: readonly AffinePiece[];
  readonly besideDirectWrite?: readonly AffinePiece[];
}

/** Assembles a ModeOption, summing the cost parts; time = write + read (a plain list of pieces: all read). */
export function modeOption(
  mode: TransferMode,
  phases: PhasePieces | readonly AffinePiece[],
  costParts: Partial<Record<CostCategory, AffineUsd>>,
  flags: { splittable: boolean; requiresAdmission: boolean },
  terms: Record<string, number>,
  senderNic: readonly AffinePiece[] = [],
): ModeOption {
  const p: PhasePieces = "read" in phases ? phases : { write: [], read: phases };
  const timePieces = sumOfMaxes(p.write, p.read);
  const besideDirect = p.besideDirectWrite === undefined ? undefined : sumOfMaxes(p.besideDirectWrite, p.read);
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
    writePieces: p.write,
    readPieces: p.read,
    ...(p.besideDirectWrite === undefined ? {} : { besideDirectWrite: p.besideDirectWrite }),
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
  // an empty side is a time of 0
  if (a.length === 0) a = [{ fixedMs: 0, perFractionMs: 0 }];
  if (b.length === 0) b = [{ fixedMs: 0, perFractionMs: 0 }];
  const out: AffinePiece[] = [];
  for (const x of a) for (const y of b) out.push({ fixedMs: x.fixedMs + y.fixedMs, perFractionMs: x.perFractionMs + y.perFractionMs });
  return out;
}

/** Scales the pieces' times (a phase repeated once per wave). */
export function timesPieces(pieces: readonly AffinePiece[], factor: number): AffinePiece[] {
  return pieces.map((p) => ({ fixedMs: p.fixedMs * factor, perFractionMs: p.perFractionMs * factor }));
}

/** Adds a constant to every piece (a latency paid before the bytes move); no pieces: the constant alone. */
export function plusPieces(pieces: readonly AffinePiece[], fixedMs: number): AffinePiece[] {
  if (pieces.length === 0) return [{ fixedMs, perFractionMs: 0 }];
  return pieces.map((p) => ({ fixedMs: p.fixedMs + fixedMs, perFractionMs: p.perFractionMs }));
}

/** Evaluates time(f) = max(0, max over pieces). */
export function pieceTimeMs(pieces: readonly AffinePiece[], fraction: number): number {
  let t = 0;
  for (const p of pieces) t = Math.max(t, p.fixedMs + p.perFractionMs * fraction);
  return t;
}
