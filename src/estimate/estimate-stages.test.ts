/**
 * Stage estimation with hand-written profiles. "copy": 1 ms per MB of instance input, 256 MB,
 * output = input, fanout given per case; MB = 10^6 B.
 */
import { describe, expect, it } from "vitest";
import { validateDag } from "../dag/validate-dag.js";
import { type Issue } from "../errors.js";
import { toProfileProvider, type FunctionProfile, type ProfileProvider, type TargetQuantiles } from "../profiles/types.js";
import { estimateStages } from "./estimate-stages.js";
import { thrownInputError } from "../../test/support/input-error.js";

const MB = 1e6;

const copy = (fanout: number): FunctionProfile => ({
  runtimeMs: (b) => b / MB,
  memoryMb: () => 256,
  outputBytes: (b) => b,
  fanout: () => fanout,
});

const PROFILES = toProfileProvider({ copy: copy(4), fan3: copy(3), fan2_5: copy(2.5), fan0: copy(0.2) });

const issuesOf = (run: () => unknown): Issue[] => [...thrownInputError(run).issues];

describe("instances rule", () => {
  it.each([
    // A root runs 1 instance unless fixed.
    { name: "root, not fixed → 1", stages: [{ id: "r", function: "copy" }], edges: [], stage: "r", instances: 1 },
    { name: "fixed count wins", stages: [{ id: "r", function: "copy" }, { id: "v", function: "copy", instances: 7 }], edges: [{ from: "r", to: "v", pattern: "shuffle" }], stage: "v", instances: 7 },
    // Producer r (3 fixed, fanout 4): one-to-one ignores the fanout.
    { name: "one-to-one → n_u", stages: [{ id: "r", function: "copy", instances: 3 }, { id: "v", function: "copy" }], edges: [{ from: "r", to: "v", pattern: "one-to-one" }], stage: "v", instances: 3 },
    { name: "gather → 1", stages: [{ id: "r", function: "copy", instances: 3 }, { id: "v", function: "copy" }], edges: [{ from: "r", to: "v", pattern: "gather" }], stage: "v", instances: 1 },
    { name: "shuffle → round(fanout) = 4", stages: [{ id: "r", function: "copy", instances: 3 }, { id: "v", function: "copy" }], edges: [{ from: "r", to: "v", pattern: "shuffle" }], stage: "v", instances: 4 },
    { name: "broadcast → round(2.5) = 3", stages: [{ id: "r", function: "fan2_5", instances: 3 }, { id: "v", function: "copy" }], edges: [{ from: "r", to: "v", pattern: "broadcast" }], stage: "v", instances: 3 },
    { name: "fanout 0.2 → at least 1", stages: [{ id: "r", function: "fan0" }, { id: "v", function: "copy" }], edges: [{ from: "r", to: "v", pattern: "shuffle" }], stage: "v", instances: 1 },
    // Scatter from 3: fanout 4 rounded up to a multiple of 3 → 6.
    { name: "scatter → fanout rounded up to a multiple of n_u", stages: [{ id: "r", function: "copy", instances: 3 }, { id: "v", function: "copy" }], edges: [{ from: "r", to: "v", pattern: "scatter" }], stage: "v", instances: 6 },
    // Two shuffle producers with fanouts 4 and 3 → the largest, 4.
    {
      name: "several producers → the largest fanout",
      stages: [{ id: "a", function: "fan3" }, { id: "b", function: "copy" }, { id: "v", function: "copy" }],
      edges: [{ from: "a", to: "v", pattern: "shuffle" }, { from: "b", to: "v", pattern: "broadcast" }],
      stage: "v",
      instances: 4,
    },
    // A one-to-one input fixes the count even beside a shuffle input with a larger fanout.
    {
      name: "one-to-one beside a shuffle → n_u of the one-to-one producer",
      stages: [{ id: "a", function: "copy", instances: 2 }, { id: "b", function: "copy", instances: 9 }, { id: "v", function: "copy" }],
      edges: [{ from: "a", to: "v", pattern: "one-to-one" }, { from: "b", to: "v", pattern: "shuffle" }],
      stage: "v",
      instances: 2,
    },
  ])("$name", ({ stages, edges, stage, instances }) => {
    const dag = validateDag({ stages, edges });
    expect(estimateStages(dag, 100 * MB, PROFILES).stages.get(stage)!.instances).toBe(instances);
  });
});

