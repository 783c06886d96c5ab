/**
 * Random plans for a Problem, for property tests of bounds: per edge a random feasible mode, or
 * (when splits are allowed) a random split over two or three splittable modes at random fractions;
 * every producer of a cache share admitted. The plan may break vm-local's placement rules or the
 * cache capacity — callers keep the ones the model accepts.
 */
import type { Assignment, ModeShare, Problem } from "../../src/model/types.js";
import { TRANSFER_MODES } from "../../src/platform/schema.js";

export function randomAssignment(problem: Problem, rand: () => number): Assignment {
  const admitted = new Set<string>();
  const edges = problem.edges.map((cands): ModeShare[] => {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const splittable = cands.options.filter((o) => o.splittable);
    let shares: ModeShare[];
    if (problem.allowSplits && splittable.length >= 2 && rand() < 0.5) {
      const used = [...splittable].sort(() => rand() - 0.5).slice(0, rand() < 0.7 ? 2 : 3);
      const weights = used.map(() => 0.05 + rand());
      const total = weights.reduce((a, b) => a + b, 0);
      let rest = 1;
      shares = used.map((o, k) => {
        const fraction = k === used.length - 1 ? rest : weights[k]! / total;
        rest -= fraction;
        return { mode: o.mode, fraction };
      });
    } else shares = [{ mode: pick(cands.options).mode, fraction: 1 }];
    if (shares.some((s) => s.mode === "cache")) admitted.add(cands.from);
    return shares.sort((a, b) => TRANSFER_MODES.indexOf(a.mode) - TRANSFER_MODES.indexOf(b.mode));
  });
  return { edges, admitted };
}
