import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { evaluate } from "../evaluate.js";
import { plan } from "../plan.js";
import type { FunctionProfile } from "../../profiles/types.js";
import { compareScores } from "./compare-scores.js";
import { scoreConfiguration } from "./score-configuration.js";
import { sizeStages } from "./size-stages.js";
import { rejectedInputError } from "../../../test/support/input-error.js";

const MB = 1e6;
const GB = 1e9;
const sink: FunctionProfile = { runtimeMs: () => 50, memoryMb: () => 200, outputBytes: () => 1000, fanout: () => 1 };
// 1 ms and 1 MB per MB read, on top of 100 ms and 100 MB.
const big: FunctionProfile = { runtimeMs: (x) => 100 + x / MB, memoryMb: (x) => 100 + x / MB, outputBytes: (x) => x / 100, fanout: () => 1 };
const withoutTimings = <T extends { timingsMs?: unknown }>(p: T) => ({ ...p, timingsMs: {} });

const catchError = rejectedInputError;

describe("open instance counts", () => {
  const dag = { name: "open", stages: [{ id: "read", function: "big", instances: "auto" }, { id: "sink", function: "sink" }], edges: [{ from: "read", to: "sink", pattern: "gather" }] };
  const profiles = { big, sink };

  it("are chosen so that memory fits: 20 GB needs ≥ 3 readers (100 + 20000 / n ≤ 8192 MB)", async () => {
    const fixed = await catchError(() => plan({ ...dag, stages: [{ id: "read", function: "big" }, dag.stages[1]!] }, 20 * GB, { profiles }));
    expect(fixed.issues[0]?.path).toEqual(["stages", "read", "memoryMb"]); // one reader: 20,100 MB
    const p = await plan(dag, 20 * GB, { profiles });
    const read = p.placement.find((s) => s.stageId === "read")!;
    expect(read.instances).toBeGreaterThanOrEqual(3);
    expect(read.billedMemoryMb).toBeLessThanOrEqual(8192);
    expect(p.sizing?.stages.find((s) => s.stageId === "read")).toMatchObject({ instancesHow: "sized", instances: read.instances, instanceRange: { min: 1, max: 10000 } });
  });

  it("an open count that a gather fixes at one says so, in the singular", async () => {
    const p = await plan({ ...dag, stages: [dag.stages[0]!, { id: "sink", function: "sink", instances: "auto" }] }, 20 * GB, { profiles });
    expect(p.sizing?.stages.find((s) => s.stageId === "sink")).toMatchObject({ instancesHow: "pattern", instances: 1, reason: "1 instance, fixed by its input pattern" });
  });

  it("under the cost objective, the chosen count is the cheapest on the grid it searched (checked by scoring every count)", async () => {
    const sized = await sizeStages(dag, 20 * GB, { profiles, objective: "cost" });
    const chosen = sized.score;
    // Up to one wave of the default pool (64 VMs × 4 cores = 256), as memory needs no more here.
    for (const n of [1, 2, 4, 8, 16, 32, 64, 128, 256]) {
      const other = await scoreConfiguration(sized.context, new Map([["read", { instances: n }]]));
      expect(compareScores(other, chosen, "cost"), `${n} readers`).toBeGreaterThanOrEqual(0);
    }
    // The neighbour below 4 cannot run: the report says why.
    const small = await scoreConfiguration(sized.context, new Map([["read", { instances: 2 }]]));
    expect(small.ok).toBe(false);
    expect(small.reason).toContain("10100 MB");
  });

  it("are deterministic, and evaluate() re-prices the plan at its own sizing", async () => {
    const a = await plan(dag, 20 * GB, { profiles });
    const b = await plan(dag, 20 * GB, { profiles });
    expect(withoutTimings(a)).toEqual(withoutTimings(b));
    const e = await evaluate(dag, 20 * GB, a, { profiles });
    expect(e.makespanMs).toBeCloseTo(a.predicted.makespanMs, 6);
    expect(e.costUsd).toBeCloseTo(a.predicted.costUsd, 12);
  });

  it("rejects an empty range with a catalogued error naming the stage", async () => {
    const bad = { ...dag, stages: [{ id: "read", function: "big", instances: { min: 8, max: 4 } }, dag.stages[1]!] };
    const err = await catchError(() => plan(bad, 20 * GB, { profiles }));
    expect(err.issues[0]).toMatchObject({ code: codeOf("dag.emptyInstanceRange"), path: ["stages", 0, "instances"] });
  });
});

