import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AffinePiece } from "../../model/types.js";
import { undominatedPieces } from "./dominated-pieces.js";

const piece = (fixedMs: number, perFractionMs: number): AffinePiece => ({ fixedMs, perFractionMs });
const besideM = (p: AffinePiece) => p.fixedMs + Math.max(0, p.perFractionMs);

describe("undominatedPieces", () => {
  const cases: { name: string; pieces: AffinePiece[]; bigM?: (p: AffinePiece) => number; plain?: AffinePiece[]; kept: AffinePiece[] }[] = [
    // (10, 5) at the corners: 0, 10, 15; (8, 2): 0, 8, 10 — below everywhere, dropped
    { name: "a piece below another at f = 0 and f = 1", pieces: [piece(10, 5), piece(8, 2)], kept: [piece(10, 5)] },
    // (10, 0): 10 at both ends; (2, 20): 2 then 22 — they cross, both stay
    { name: "crossing pieces", pieces: [piece(10, 0), piece(2, 20)], kept: [piece(10, 0), piece(2, 20)] },
    // equal pieces: the first is kept
    { name: "equal pieces", pieces: [piece(4, 4), piece(4, 4)], kept: [piece(4, 4)] },
    // beside rows with M = fixed + max(0, perFraction): (10, 5) has M 15, at (y, f, y_direct) = (0, 0, 0) −15;
    // (8, 2) has M 10, −10 there: above, so (8, 2) is not implied although it is below at y_direct = 1
    { name: "beside rows: a larger big-M is weaker at y_direct = 0", pieces: [piece(10, 5), piece(8, 2)], bigM: besideM, kept: [piece(10, 5), piece(8, 2)] },
    // (10, 0), M 10, and (10, −4), M 10: corners (y, f) = (1, 1) give 10 and 6, the rest equal — dropped
    { name: "beside rows with the same big-M", pieces: [piece(10, 0), piece(10, -4)], bigM: besideM, kept: [piece(10, 0)] },
    // a plain row implies a beside row below it at y_direct = 1: (10, 5) plain is 10, 15 at (1, 0), (1, 1);
    // the beside (10, 5) is that minus 15·(1 − y_direct), never above
    { name: "beside rows under a plain row", pieces: [piece(10, 5)], bigM: besideM, plain: [piece(10, 5)], kept: [] },
    // the beside (2, 20) reaches 22 at (1, 1, 1), above the plain (10, 5)'s 15: kept
    { name: "beside rows above a plain row", pieces: [piece(2, 20)], bigM: besideM, plain: [piece(10, 5)], kept: [piece(2, 20)] },
  ];
  for (const c of cases) it(c.name, () => expect(undominatedPieces(c.pieces, c.bigM, c.plain)).toEqual(c.kept));

  // The invariant that keeps the LP unchanged: at every (y, f, y_direct) with 0 ≤ f ≤ y ≤ 1 the
  // tightest row over the kept pieces (and the plain rows) is the tightest over all of them.
  it("keeps the maximum row value at every point of the relaxation's box", () => {
    const pieceArb = fc.record({ fixedMs: fc.double({ min: 0, max: 1000, noNaN: true }), perFractionMs: fc.double({ min: -500, max: 1000, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(pieceArb, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.array(pieceArb, { maxLength: 4 }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 20 }), (pieces, beside, plain, points) => {
        const bigM = beside ? besideM : () => 0;
        const kept = undominatedPieces(pieces, bigM, plain);
        if (plain.length === 0) expect(kept.length).toBeGreaterThan(0);
        const value = (p: AffinePiece, y: number, f: number, yd: number) => p.fixedMs * y + p.perFractionMs * f - bigM(p) * (1 - yd);
        for (const [y, share, yd] of points) {
          const f = share * y;
          // the plain rows stay in the model beside these: the maximum over both is what must not move
          const plainMax = Math.max(-Infinity, ...plain.map((p) => p.fixedMs * y + p.perFractionMs * f));
          const all = Math.max(plainMax, ...pieces.map((p) => value(p, y, f, yd)));
          const some = Math.max(plainMax, ...kept.map((p) => value(p, y, f, yd)));
          expect(some).toBeCloseTo(all, 6);
        }
      }),
      { numRuns: 500, seed: 20_261_203 },
    );
  });
});
