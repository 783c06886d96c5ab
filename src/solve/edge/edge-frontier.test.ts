import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { edgeTransferMs } from "../../model/edge-time.js";
import type { ModeOption } from "../../model/types.js";
import { buildTestProblem, problemSpecArb } from "../../../test/support/solve-problems.js";
import { edgeFrontier, type FrontierPoint } from "./edge-frontier.js";

const HAIR = 1 + 1e-9;

/** Whether some frontier point is no slower, no dearer and needs no more than the choice. */
function covered(points: readonly FrontierPoint[], timeMs: number, costUsd: number, usesVmLocal: boolean, usesCache: boolean): boolean {
  return points.some((p) => p.timeMs <= timeMs * HAIR && p.costUsd <= costUsd * HAIR + 1e-15 && (!p.usesVmLocal || usesVmLocal) && (!p.usesCache || usesCache));
}

const costOf = (parts: readonly (readonly [ModeOption, number])[]) => parts.reduce((sum, [o, f]) => sum + o.fixedUsd + o.perFractionUsd * f, 0);

describe("edgeFrontier", () => {
  it("covers every whole mode and every split over two or three modes at any fractions", () => {
    fc.assert(
      fc.property(problemSpecArb(4), fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 24, maxLength: 24 }), (spec, weights) => {
        const problem = buildTestProblem(spec);
        for (const cands of problem.edges) {
          const points = edgeFrontier(cands, true);
          for (const o of cands.options) expect(covered(points, edgeTransferMs([[o, 1]]), costOf([[o, 1]]), o.mode === "vm-local", o.requiresAdmission)).toBe(true);
          const splittable = cands.options.filter((o) => o.splittable);
          let w = 0;
          for (let a = 0; a < splittable.length; a++) {
            for (let b = a + 1; b < splittable.length; b++) {
              for (const c of [undefined, ...splittable.slice(b + 1)]) {
                const used = c === undefined ? [splittable[a]!, splittable[b]!] : [splittable[a]!, splittable[b]!, c];
                const raw = used.map(() => weights[w++ % weights.length]!);
                const total = raw.reduce((x, y) => x + y, 0);
                const parts = used.map((o, k) => [o, raw[k]! / total] as const);
                expect(covered(points, edgeTransferMs(parts), costOf(parts), false, used.some((o) => o.requiresAdmission))).toBe(true);
              }
            }
          }
        }
      }),
      { numRuns: 200, seed: 31 },
    );
  });

  it("lists whole modes exactly and leaves excluded modes out", () => {
    const [spec] = fc.sample(problemSpecArb(3), { numRuns: 1, seed: 4 });
    const cands = buildTestProblem(spec!).edges[0]!;
    const points = edgeFrontier(cands, false, true);
    // whole modes only: every point is some option's exact (time at f = 1, cost at f = 1)
    for (const p of points) expect(cands.options.some((o) => o.mode !== "vm-local" && edgeTransferMs([[o, 1]]) === p.timeMs && costOf([[o, 1]]) === p.costUsd)).toBe(true);
  });
});