describe("memory sizes", () => {
  // 1 s of work at 1024 MB that speeds up with the square root of memory; peak 300 MB.
  const scaling: FunctionProfile = { runtimeMs: (_x, m) => 1000 * Math.sqrt(1024 / (m ?? 1024)), memoryMb: () => 300, outputBytes: () => 1000, fanout: () => 1 };
  const flat: FunctionProfile = { runtimeMs: () => 1000, memoryMb: () => 300, outputBytes: () => 1000, fanout: () => 1 };
  const dagOf = (fn: string) => ({ name: "m", stages: [{ id: "work", function: fn, instances: 4 }, { id: "sink", function: "sink" }], edges: [{ from: "work", to: "sink", pattern: "gather" }] });
  const SIZES = [256, 512, 1024, 2048, 4096];
  const memoryOf = (p: Awaited<ReturnType<typeof plan>>) => p.placement.find((s) => s.stageId === "work")!.memoryMb;

  it("without a runtime that falls with memory, each stage gets the smallest size that holds its peak", async () => {
    const p = await plan(dagOf("flat"), 100 * MB, { profiles: { flat, sink }, memorySizes: SIZES });
    expect(memoryOf(p)).toBe(512); // peak 300 MB: 256 is too small
    expect(p.placement.find((s) => s.stageId === "sink")!.memoryMb).toBe(256); // peak 200 MB
    expect(p.sizing?.stages.find((s) => s.stageId === "work")?.reason).toContain("does not fall with memory");
  });

  it("with one, the fastest size within the budget: the largest when unlimited, a smaller one under a tight budget", async () => {
    // Function billing (GB-seconds): under the default VM-pool billing a short run pays the pool's minimum whatever its memory.
    const platform = { billing: { compute: "function" as const } };
    const profiles = { scaling, sink };
    const free = await plan(dagOf("scaling"), 100 * MB, { profiles, platform, memorySizes: SIZES });
    expect(memoryOf(free)).toBe(4096); // runtime 500 ms at 4096 MB vs 1414 ms at 512 MB
    // explained against the size that holds the peak and the next size down, not as "the smallest that holds it"
    const why = free.sizing?.stages.find((s) => s.stageId === "work")?.reason ?? "";
    expect(why).toContain("4096 MB, larger than the 512 MB that holds the predicted peak of 300 MB (larger sizes are tried because the profile's runtime falls with memory)");
    expect(why).toMatch(/2048 MB: [\d.]+% slower/);
    expect(why).not.toContain("the smallest listed size");
    // Cost grows with √m (runtime · memory ∝ √m): a budget between the 512 and 1024 MB plans' costs allows only 512.
    const cost = async (m: number) => (await plan({ ...dagOf("scaling"), stages: [{ id: "work", function: "scaling", instances: 4, memoryMb: m }, { id: "sink", function: "sink", memoryMb: 256 }] }, 100 * MB, { profiles, platform })).predicted.costUsd;
    const [c512, c1024] = [await cost(512), await cost(1024)];
    expect(c1024).toBeGreaterThan(c512);
    const tight = await plan(dagOf("scaling"), 100 * MB, { profiles, platform, memorySizes: SIZES, budgetUsd: (c512 + c1024) / 2 });
    expect(tight.status).toBe("ok");
    expect(memoryOf(tight)).toBe(512);
    expect(tight.predicted.costUsd).toBeLessThanOrEqual((c512 + c1024) / 2);
  });

  it.each([
    ["an empty list", []],
    ["a size above the platform's most", [512, 20000]],
    ["a negative size", [-1]],
  ])("rejects %s, naming memorySizes", async (_label, sizes) => {
    const err = await catchError(() => plan(dagOf("flat"), 100 * MB, { profiles: { flat, sink }, memorySizes: sizes }));
    expect(err.issues[0]?.code).toBe(codeOf("option.memorySizes"));
    expect(err.issues[0]?.path[0]).toBe("memorySizes");
  });
});
