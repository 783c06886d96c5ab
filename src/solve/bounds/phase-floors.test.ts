import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { EdgeCandidates, ModeOption } from "../../model/types.js";
import { randomAssignment } from "../../../test/support/random-assignment.js";
import { buildTestProblem, problemSpecArb } from "../../../test/support/solve-problems.js";
import { fastestWithHosting } from "../dp/fastest-with-hosting.js";
import { phaseFloors, phaseStartFloorMs } from "./phase-floors.js";

const option = (mode: ModeOption["mode"], splittable: boolean, write: [number, number][], read: [number, number][], besideDirectWrite?: [number, number][]): ModeOption =>
  ({
    mode,
    splittable,
    writePieces: write.map(([fixedMs, perFractionMs]) => ({ fixedMs, perFractionMs })),
    readPieces: read.map(([fixedMs, perFractionMs]) => ({ fixedMs, perFractionMs })),
    ...(besideDirectWrite === undefined ? {} : { besideDirectWrite: besideDirectWrite.map(([fixedMs, perFractionMs]) => ({ fixedMs, perFractionMs })) }),
  }) as unknown as ModeOption;
const edge = (...options: ModeOption[]) => ({ options }) as unknown as EdgeCandidates;

describe("phaseFloors", () => {
  const cases: { name: string; edge: EdgeCandidates; allowSplits: boolean; writeMs: number; readMs: number }[] = [
    // whole: write pieces at f = 1: max(10 + 90, 50 + 0) = 100; read 5 + 20 = 25
    { name: "one whole mode", edge: edge(option("remote", false, [[10, 90], [50, 0]], [[5, 20]])), allowSplits: true, writeMs: 100, readMs: 25 },
    // splittable, splits on: each piece at its least over f: max(min(10, 100), min(50, 50)) = 50; read min(5, 25) = 5
    { name: "a splittable mode, splits on", edge: edge(option("remote", true, [[10, 90], [50, 0]], [[5, 20]])), allowSplits: true, writeMs: 50, readMs: 5 },
    // the same with splits off: whole again, 100 and 25
    { name: "a splittable mode, splits off", edge: edge(option("remote", true, [[10, 90], [50, 0]], [[5, 20]])), allowSplits: false, writeMs: 100, readMs: 25 },
    // two modes: the least of each phase over them: write min(100, 30 + 0) = 30, read min(25, 40) = 25
    { name: "the least over modes", edge: edge(option("remote", false, [[10, 90]], [[5, 20]]), option("cache", false, [[30, 0]], [[40, 0]])), allowSplits: true, writeMs: 30, readMs: 25 },
    // beside direct the upload writes 70 + 10 = 80 < 100: the floor takes 80
    { name: "a cheaper write beside direct", edge: edge(option("remote", false, [[10, 90]], [[5, 20]], [[70, 10]])), allowSplits: true, writeMs: 80, readMs: 25 },
    // vm-local: no phases at all, floor 0 for both
    { name: "no pieces", edge: edge(option("vm-local", false, [], [])), allowSplits: true, writeMs: 0, readMs: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const floors = phaseFloors([c.edge], c.allowSplits);
      expect(floors.writeFloorMs[0]).toBe(c.writeMs);
      expect(floors.readFloorMs[0]).toBe(c.readMs);
    });
  }

  it("starts a stage after one input's write and another's read", () => {
    const floors = { writeFloorMs: [10, 20, 5], readFloorMs: [7, 3, 9] };
    const finish = [100, 50, 80];
    // pairs: 0 then the largest other read (9, edge 2): 100 + 10 + 9 = 119; 1 then 9: 50 + 20 + 9 = 79;
    // 2 then the largest other read (7, edge 0): 80 + 5 + 7 = 92 → 119
    expect(phaseStartFloorMs([0, 1, 2], (i) => finish[i]!, floors)).toBe(119);
    // one input: no pair, 0
    expect(phaseStartFloorMs([0], (i) => finish[i]!, floors)).toBe(0);
  });

  it("keeps the fastest-plan bound below every plan the model accepts, splits included", () => {
    fc.assert(
      fc.property(problemSpecArb(6), fc.boolean(), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (spec, allowSplits, seed) => {
        const problem = buildTestProblem(spec, { allowSplits });
        const { boundMs } = fastestWithHosting(problem);
        let state = seed;
        const rand = () => ((state = (state * 48271) % 2147483647) / 2147483647);
        for (let k = 0; k < 20; k++) {
          const e = evaluateAssignment(problem, randomAssignment(problem, rand));
          if (e.violations.some((v) => v.code === "vm-local-conflict" || v.code === "vm-local-chain" || v.code === "bad-split")) continue;
          expect(boundMs).toBeLessThanOrEqual(e.makespanMs * (1 + 1e-9) + 1e-9);
        }
      }),
      { numRuns: 150, seed: 20_261_203 },
    );
  });
});
