import { describe, expect, it } from "vitest";
import { plan } from "../plan.js";
import type { FunctionProfile } from "../../profiles/types.js";
import { compareScores } from "./compare-scores.js";
import { refineAtLimit } from "./refine-at-limit.js";
import { scoreConfiguration } from "./score-configuration.js";
import { sizeStages } from "./size-stages.js";
import type { ConfigurationScore } from "./sizing-types.js";

const MB = 1e6;
const GB = 1e9;
const sink: FunctionProfile = { runtimeMs: () => 50, memoryMb: () => 200, outputBytes: () => 1000, fanout: () => 1 };
// 100 ms + 1 ms per MB read; 100 MB + 1 MB per MB.
const big: FunctionProfile = { runtimeMs: (x) => 100 + x / MB, memoryMb: (x) => 100 + x / MB, outputBytes: (x) => x / 100, fanout: () => 1 };
const profiles = { big, sink };
const dagWith = (instances: unknown) => ({ name: "open", stages: [{ id: "read", function: "big", instances }, { id: "sink", function: "sink" }], edges: [{ from: "read", to: "sink", pattern: "gather" }] });

describe("sizing under a budget that falls between two grid counts", () => {
  it("takes the most instances the budget pays for, off the powers-of-two grid (52, not 32)", async () => {
    // Default platform: 4 cores per VM, each VM billed ≥ 60 s at $0.1536/h = $0.00256 for these
    // sub-minute runs, so cost steps with ⌈n / 4⌉ VMs. A budget that pays for 13 VMs admits up to
    // 52 instances in one wave; the grid's neighbours are 32 (8 VMs, within) and 64 (16 VMs, over).
    const budgetUsd = (await plan(dagWith(52), 20 * GB, { profiles })).predicted.costUsd * (1 + 1e-6);
    const sized = await sizeStages(dagWith("auto"), 20 * GB, { profiles, budgetUsd });
    expect(sized.score.withinLimit).toBe(true);
    expect(sized.score.stages.get("read")!.instances).toBe(52);
    // Every count up to 64, scored by the same pipeline, is no better (checked one by one).
    for (let n = 1; n <= 64; n++) {
      const other = await scoreConfiguration(sized.context, new Map([["read", { instances: n }]]));
      expect(compareScores(other, sized.score, "latency"), `${n} readers`).toBeGreaterThanOrEqual(0);
    }
    expect(sized.report.stages.find((s) => s.stageId === "read")!.reason).toContain("53 instances: over the budget");
  });

  it("under a deadline, takes the cheapest count that meets it (52, not the grid's 64)", async () => {
    // 20 GB over n readers: 100 + 20,000 / n ms each. Counts 49–52 bill the same 13 VMs; a deadline
    // met from 50 readers on admits, on the grid, only 64 (16 VMs, 23% dearer). Between 50 and 52
    // the costs tie (within 1%) and the tie goes to the shorter makespan: 52.
    const at = async (n: number) => (await plan(dagWith(n), 20 * GB, { profiles, objective: "cost" })).predicted;
    const deadlineMs = (await at(50)).makespanMs * (1 + 1e-9);
    expect((await at(49)).makespanMs).toBeGreaterThan(deadlineMs);
    const sized = await sizeStages(dagWith("auto"), 20 * GB, { profiles, objective: "cost", deadlineMs });
    expect(sized.score.withinLimit).toBe(true);
    expect(sized.score.stages.get("read")!.instances).toBe(52);
    expect(sized.score.costUsd).toBeCloseTo((await at(52)).costUsd, 12);
    expect(sized.score.costUsd).toBeLessThan((await at(64)).costUsd);
  });
});

describe("refineAtLimit", () => {
  const score = (withinUpTo: number) => async (n: number): Promise<ConfigurationScore> => ({ ok: true, withinLimit: n <= withinUpTo, makespanMs: 1000 / n, costUsd: n, stages: new Map() });
  it.each([
    // boundary 52 between 32 and 64: bisection scores 48, 56, 52, 54, 53 (⌈log2 32⌉ = 5)
    [[1, 32, 64], 52, [48, 56, 52, 54, 53]],
    // no pair straddles the limit: nothing to refine
    [[1, 32, 64], 100, []],
    // adjacent counts: nothing between them
    [[31, 32], 31, []],
  ])("counts %j, within up to %i → scores %j", async (counts, within, expected) => {
    expect(await refineAtLimit(counts, score(within), () => 100)).toEqual(expected);
  });
  it("stops when the caller's evaluation budget runs out", async () => {
    let left = 2;
    expect(await refineAtLimit([1, 32, 64], async (n) => (left--, score(52)(n)), () => left)).toHaveLength(0);
  });
});
