import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { buildTestProblem, diamondSpec } from "../../test/support/solve-problems.js";
import type { TransferMode } from "./types.js";

// The diamond: edges s0→s1, s1→s2, s0→s2 (see src/solve/milp/extract.test.ts).
const spec = diamondSpec(8, 1769);

describe("buildProblem: the modes allowed", () => {
  it.each([
    // SONIC's choice: every candidate is one of the three
    { modes: ["vm-local", "direct", "remote"] },
    { modes: ["remote"] },
  ])("offers only $modes", ({ modes }) => {
    const problem = buildTestProblem(spec, { modes: modes as TransferMode[] });
    for (const e of problem.edges) for (const o of e.options) expect(modes).toContain(o.mode);
  });

  it.each([
    // plan() refuses these in its options schema first (SLU1xxx); buildProblem guards its own callers
    { label: "no modes", modes: [] as string[] },
    { label: "a mode that does not exist", modes: ["remote", "carrier-pigeon"] },
  ])("$label is SLU1010 naming options.modes", ({ modes }) => {
    expect(() => buildTestProblem(spec, { modes: modes as TransferMode[] })).toThrow(expect.objectContaining({ code: codeOf("option.modesUnknownOrEmpty"), issues: [expect.objectContaining({ path: ["options", "modes"], actual: JSON.stringify(modes) })] }));
  });
});
