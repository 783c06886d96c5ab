import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { ModeShare } from "../../model/types.js";
import { buildTestProblem, diamondSpec } from "../../../test/support/solve-problems.js";
import { extractAssignment } from "./extract.js";
import { admitName, fractionName, useName } from "./names.js";

// The diamond: edge 0 (s0 → s1) offers vm-local (whole only), direct, remote and cache; edge 1
// (s1 → s2) direct, remote and cache; edge 2 (s0 → s2) the same four as edge 0.
const problem = buildTestProblem(diamondSpec(8, 1769));
const noSplits = buildTestProblem(diamondSpec(8, 1769), { allowSplits: false });

/** MILP values with edges 1 and 2 whole direct, edge 0 as given (mode → [y, f]). */
function valuesWith(edge0: Record<string, [number, number]>, extra: Record<string, number> = {}): Record<string, number> {
  const values: Record<string, number> = { ...extra };
  for (const i of [1, 2]) {
    values[useName(i, "direct")] = 1;
    values[fractionName(i, "direct")] = 1;
  }
  for (const [mode, [y, f]] of Object.entries(edge0)) {
    values[useName(0, mode as ModeShare["mode"])] = y;
    values[fractionName(0, mode as ModeShare["mode"])] = f;
  }
  return values;
}

describe("extractAssignment reads shares back with tolerance", () => {
  const cases: { label: string; edge0: Record<string, [number, number]>; splits?: false; extra?: Record<string, number>; shares: ModeShare[]; admitted: string[] }[] = [
    // the reported crash: 0.99999993 + 7e-8 is vm-local alone (7e-8 < SNAP_FRACTION = 1e-6)
    { label: "a sliver beside a whole vm-local edge snaps to 0", edge0: { "vm-local": [1, 0.99999993], direct: [1, 7e-8] }, shares: [{ mode: "vm-local", fraction: 1 }], admitted: [] },
    // 0.6 / (0.6 + 0.3) = 2/3, 0.3 / 0.9 = 1/3: renormalised over what is kept
    { label: "a real split renormalises to sum 1", edge0: { direct: [1, 0.6], remote: [1, 0.3] }, shares: [{ mode: "direct", fraction: 2 / 3 }, { mode: "remote", fraction: 1 / 3 }], admitted: [] },
    // 2e-6 ≥ 1e-6 is kept; the rest 0.999998 / 1 → 1 − 2e-6
    { label: "a share just above the threshold stays", edge0: { direct: [1, 0.999998], remote: [1, 2e-6] }, shares: [{ mode: "direct", fraction: 0.999998 }, { mode: "remote", fraction: 2e-6 }], admitted: [] },
    // vm-local cannot be split: the larger of vm-local 0.999997 and direct 3e-6 serves the edge alone
    { label: "an unsplittable mode keeps the edge whole", edge0: { "vm-local": [1, 0.999997], direct: [1, 3e-6] }, shares: [{ mode: "vm-local", fraction: 1 }], admitted: [] },
    // y = 0 means unused whatever f says (f ≤ y holds within tolerance)
    { label: "an unused mode is ignored", edge0: { direct: [1, 1], remote: [0, 4e-7] }, shares: [{ mode: "direct", fraction: 1 }], admitted: [] },
    // splits off: the largest share alone, 0.7 → 1
    { label: "splits off keep the largest share", edge0: { direct: [1, 0.7], remote: [1, 0.3] }, splits: false, shares: [{ mode: "direct", fraction: 1 }], admitted: [] },
    // a cache share read back and s0 admitted (a = 1)
    { label: "a cache share admits its producer", edge0: { cache: [1, 1] }, extra: { [admitName("s0")]: 1 }, shares: [{ mode: "cache", fraction: 1 }], admitted: ["s0"] },
    // the cache sliver snaps away, so nothing reads s0 from the cache: admission dropped
    { label: "an admission only a snapped sliver read is dropped", edge0: { direct: [1, 0.9999995], cache: [1, 5e-7] }, extra: { [admitName("s0")]: 1 }, shares: [{ mode: "direct", fraction: 1 }], admitted: [] },
  ];
  for (const c of cases) {
    it(c.label, () => {
      const p = c.splits === false ? noSplits : problem;
      const a = extractAssignment(p, valuesWith(c.edge0, c.extra));
      expect(a.edges[0]!.map((s) => s.mode)).toEqual(c.shares.map((s) => s.mode));
      a.edges[0]!.forEach((s, k) => expect(s.fraction).toBeCloseTo(c.shares[k]!.fraction, 12));
      expect(a.edges[0]!.reduce((sum, s) => sum + s.fraction, 0)).toBe(1);
      expect([...a.admitted]).toEqual(c.admitted);
      const broken = evaluateAssignment(p, a).violations.filter((v) => v.code === "bad-split");
      expect(broken).toEqual([]);
    });
  }
});

describe("extractAssignment refuses values that serve no receiver of an edge", () => {
  it.each([
    // every share of edge 0 unused (y = 0) or below SNAP_FRACTION: nothing serves s0 → s1
    { label: "no mode used", edge0: { direct: [0, 0], remote: [0, 0] } as Record<string, [number, number]> },
    { label: "only slivers", edge0: { direct: [1, 5e-7], remote: [1, 4e-7] } as Record<string, [number, number]> },
    { label: "used with fraction 0", edge0: { direct: [1, 0] } as Record<string, [number, number]> },
  ])("$label: the internal error SLU9003 naming the edge", ({ edge0 }) => {
    // an optimal MILP solution always serves each edge (its rows say Σ f = 1), so only a bug reaches here
    expect(() => extractAssignment(problem, valuesWith(edge0))).toThrow(expect.objectContaining({ code: codeOf("internal.milpServesNoReceiver"), message: expect.stringContaining("s0->s1") }));
  });
});
