/**
 * The fastest split of an edge's receivers between two splittable modes: a share f to `a` and
 * 1 − f to `b`. The edge's time g(f) = max(time_a(f), time_b(1 − f)) is a max of affine functions
 * of f, so convex and piecewise linear: its minimum over [0, 1] sits at a breakpoint (an end or
 * where two of the lines cross). The search evaluates g at every such point, exactly; among equal
 * times it takes the cheaper fraction (cost is affine in f). Undefined when no interior fraction
 * is strictly faster than both whole modes (the split then adds nothing in time).
 */
import { pieceTimeMs } from "../modes/mode-module.js";
import type { AffinePiece, ModeOption } from "../model/types.js";

export interface Split {
  /** Fraction served by the first mode; the second serves the rest. */
  readonly fraction: number;
  readonly timeMs: number;
  readonly costUsd: number;
}

const MIN_SHARE = 1e-9;

/** time(f) as lines in f: a's pieces at f, b's pieces at 1 − f, and the floor 0. */
function linesOf(a: ModeOption, b: ModeOption): AffinePiece[] {
  const flipped = b.timePieces.map((p) => ({ fixedMs: p.fixedMs + p.perFractionMs, perFractionMs: -p.perFractionMs }));
  return [...a.timePieces, ...flipped, { fixedMs: 0, perFractionMs: 0 }];
}

export function splitTimeMs(a: ModeOption, b: ModeOption, fraction: number): number {
  return Math.max(pieceTimeMs(a.timePieces, fraction), pieceTimeMs(b.timePieces, 1 - fraction));
}

export function splitCostUsd(a: ModeOption, b: ModeOption, fraction: number): number {
  return a.fixedUsd + a.perFractionUsd * fraction + b.fixedUsd + b.perFractionUsd * (1 - fraction);
}

export function findFastestSplit(a: ModeOption, b: ModeOption): Split | undefined {
  const lines = linesOf(a, b);
  const points: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const slope = lines[i]!.perFractionMs - lines[j]!.perFractionMs;
      if (slope === 0) continue;
      const f = (lines[j]!.fixedMs - lines[i]!.fixedMs) / slope;
      if (f > MIN_SHARE && f < 1 - MIN_SHARE) points.push(f);
    }
  }
  let best: Split | undefined;
  for (const fraction of points.sort((x, y) => x - y)) {
    const timeMs = splitTimeMs(a, b, fraction);
    const costUsd = splitCostUsd(a, b, fraction);
    if (best === undefined || timeMs < best.timeMs || (timeMs === best.timeMs && costUsd < best.costUsd)) best = { fraction, timeMs, costUsd };
  }
  const wholeMs = Math.min(pieceTimeMs(a.timePieces, 1), pieceTimeMs(b.timePieces, 1));
  return best !== undefined && best.timeMs < wholeMs ? best : undefined;
}
