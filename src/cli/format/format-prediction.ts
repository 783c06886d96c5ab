/**
 * A prediction (profiles/set/predict.ts) as the table `sluice predict` prints: per target the
 * median and its interval in the target's unit, then a note for each target used beyond the sizes
 * it was trained on.
 */
import { describeExtrapolation } from "../../profiles/set/extrapolation-warnings.js";
import type { Prediction } from "../../profiles/set/predict.js";
import { PROFILE_TARGETS, type ProfileTarget } from "../../profiles/types.js";
import { formatBytes } from "../../units/size.js";

const UNIT: Record<ProfileTarget, (v: number) => string> = {
  runtimeMs: (v) => `${Number(v.toPrecision(4))} ms`,
  memoryMb: (v) => `${Number(v.toPrecision(4))} MB`,
  outputBytes: (v) => formatBytes(v),
  fanout: (v) => String(Number(v.toPrecision(4))),
};

export interface PredictionContext {
  readonly segment: string;
  readonly memoryMb?: number;
}

export function formatPrediction(p: Prediction, ctx: PredictionContext): string {
  const head = `${p.functionName} at ${formatBytes(p.inputBytes)} (${ctx.segment}${ctx.memoryMb === undefined ? "" : `, ${ctx.memoryMb} MB`}; ${Math.round(p.level * 100)}% interval); trained on ${formatBytes(p.trainedInputBytes.min)} – ${formatBytes(p.trainedInputBytes.max)}`;
  const rows = PROFILE_TARGETS.flatMap((t) => {
    const v = p[t];
    return v === undefined ? [] : [[t, UNIT[t](v.median), UNIT[t](v.low), UNIT[t](v.high)]];
  });
  const table = [["target", "median", "low", "high"], ...rows];
  const widths = table[0]!.map((_, j) => Math.max(...table.map((r) => r[j]!.length)));
  const lines = table.map((r) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join("  ").trimEnd());
  const notes = p.extrapolations.map((e) => `note: ${describeExtrapolation(e, formatBytes)}; interval ${e.intervalWidening.toFixed(2)}× wider`);
  return [head, ...lines, ...notes].join("\n") + "\n";
}
