import { describe, expect, it } from "vitest";
import { plan } from "../../plan/plan.js";
import { generateTraces, type SyntheticFunction } from "../../../test/support/synthetic-traces.js";
import { trainProfiles } from "../train/train-profiles.js";

const MB = 1e6;
// A two-stage sort whose memory is noisy (±20%): planning at the 0.95 quantile must reserve more.
const FNS: SyntheticFunction[] = [
  { app: "q", function: "q-map", runtimeMs: (x) => 50 + x / MB, memoryMb: (x) => 200 + 4 * (x / MB), outputBytes: (x) => x, fanout: () => 1 },
  { app: "q", function: "q-reduce", runtimeMs: (x) => 80 + 2 * (x / MB), memoryMb: (x) => 300 + 6 * (x / MB), outputBytes: (x) => x, fanout: () => 1 },
];
const DAG = {
  name: "q",
  stages: [{ id: "map", function: "q-map", instances: 4 }, { id: "reduce", function: "q-reduce", instances: 2 }],
  edges: [{ from: "map", to: "reduce", pattern: "shuffle" }],
};

describe("plan() with trained profiles", () => {
  it("the quantile option raises the planned memory of every stage", async () => {
    const records = generateTraces(FNS, { inputBytes: [8, 16, 32, 64, 128].map((m) => m * MB), repeats: 3, noise: 0.2, seed: 8 });
    const profiles = await trainProfiles(records, { model: "linear" });
    const median = await plan(DAG, 256 * MB, { profiles });
    const upper = await plan(DAG, 256 * MB, { profiles, quantile: 0.95 });
    // map instances read 256/4 = 64 MB: median memory ≈ 200 + 4·64 = 456 MB; ±20% noise puts the 0.95 quantile ~15–20% higher.
    for (const stage of ["map", "reduce"]) {
      const m = median.placement.find((p) => p.stageId === stage)!.billedMemoryMb;
      const u = upper.placement.find((p) => p.stageId === stage)!.billedMemoryMb;
      expect(u).toBeGreaterThan(m * 1.05);
    }
  });
});
