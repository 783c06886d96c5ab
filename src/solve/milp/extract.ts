/**
 * Reads an Assignment out of the planning MILP's values.
 * Pre: values from an optimal or feasible solve of `buildPlanMilp(problem, …)`.
 * Post: per edge, shares with a used mode (y rounds to 1) and fraction ≥ 1e-9, renormalised to sum
 * to exactly 1, in TRANSFER_MODES order; admitted = stages whose a rounds to 1 AND that serve at
 * least one cache share (an admission nothing reads is dropped).
 */
import { InvariantError } from "../../errors.js";
import type { Assignment, ModeShare, Problem } from "../../model/types.js";
import { TRANSFER_MODES } from "../../platform/schema.js";
import { admitName, fractionName, useName } from "./names.js";

const MIN_FRACTION = 1e-9;

export function extractAssignment(problem: Problem, values: Readonly<Record<string, number>>): Assignment {
  const admitted = new Set<string>();
  const edges = problem.edges.map((cands, i): ModeShare[] => {
    const kept: ModeShare[] = [];
    for (const o of cands.options) {
      const used = Math.round(values[useName(i, o.mode)] ?? 0) === 1;
      const fraction = values[fractionName(i, o.mode)] ?? 0;
      if (used && fraction >= MIN_FRACTION) kept.push({ mode: o.mode, fraction });
    }
    if (kept.length === 0) throw new InvariantError(`MILP solution serves no receiver of edge ${cands.from}->${cands.to}`);
    kept.sort((a, b) => TRANSFER_MODES.indexOf(a.mode) - TRANSFER_MODES.indexOf(b.mode));
    const shares = renormalise(kept);
    if (shares.some((s) => s.mode === "cache") && Math.round(values[admitName(cands.from)] ?? 0) === 1) admitted.add(cands.from);
    return shares;
  });
  return { edges, admitted };
}

/** Scales fractions to sum to 1; the last share takes the remainder so the sum is exact. */
function renormalise(shares: readonly ModeShare[]): ModeShare[] {
  if (shares.length === 1) return [{ mode: shares[0]!.mode, fraction: 1 }];
  const total = shares.reduce((sum, s) => sum + s.fraction, 0);
  const out: ModeShare[] = [];
  let rest = 1;
  shares.forEach((s, k) => {
    const fraction = k === shares.length - 1 ? rest : s.fraction / total;
    rest -= fraction;
    out.push({ mode: s.mode, fraction });
  });
  return out;
}
