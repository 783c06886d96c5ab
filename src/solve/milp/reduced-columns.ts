/**
 * Columns the LP relaxation (formulation.ts with `relax`) may merge without moving its optimum:
 *  - a whole option's fraction: its row f = y makes f a copy of y, so f's terms go to y and
 *    neither the column f nor the row is built;
 *  - a stage's admission a_u when exactly one (edge, option) pair needs it: that pair's row y ≤ a_u
 *    is a_u's only lower limit, and a_u appears elsewhere only with non-negative coefficients in
 *    "≤" rows (cache capacity: cacheBytes / capacity; the cost, which the budget row caps and a
 *    cost objective minimises: admissionFixedUsd). Any feasible point with a_u > y stays feasible,
 *    and no worse, with a_u lowered to y, so a_u = y loses no optimum: y's column takes a_u's terms.
 * The MILP keeps every column (its extraction reads them). Pure.
 */
import type { ModeOption, Problem } from "../../model/types.js";
import { useName } from "./names.js";

export interface ReducedColumns {
  /** Options whose fraction column is their use column. */
  readonly fractionAsUse: ReadonlySet<ModeOption>;
  /** Stage id → the use column that stands for its admission. */
  readonly admissionAsUse: ReadonlyMap<string, string>;
}

export function reducedColumns(problem: Problem): ReducedColumns {
  const fractionAsUse = new Set<ModeOption>();
  const admissions = new Map<string, string[]>();
  problem.edges.forEach((cands, i) => {
    const from = problem.dag.edges[i]!.from;
    for (const o of cands.options) {
      if (!o.splittable || !problem.allowSplits) fractionAsUse.add(o);
      if (o.requiresAdmission) admissions.set(from, [...(admissions.get(from) ?? []), useName(i, o.mode)]);
    }
  });
  const admissionAsUse = new Map<string, string>();
  for (const [id, uses] of admissions) {
    const stage = problem.stages.get(id)!;
    const nonNegative = stage.cacheBytes >= 0 && stage.admissionFixedUsd >= 0 && problem.cacheCapacityBytes > 0;
    if (uses.length === 1 && nonNegative) admissionAsUse.set(id, uses[0]!);
  }
  return { fractionAsUse, admissionAsUse };
}
