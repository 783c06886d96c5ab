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

/** The piece's row value at the box's corners: y·fixed + f·perFraction − bigM·(1 − y_direct). */
function corners(p: AffinePiece, bigMs: number): number[] {
  const values: number[] = [];
  for (const [y, f] of [[0, 0], [1, 0], [1, 1]] as const) {
    for (const yd of [0, 1]) values.push(y * p.fixedMs + f * p.perFractionMs - bigMs * (1 - yd));
  }
  return values;
}

/**
 * The pieces no other piece implies, in their order. `bigMs(p)`: the big-M of p's row (0 for a
 * plain time, write or read row). `plain`: the option's rows without a big-M term, which may
 * imply these too.
 */
export function undominatedPieces(pieces: readonly AffinePiece[], bigMs: (p: AffinePiece) => number = () => 0, plain: readonly AffinePiece[] = []): AffinePiece[] {
  const at = pieces.map((p) => corners(p, bigMs(p)));
  const plainAt = plain.map((p) => corners(p, 0));
  return pieces.filter((_, k) =>
    !plainAt.some((q) => q.every((v, c) => v >= at[k]![c]!)) &&
    !at.some((q, j) => {
      if (j === k) return false;
      const p = at[k]!;
      if (!q.every((v, c) => v >= p[c]!)) return false;
      // q ≥ p everywhere: drop p, unless they are equal and p comes first
      return q.some((v, c) => v > p[c]!) || j < k;
    }),
  );
}
