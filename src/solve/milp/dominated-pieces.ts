/**
 * Rows the LP relaxation can leave out because another row of the same option already implies
 * them. A time (or write, or read) piece p gives the row  t ≥ p.fixedMs·y + p.perFractionMs·f, and
 * the relaxation keeps 0 ≤ f ≤ y ≤ 1 (formulation.ts: f ≤ y, or f = y for whole modes); a piece
 * beside a direct share adds − M_p·(1 − y_direct) with y_direct in [0, 1]. Each row's right-hand
 * side is linear in (y, f, y_direct), so piece q implies piece p on that whole box when q's value
 * is at least p's at its corners: (y, f) ∈ {(0, 0), (1, 0), (1, 1)} × y_direct ∈ {0, 1}. A plain
 * row of the option (no big-M term) implies a beside row the same way: an upload beside direct is
 * never faster than alone on most pieces. Dropping p then leaves the feasible set — and the LP's
 * optimum — exactly as it was, with fewer rows for the engine: at 100 stages (bench:plan's seed
 * 1009) 2,034 time rows become 503, 1,298 + 288 beside rows 26 + 6, 855 write and read rows 418;
 * 6,051 rows in all become 2,529.
 * Of identical pieces the first is kept. Pure.
 */
import type { AffinePiece } from "../../model/types.js";

/**
 * The piece's row value at the box's corners, y·fixed + f·perFraction − bigM·(1 − y_direct) for
 * (y, f) ∈ {(0, 0), (1, 0), (1, 1)} × y_direct ∈ {0, 1}, written out (the same floating-point values).
 */
function corners(p: AffinePiece, bigMs: number): Float64Array {
  const full = p.fixedMs + p.perFractionMs;
  return Float64Array.of(-bigMs, 0, p.fixedMs - bigMs, p.fixedMs, full - bigMs, full);
}

/** q ≥ p at every corner. */
function covers(q: Float64Array, p: Float64Array): boolean {
  for (let c = 0; c < 6; c++) if (q[c]! < p[c]!) return false;
  return true;
}

/** q > p at some corner. */
function exceeds(q: Float64Array, p: Float64Array): boolean {
  for (let c = 0; c < 6; c++) if (q[c]! > p[c]!) return true;
  return false;
}

/**
 * The pieces no other piece implies, in their order. `bigMs(p)`: the big-M of p's row (0 for a
 * plain time, write or read row). `plain`: the option's rows without a big-M term, which may
 * imply these too.
 */
export function undominatedPieces(pieces: readonly AffinePiece[], bigMs: (p: AffinePiece) => number = () => 0, plain: readonly AffinePiece[] = []): AffinePiece[] {
  if (pieces.length <= 1 && plain.length === 0) return [...pieces]; // nothing else to imply it
  const at = pieces.map((p) => corners(p, bigMs(p)));
  const plainAt = plain.map((p) => corners(p, 0));
  const kept: AffinePiece[] = [];
  pieces.forEach((piece, k) => {
    const p = at[k]!;
    if (plainAt.some((q) => covers(q, p))) return;
    // q ≥ p everywhere: drop p, unless they are equal and p comes first
    if (at.some((q, j) => j !== k && covers(q, p) && (exceeds(q, p) || j < k))) return;
    kept.push(piece);
  });
  return kept;
}
