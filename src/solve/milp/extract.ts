/**
 * Reads an Assignment out of the planning MILP's values, with the engines' tolerance in mind: an
 * engine meets each row only within ~1e-7, so a whole vm-local edge may come back as vm-local
 * 0.99999993 + direct 7e-8, which read literally is a split vm-local cannot take.
 * Pre: values from an optimal or feasible solve of `buildPlanMilp(problem, …)`.
 * Post: per edge, the shares of used modes (y rounds to 1) whose fraction is at least
 * SNAP_FRACTION (smaller ones snap to 0); when one of them cannot be split (or splits are off) the
 * largest share alone serves the edge; the rest renormalised to sum to exactly 1, in
 * TRANSFER_MODES order. admitted = stages whose a rounds to 1 AND that serve at least one cache
 * share (an admission nothing reads is dropped).
 */
import { sluiceError } from "../../errors.js";
import type { Assignment, ModeShare, Problem } from "../../model/types.js";
import { TRANSFER_MODES } from "../../platform/schema.js";
import { admitName, fractionName, useName } from "./names.js";

/** Fractions below this read as 0: ten times the engines' feasibility tolerance on these O(1) rows. */
export const SNAP_FRACTION = 1e-6;

export function extractAssignment(problem: Problem, values: Readonly<Record<string, number>>): Assignment {
  const admitted = new Set<string>();
  const edges = problem.edges.map((cands, i): ModeShare[] => {
    let kept: ModeShare[] = [];
    for (const o of cands.options) {
      const used = Math.round(values[useName(i, o.mode)] ?? 0) === 1;
      const fraction = values[fractionName(i, o.mode)] ?? 0;
      if (used && fraction >= SNAP_FRACTION) kept.push({ mode: o.mode, fraction });
    }
    if (kept.length === 0) throw sluiceError("internal.milpServesNoReceiver", { params: { edge: `${cands.from}->${cands.to}` } });
    kept.sort((a, b) => TRANSFER_MODES.indexOf(a.mode) - TRANSFER_MODES.indexOf(b.mode));
    const unsplittable = kept.some((s) => !cands.options.find((o) => o.mode === s.mode)!.splittable);
    if (kept.length > 1 && (unsplittable || !problem.allowSplits)) kept = [kept.reduce((a, b) => (b.fraction > a.fraction ? b : a))];
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
