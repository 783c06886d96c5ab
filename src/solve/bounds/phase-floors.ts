/**
 * Per edge, the least write and the least read any plan gives it (the two phases of
 * model/edge-time.ts's edgePhasesMs). The schedule starts a stage with several inputs no earlier
 * than one input's write after its producer finished plus another input's read
 * (model/pool-schedule.ts): these floors let a bound see that rule without knowing the modes.
 *
 * An edge's write is its slowest share's write, so at least the write of some share it uses, and
 * a share of fraction f in (0, 1] of mode o writes pieceTimeMs(pieces, f) ≥ max over pieces of
 * min(fixedMs, fixedMs + perFractionMs) (each piece is affine in f); a whole mode (not splittable,
 * or splits off) has f = 1. Beside a direct share an uploading mode writes its besideDirectWrite
 * pieces instead: the floor takes the smaller of the two. The read likewise, from readPieces.
 * So writeFloorMs ≤ the write and readFloorMs ≤ the read of every plan's edge.
 */
import type { AffinePiece, EdgeCandidates, ModeOption } from "../../model/types.js";
import { largestOtherThan } from "../../util/largest-other.js";

export interface PhaseFloors {
  readonly writeFloorMs: readonly number[];
  readonly readFloorMs: readonly number[];
}

function pieceFloorMs(pieces: readonly AffinePiece[], whole: boolean): number {
  let t = 0;
  for (const p of pieces) t = Math.max(t, whole ? p.fixedMs + p.perFractionMs : Math.min(p.fixedMs, p.fixedMs + p.perFractionMs));
  return t;
}

function optionFloors(o: ModeOption, allowSplits: boolean): { writeMs: number; readMs: number } {
  const whole = !o.splittable || !allowSplits;
  const writeMs = Math.min(pieceFloorMs(o.writePieces, whole), o.besideDirectWrite === undefined ? Infinity : pieceFloorMs(o.besideDirectWrite, whole));
  return { writeMs, readMs: pieceFloorMs(o.readPieces, whole) };
}

export function phaseFloors(edges: readonly EdgeCandidates[], allowSplits: boolean): PhaseFloors {
  const writeFloorMs: number[] = [];
  const readFloorMs: number[] = [];
  for (const c of edges) {
    let w = Infinity;
    let r = Infinity;
    for (const o of c.options) {
      const f = optionFloors(o, allowSplits);
      w = Math.min(w, f.writeMs);
      r = Math.min(r, f.readMs);
    }
    writeFloorMs.push(Number.isFinite(w) ? w : 0);
    readFloorMs.push(Number.isFinite(r) ? r : 0);
  }
  return { writeFloorMs, readFloorMs };
}

/**
 * The earliest a stage with inputs `incoming` can start by the phase rule: max over ordered pairs
 * i1 ≠ i2 of [finish floor of i1's producer + writeFloor(i1) + readFloor(i2)]; 0 with one input.
 */
export function phaseStartFloorMs(incoming: readonly number[], producerFinishMs: (i: number) => number, floors: PhaseFloors): number {
  if (incoming.length < 2) return 0;
  const otherRead = largestOtherThan(incoming, (i) => floors.readFloorMs[i]!);
  let start = 0;
  for (const i of incoming) start = Math.max(start, producerFinishMs(i) + floors.writeFloorMs[i]! + otherRead(i));
  return start;
}
