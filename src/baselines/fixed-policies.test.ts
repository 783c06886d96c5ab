import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { buildTestProblem, diamondSpec } from "../../test/support/solve-problems.js";
import { allDirect, allRemote, allVmLocal, cloudburst } from "./fixed-policies.js";

// The diamond: edges s0→s1, s1→s2, s0→s2 (see src/solve/milp/extract.test.ts).
const spec = diamondSpec(8, 1769);

describe("fixed policies", () => {
  it.each([
    { policy: allRemote, modes: ["remote", "remote", "remote"] },
    { policy: allDirect, modes: ["direct", "direct", "direct"] },
  ])("$policy.name picks its mode on every edge where it is offered", ({ policy, modes }) => {
    const a = policy(buildTestProblem(spec));
    expect(a.edges.map((shares) => shares.map((s) => s.mode).join("+"))).toEqual(modes);
  });

  it.each([
    // remote is not allowed: all-remote falls back to direct, its stated second choice
    { policy: allRemote, allowed: ["direct", "cache"] as const, modes: ["direct", "direct", "direct"] },
    // direct is not allowed: all-direct falls back to remote
    { policy: allDirect, allowed: ["remote"] as const, modes: ["remote", "remote", "remote"] },
  ])("$policy.name falls back when its mode is not offered", ({ policy, allowed, modes }) => {
    const a = policy(buildTestProblem(spec, { modes: allowed }));
    expect(a.edges.map((shares) => shares.map((s) => s.mode).join("+"))).toEqual(modes);
  });

  it.each([allRemote, allDirect, allVmLocal, cloudburst])("%o on edges that offer only the cache is SLU9006, not a plan that breaks the model", (policy) => {
    // only the cache is allowed, and these policies admit no producer, so no edge has a mode they can use
    const problem = buildTestProblem(spec, { modes: ["cache"] });
    expect(() => policy(problem)).toThrow(expect.objectContaining({ code: codeOf("internal.noCandidatePlan"), message: expect.stringContaining("only the cache mode") }));
  });
});