describe("per-pattern flows", () => {
  // Root r: 4 instances read 400 MB / 4 = 100 MB each and write 100 MB each: D = 400 MB.
  const dag = validateDag({
    stages: [
      { id: "r", function: "copy", instances: 4 },
      { id: "oto", function: "copy", instances: 4 },
      { id: "sca", function: "copy", instances: 8 },
      { id: "bro", function: "copy", instances: 3 },
      { id: "shu", function: "copy", instances: 5 },
      { id: "gat", function: "copy", instances: 1 },
    ],
    edges: [
      { from: "r", to: "oto", pattern: "one-to-one" },
      { from: "r", to: "sca", pattern: "scatter" },
      { from: "r", to: "bro", pattern: "broadcast" },
      { from: "r", to: "shu", pattern: "shuffle" },
      { from: "r", to: "gat", pattern: "gather" },
    ],
  });
  const est = estimateStages(dag, 400 * MB, PROFILES);

  it("root reads the app input split over its instances", () => {
    expect(est.stages.get("r")).toMatchObject({ instances: 4, instanceInputBytes: 100 * MB, stageInputBytes: 400 * MB, runtimeMs: 100, memoryMb: 256, instanceOutputBytes: 100 * MB, outputBytes: 400 * MB, predictedFanout: 4 });
  });

  it("a root with an inputFraction reads that share of the app input", () => {
    // 400 MB app input · 0.25 = 100 MB over 2 instances = 50 MB each.
    const d = validateDag({ stages: [{ id: "r", function: "copy", instances: 2, inputFraction: 0.25 }] });
    const e = estimateStages(d, 400 * MB, PROFILES);
    expect(e.stages.get("r")).toMatchObject({ instanceInputBytes: 50 * MB, stageInputBytes: 100 * MB });
  });

  it.each([
    // bytesPerReader, bytesOutPerSender, putsPerSender, getsPerReader, totalReadBytes (MB)
    { to: "oto", perReader: 100, outPerSender: 100, puts: 1, gets: 1, totalRead: 400 }, // D / n_u; 4 · 100
    { to: "sca", perReader: 50, outPerSender: 100, puts: 2, gets: 1, totalRead: 400 }, // D / n_v = 400 / 8; puts n_v / n_u = 2
    { to: "bro", perReader: 400, outPerSender: 300, puts: 1, gets: 4, totalRead: 1200 }, // D; (D / n_u) · n_v = 100 · 3; 3 · 400
    { to: "shu", perReader: 80, outPerSender: 100, puts: 1, gets: 4, totalRead: 400 }, // D / n_v = 400 / 5; one ranged GET per sender
    { to: "gat", perReader: 400, outPerSender: 100, puts: 1, gets: 4, totalRead: 400 }, // D to the single reader
  ])("r → $to", ({ to, perReader, outPerSender, puts, gets, totalRead }) => {
    const i = dag.edges.findIndex((e) => e.to === to);
    const flow = est.flows[i]!;
    expect(flow).toMatchObject({ senders: 4, totalBytes: 400 * MB, bytesPerSender: 100 * MB, putsPerSender: puts, getsPerReader: gets });
    expect(flow.bytesPerReader).toBeCloseTo(perReader * MB, 6);
    expect(flow.bytesOutPerSender).toBeCloseTo(outPerSender * MB, 6);
    expect(flow.totalReadBytes).toBeCloseTo(totalRead * MB, 6);
    // The consumer's instance input is what its one edge carries; its runtime is 1 ms per MB.
    const v = est.stages.get(to)!;
    expect(v.instanceInputBytes).toBeCloseTo(perReader * MB, 6);
    expect(v.runtimeMs).toBeCloseTo(perReader, 9);
    expect(v.stageInputBytes).toBeCloseTo(totalRead * MB, 6);
  });

  it("a stage with several inputs reads the sum of what they carry", () => {
    // r (1 instance, 10 MB out) → v by broadcast (10 MB each) and q (1 instance, 10 MB) → v by shuffle (10/4 MB each).
    const d = validateDag({
      stages: [{ id: "r", function: "copy" }, { id: "q", function: "copy" }, { id: "v", function: "copy", instances: 4 }],
      edges: [{ from: "r", to: "v", pattern: "broadcast" }, { from: "q", to: "v", pattern: "shuffle" }],
    });
    expect(estimateStages(d, 10 * MB, PROFILES).stages.get("v")!.instanceInputBytes).toBeCloseTo(12.5 * MB, 6);
  });
});

