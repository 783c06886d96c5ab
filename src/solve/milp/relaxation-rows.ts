/**
 * Rows only the LP relaxation carries (bounds/lp-relaxation-bound.ts). Every plan meets each of them, so
 * the LP stays a relaxation; fractional modes do not, which is what makes the bound bite.
 */
import type { MilpConstraint } from "../../lp/model.js";
import type { EdgeCandidates } from "../../model/types.js";
import type { TradeoffVertex } from "../edge/edge-tradeoff.js";
import type { MilpScale } from "./scale.js";
import { transferName, useName } from "./names.js";
import { addTerm } from "./terms.js";

export /**
 * Relative room the relaxation-only rows leave below their exact right-hand sides, above the LP
 * engines' feasibility tolerance (~1e-7 on O(1)–O(1000) scaled rows), so a limit set exactly at a
 * plan's own figure never reads as infeasible.
 */
const RELAX_SLACK = 1e-6;

/**
 * Relaxation only: the edge's cost (scaled terms) lies on or above its time–cost envelope at its
 * transfer time, c ≥ c_j + s_j·(t − t_j) per segment and c ≥ the cheapest cost. Every plan meets
 * these rows (t ≥ its real transfer time and the envelope is non-increasing); fractional y and f
 * do not, which is what makes the LP bound feel the budget.
 */
export function tradeoffRows(i: number, vertices: readonly TradeoffVertex[], edgeCost: Readonly<Record<string, number>>, scale: MilpScale): MilpConstraint[] {
  const rows: MilpConstraint[] = [];
  const slack = (x: number) => x - RELAX_SLACK * Math.abs(x);
  const last = vertices[vertices.length - 1];
  if (last === undefined || Object.keys(edgeCost).length === 0) return rows;
  rows.push({ name: `envelope[${i}][min]`, terms: edgeCost, lower: slack(last.costUsd / scale.usdPerUnit) });
  for (let j = 0; j + 1 < vertices.length; j++) {
    const a = vertices[j]!;
    const b = vertices[j + 1]!;
    const slopeUsdPerMs = (b.costUsd - a.costUsd) / (b.timeMs - a.timeMs);
    const terms = { ...edgeCost };
    addTerm(terms, transferName(i), (-slopeUsdPerMs * scale.msPerUnit) / scale.usdPerUnit);
    rows.push({ name: `envelope[${i}][${j}]`, terms, lower: slack((a.costUsd - slopeUsdPerMs * a.timeMs) / scale.usdPerUnit) });
  }
  return rows;
}

/**
 * Relaxation only: an edge that does not use mode m is no faster than its fastest choice without m,
 * t ≥ T + (T_without_m − T)·(1 − y_m), T_without_m from edgeTradeoffWithout's one scan of the edge.
 * Every plan meets it (y_m = 1, or t ≥ T_without_m); it lets
 * the LP feel the one-vm-local-input and cache-capacity rows, which fractional y alone dodge.
 */
export function withoutModeRows(i: number, cands: EdgeCandidates, fastestWithoutMs: readonly number[], fastestMs: number, scale: MilpScale): MilpConstraint[] {
  const rows: MilpConstraint[] = [];
  for (const [k, o] of cands.options.entries()) {
    const without = fastestWithoutMs[k]!;
    const gainMs = without - fastestMs;
    if (!(gainMs > 1e-9 * Math.max(1, fastestMs)) || !Number.isFinite(without)) continue;
    const lower = (without * (1 - RELAX_SLACK)) / scale.msPerUnit;
    rows.push({ name: `without[${i}][${o.mode}]`, terms: { [transferName(i)]: 1, [useName(i, o.mode)]: gainMs / scale.msPerUnit }, lower });
  }
  return rows;
}

