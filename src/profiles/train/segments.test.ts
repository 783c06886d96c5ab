import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { parseCsvTraces } from "../../traces/parse-csv-traces.js";
import { workflowTraceCsv, WORKFLOW_LAWS } from "../../../test/support/workflow-traces.js";
import { trainProfiles } from "./train-profiles.js";

const MB = 1e6;
const RUNTIME = { runtimeMs: { expr: "(end - start) * 1000" } } as const;

describe("cold and warm invocations are profiled apart", async () => {
  // 40 runs over 1–64 MB, every 4th run cold (+800 ms on every invocation of the run).
  const { records } = await parseCsvTraces(workflowTraceCsv({ runs: 40, sizesMb: [1, 2, 4, 8, 16, 32, 64], coldEvery: 4, noise: 0.02 }), { columns: RUNTIME });
  const set = await trainProfiles(records, { model: "linear" });

  it("the warm profile is not dragged by cold starts", () => {
    // Mixed into one fit, an 800 ms cold start on a 20–340 ms map is a 250–4000% error on the cold rows.
    const map = set.data.functions.map!;
    expect(map.segment).toBe("warm");
    expect(map.targets.runtimeMs!.metrics.kfoldMapePercent!).toBeLessThan(5);
    const warm = set.profileFor("map", {})!;
    expect(warm.runtimeMs(8 * MB) / WORKFLOW_LAWS.map(8)).toBeCloseTo(1, 1); // 20 + 5·8 = 60 ms
  });

  it("the cold profile carries the cold start, and a cold fraction mixes it in", () => {
    expect(set.segments!("map")).toEqual(["warm", "cold"]);
    const cold = set.profileFor("map", {}, { segment: "cold" })!.runtimeMs(8 * MB);
    expect(cold / (WORKFLOW_LAWS.map(8) + 800)).toBeCloseTo(1, 1); // 60 + 800 = 860 ms
    const mixed = set.profileFor("map", {}, { coldFraction: 0.25 })!.runtimeMs(8 * MB);
    const warm = set.profileFor("map", {})!.runtimeMs(8 * MB);
    expect(mixed).toBeCloseTo(0.75 * warm + 0.25 * cold, 6);
  });

  it.each([
    // a share of invocations: 0 ≤ f ≤ 1; NaN fails every comparison
    { coldFraction: 1.5 },
    { coldFraction: -0.1 },
    { coldFraction: Number.NaN },
  ])("cold fraction $coldFraction is SLU4046, never a mix outside the two profiles", ({ coldFraction }) => {
    expect(() => set.profileFor("map", {}, { coldFraction })).toThrow(expect.objectContaining({ code: codeOf("profiles.coldFraction"), exitCode: 64 }));
  });

  it("a trace of cold invocations only trains a cold main profile", async () => {
    const coldOnly = records.filter((r) => r.cold === true);
    const s = await trainProfiles(coldOnly, { model: "linear" });
    expect(s.data.functions.map!.segment).toBe("cold");
    expect(s.segments!("map")).toEqual(["cold"]);
  });
});

describe("the memory setting is a second input to runtime", () => {
  it("learns how runtime falls with memory, and clamps to the traced settings", async () => {
    // Runs alternate 512, 1024, 2048 MB: runtime ∝ (1024 / m)^0.5.
    const { records } = await parseCsvTraces(workflowTraceCsv({ runs: 42, sizesMb: [1, 2, 4, 8, 16, 32, 64], memorySettingsMb: [512, 1024, 2048], noise: 0.02 }), { columns: RUNTIME });
    const set = await trainProfiles(records, { model: "linear" });
    const t = set.data.functions.map!.targets.runtimeMs!;
    expect(t.memoryFactor?.exponent).toBeCloseTo(-0.5, 1);
    const p = set.profileFor("map", {})!;
    // 2048 MB vs 512 MB: (512/2048)^0.5 = 0.5
    expect(p.runtimeMs(8 * MB, 2048) / p.runtimeMs(8 * MB, 512)).toBeCloseTo(0.5, 1);
    // beyond the traced settings, no further speed-up is assumed
    expect(p.runtimeMs(8 * MB, 8192)).toBeCloseTo(p.runtimeMs(8 * MB, 2048), 9);
  });
});
