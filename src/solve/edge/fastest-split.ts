/**
 * Splits of an edge's receivers between two splittable modes: a share f to `a` and 1 − f to `b`.
 * For 0 < f < 1 the edge's time is g(f) = max over lines of (c0 + c1 · f): a's pieces at f, b's
 * pieces at 1 − f, and per line j of the shared sender NIC's token bucket,
 * offset_j + a.senderNic_j(f) + b.senderNic_j(1 − f) (edge-time.ts).
 * A max of affine functions: convex and piecewise linear. Its minimum sits at a breakpoint (where
 * two lines cross), found exactly; and for a time cap the fractions that fit form one interval.
 */
import { edgeTransferMs, timePiecesOf } from "../../model/edge-time.js";
import type { AffinePiece, ModeOption } from "../../model/types.js";

export interface Split {
  /** Fraction served by the first mode; the second serves the rest. */
  readonly fraction: number;
  readonly timeMs: number;
  readonly costUsd: number;
}

const MIN_SHARE = 1e-9;

const linesMemo = new WeakMap<ModeOption, WeakMap<ModeOption, AffinePiece[]>>();

/** g(f) as lines in f, for 0 < f < 1 (once per pair of options: the options of one edge share its NIC offsets). */
export function splitLines(a: ModeOption, b: ModeOption, nicOffsetsMs: readonly number[] = []): AffinePiece[] {
  let byB = linesMemo.get(a);
  if (byB === undefined) linesMemo.set(a, (byB = new WeakMap()));
  let lines = byB.get(b);
  if (lines === undefined) byB.set(b, (lines = computeSplitLines(a, b, nicOffsetsMs)));
  return lines;
}

function computeSplitLines(a: ModeOption, b: ModeOption, nicOffsetsMs: readonly number[]): AffinePiece[] {
  const withDirect = a.mode === "direct" || b.mode === "direct";
  const flipped = timePiecesOf(b, withDirect).map((p) => ({ fixedMs: p.fixedMs + p.perFractionMs, perFractionMs: -p.perFractionMs }));
  const zero = { fixedMs: 0, perFractionMs: 0 };
  const lines = Math.max(a.senderNic.length, b.senderNic.length);
  const nic: AffinePiece[] = [];
  for (let j = 0; j < lines; j++) {
    const x = a.senderNic[j] ?? zero;
    const y = b.senderNic[j] ?? zero;
    nic.push({ fixedMs: (nicOffsetsMs[j] ?? 0) + x.fixedMs + y.fixedMs + y.perFractionMs, perFractionMs: x.perFractionMs - y.perFractionMs });
  }
  return [...timePiecesOf(a, withDirect), ...flipped, ...nic, zero];
}

export function splitTimeMs(a: ModeOption, b: ModeOption, fraction: number, nicOffsetsMs: readonly number[] = []): number {
  return edgeTransferMs(
    [
      [a, fraction],
      [b, 1 - fraction],
    ],
    nicOffsetsMs,
  );
}

export function splitCostUsd(a: ModeOption, b: ModeOption, fraction: number): number {
  return a.fixedUsd + a.perFractionUsd * fraction + b.fixedUsd + b.perFractionUsd * (1 - fraction);
}

/** The interval of fractions f ∈ [0, 1] whose split time is ≤ capMs, or undefined if none. */
export function splitIntervalWithin(a: ModeOption, b: ModeOption, capMs: number, nicOffsetsMs: readonly number[] = []): readonly [number, number] | undefined {
  let lo = 0;
  let hi = 1;
  for (const l of splitLines(a, b, nicOffsetsMs)) {
    if (l.perFractionMs > 0) hi = Math.min(hi, (capMs - l.fixedMs) / l.perFractionMs);
    else if (l.perFractionMs < 0) lo = Math.max(lo, (capMs - l.fixedMs) / l.perFractionMs);
    else if (l.fixedMs > capMs) return undefined;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** Per pair of options (immutable, owned by one Problem), the fastest split once computed: the passes and bounds ask again and again. */
const memo = new WeakMap<ModeOption, WeakMap<ModeOption, { split: Split | undefined }>>();

/** The fastest interior split (the cheaper among equally fast); undefined when none beats both whole modes. */
export function findFastestSplit(a: ModeOption, b: ModeOption, nicOffsetsMs: readonly number[] = []): Split | undefined {
  // the options of one edge share its NIC offsets: the pair alone keys the memo
  let byB = memo.get(a);
  if (byB === undefined) memo.set(a, (byB = new WeakMap()));
  let hit = byB.get(b);
  if (hit === undefined) byB.set(b, (hit = { split: computeFastestSplit(a, b, nicOffsetsMs) }));
  return hit.split;
}

function computeFastestSplit(a: ModeOption, b: ModeOption, nicOffsetsMs: readonly number[]): Split | undefined {
  const lines = splitLines(a, b, nicOffsetsMs);
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
    const timeMs = splitTimeMs(a, b, fraction, nicOffsetsMs);
    const costUsd = splitCostUsd(a, b, fraction);
    if (best === undefined || timeMs < best.timeMs || (timeMs === best.timeMs && costUsd < best.costUsd)) best = { fraction, timeMs, costUsd };
  }
  const wholeMs = Math.min(edgeTransferMs([[a, 1]], nicOffsetsMs), edgeTransferMs([[b, 1]], nicOffsetsMs));
  return best !== undefined && best.timeMs < wholeMs ? best : undefined;
}