describe("estimation errors", () => {
  it("a profile returning NaN names the function and the target", () => {
    const bad: FunctionProfile = { ...copy(1), runtimeMs: () => Number.NaN, outputBytes: () => -1 };
    const provider = toProfileProvider({ copy: copy(1), bad });
    const dag = validateDag({ stages: [{ id: "r", function: "copy" }, { id: "v", function: "bad" }], edges: [{ from: "r", to: "v", pattern: "one-to-one" }] });
    const issues = issuesOf(() => estimateStages(dag, 5 * MB, provider));
    expect(issues.map((i) => i.path)).toEqual([
      ["profiles", "bad", "runtimeMs"],
      ["profiles", "bad", "outputBytes"],
    ]);
    expect(issues[0]).toMatchObject({ code: "SLU4024", actual: "NaN", expected: "a finite number ≥ 0" });
    expect(issues[0]!.message).toContain("5000000 input bytes");
    expect(issues[1]!.actual).toBe("-1");
  });

  it("an infinite fanout is reported against the fanout target", () => {
    const provider = toProfileProvider({ inf: copy(Number.POSITIVE_INFINITY) });
    const dag = validateDag({ stages: [{ id: "r", function: "inf" }] });
    expect(issuesOf(() => estimateStages(dag, MB, provider)).map((i) => i.path)).toEqual([["profiles", "inf", "fanout"]]);
  });

  it("a function without a profile names the stage", () => {
    const dag = validateDag({ stages: [{ id: "r", function: "copy" }, { id: "v", function: "mystery" }], edges: [{ from: "r", to: "v", pattern: "shuffle" }] });
    const issues = issuesOf(() => estimateStages(dag, MB, PROFILES));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "SLU2019", path: ["stages", "v", "function"], actual: "\"mystery\"" });
  });

  it("predicted counts that contradict a pattern name the edge", () => {
    // v takes n = 3 from its first one-to-one input (a); b → v is one-to-one from 2 instances.
    const dag = validateDag({
      stages: [{ id: "a", function: "copy", instances: 3 }, { id: "b", function: "copy", instances: 2 }, { id: "v", function: "copy" }],
      edges: [{ from: "a", to: "v", pattern: "one-to-one" }, { from: "b", to: "v", pattern: "one-to-one" }],
    });
    const issues = issuesOf(() => estimateStages(dag, MB, PROFILES));
    expect(issues).toEqual([expect.objectContaining({ code: "SLU6010", path: ["edges", "b->v", "pattern"], actual: "2 → 3" })]);
  });

  it("asks the provider once per function at the requested quantiles, and probes once whether it spreads", () => {
    const calls: [string, TargetQuantiles][] = [];
    const provider: ProfileProvider = {
      kind: "provider",
      functionNames: ["copy"],
      profileFor: (name, q) => {
        calls.push([name, q]);
        return copy(2);
      },
    };
    const dag = validateDag({ stages: [{ id: "a", function: "copy" }, { id: "b", function: "copy" }], edges: [{ from: "a", to: "b", pattern: "scatter" }] });
    estimateStages(dag, MB, provider, { memoryMb: 0.9 });
    // the profile answers the same at every quantile: a point profile, read once more at 0.1 and 0.9 to tell
    expect(calls).toEqual([
      ["copy", { memoryMb: 0.9 }],
      ["copy", { runtimeMs: 0.1, memoryMb: 0.1, outputBytes: 0.1 }],
      ["copy", { runtimeMs: 0.9, memoryMb: 0.9, outputBytes: 0.9 }],
    ]);
  });
});
