import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "./plan.js";

// The example DAGs of the shipped workloads plan on the trained profiles under models/ by default.
// Their roots run one instance that splits its input into ⌈√(input / 256 KiB)⌉ parts (the collector's
// rule), so the second stage runs about ⌈√16⌉ = 4 instances at 4 MiB and ⌈√256⌉ = 16 at 64 MiB.
describe.each(["wordcount", "query-pipeline", "kmeans", "mapreduce-sort"])("%s on its trained profiles", (name) => {
  const dag = JSON.parse(readFileSync(`examples/dags/${name}.json`, "utf8")) as unknown;
  it.each(["4 MiB", "64 MiB", "1 GiB"])("plans at %s", async (size) => {
    const p = await plan(dag, size);
    expect(p.status).toBe("ok");
    expect(p.predicted.makespanMs).toBeGreaterThan(0);
    expect(p.placement.every((s) => s.instances >= 1)).toBe(true);
  });
  it("sizes its open stages: more root instances for a much larger input", async () => {
    const small = await plan(dag, "1 KiB");
    const large = await plan(dag, "1 GiB");
    expect(small.sizing?.stages.find((s) => s.stageId === small.placement[0]!.stageId)?.instancesHow).toBe("sized");
    expect(large.placement[0]!.instances).toBeGreaterThan(small.placement[0]!.instances);
  });
});

describe("extrapolation warnings", () => {
  // One mapper reads the whole input, so the root's instance input is the app input.
  const dag = { name: "wordcount", stages: [{ id: "map", function: "wc-map", instances: 1 }, { id: "reduce", function: "wc-reduce" }], edges: [{ from: "map", to: "reduce", pattern: "shuffle" }] };
  it("name the stage, the target and the factor when a learned profile is used beyond it", async () => {
    // The traces cover root inputs of 256 KiB – 128 MiB: 64 MiB is inside, 4 GiB is 4096 / 128 = 32× beyond.
    expect((await plan(dag, "64 MiB")).warnings).toEqual([]);
    const far = await plan(dag, "4 GiB");
    expect(far.warnings).toContainEqual(expect.stringMatching(/^map: wc-map runtimeMs extrapolated 32\.0× above the largest trained input \(1\.342e\+8 B\) at instance input 4\.295e\+9 B; interval \d\.\d\d× wider$/));
  });
  it("are absent for analytic profiles", async () => {
    const video = JSON.parse(readFileSync("examples/dags/video-analytics.json", "utf8")) as unknown;
    expect((await plan(video, "1.5 GB")).warnings).toEqual([]);
  });
});
