/**
 * The rows one (function, segment, target) trains on, taken from a TraceTable's columns: those
 * whose value is present (partial rows train the targets they have). Fanout is a function of the
 * stage's input, so its x is the stage input where the trace counted fanout per run.
 */
import type { FunctionRows } from "../../traces/trace-table.js";
import type { ProfileTarget, Segment } from "../types.js";

export interface SegmentRows {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly memoryMb: Float64Array;
}

/** Row indexes of a segment: cold rows, or the rest (warm and unmarked). */
export function segmentIndexes(g: FunctionRows, segment: Segment): Uint32Array {
  const cold = g.columns.cold.values();
  const out: number[] = [];
  for (let i = 0; i < cold.length; i++) if ((cold[i] === 1) === (segment === "cold")) out.push(i);
  return Uint32Array.from(out);
}

export function targetRows(g: FunctionRows, rows: Uint32Array, target: ProfileTarget): SegmentRows {
  const c = g.columns;
  const ys = c[target].values();
  const input = c.inputBytes.values();
  const stage = c.stageInputBytes.values();
  const mem = c.memorySettingMb.values();
  const keep: number[] = [];
  for (const i of rows) if (!Number.isNaN(ys[i]!)) keep.push(i);
  const x = new Float64Array(keep.length), y = new Float64Array(keep.length), memoryMb = new Float64Array(keep.length);
  keep.forEach((i, k) => {
    x[k] = target === "fanout" && !Number.isNaN(stage[i]!) ? stage[i]! : input[i]!;
    y[k] = ys[i]!;
    memoryMb[k] = mem[i]!;
  });
  return { x, y, memoryMb };
}
