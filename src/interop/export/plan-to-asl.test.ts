import fc from "fast-check";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { DagInput } from "../../dag/schema.js";
import { PATTERNS } from "../../dag/types.js";
import { plan } from "../../plan/plan.js";
import { importAsl } from "../index.js";
import { patternFor } from "../flow/dag-records.js";
import { planToAsl } from "./plan-to-asl.js";

const aslValidator = createRequire(import.meta.url)("asl-validator") as (d: unknown) => { isValid: boolean; errorsText: (sep?: string) => string };

type Machine = { States: Record<string, Record<string, unknown>> };
const readDag = (f: string) => JSON.parse(readFileSync(`examples/dags/${f}`, "utf8")) as DagInput;

/** The stage, edge and count facts a round trip must keep, in a canonical order. */
function facts(dag: DagInput, instances: (id: string) => unknown) {
  return {
    stages: dag.stages.map((s) => [s.id, s.function, instances(s.id), s.repeat ?? 1, s.inputFraction ?? 1]).sort(),
    edges: (dag.edges ?? []).map((e) => [e.from, e.to, e.pattern]).sort(),
  };
}

describe("planToAsl", () => {
  it.each(readdirSync("examples/dags"))("%s: the export passes asl-validator and imports back with its stages, edges and instance counts", async (file) => {
    const dag = readDag(file);
    const p = await plan(dag, "2 GiB");
    const machine = planToAsl(dag, p, { bucket: "plans-bucket", cacheEndpoint: "redis://cache.internal:6379" });
    const verdict = aslValidator(machine);
    expect(verdict.isValid, verdict.isValid ? "" : verdict.errorsText("\n")).toBe(true);
    const back = await importAsl(machine);
    const planned = new Map(p.placement.map((s) => [s.stageId, s.instances]));
    expect(facts(back.dag, (id) => back.dag.stages.find((s) => s.id === id)?.instances)).toEqual(facts(dag, (id) => planned.get(id)));
  });

  it("carries each stage's decisions: object-store prefixes per remote edge, the cache endpoint, VM groups", async () => {
    const dag = readDag("mapreduce-sort.json");
    // Remote only for the shuffle, so the route must name an S3 prefix; a cache-only plan names the endpoint.
    for (const [modes, location] of [[["remote"], "s3://plans-bucket/runs/map/to-reduce/"], [["cache"], "redis://cache.internal:6379/runs/map/"]] as const) {
      const p = await plan(dag, "1 GiB", { modes: [...modes] });
      const machine = planToAsl(dag, p, { bucket: "plans-bucket", keyPrefix: "runs/", cacheEndpoint: "redis://cache.internal:6379" }) as unknown as Machine;
      const reduceMap = Object.values(machine.States).find((s) => s.Type === "Map" && JSON.stringify(s).includes('"stage":"reduce"'))!;
      const route = JSON.parse(JSON.stringify(reduceMap).replace(/.*"sluice":(\{.*?"predicted":\{[^}]*\}\}).*/, "$1"));
      expect(route.inputs).toEqual([{ from: "map", pattern: "shuffle", mode: modes[0], fraction: 1, location }]);
      expect(route.placement.vmGroup).toMatch(/^vms:/);
    }
  });

  it("writes a distributed Map with an item manifest beyond 1,000 instances", async () => {
    const dag: DagInput = { name: "wide", stages: [{ id: "src", function: "f" }, { id: "work", function: "f", instances: 2500 }], edges: [{ from: "src", to: "work", pattern: "scatter" }] };
    const p = await plan(dag, "1 GiB", { fallbackProfile: "default", solver: "heuristic" });
    const machine = planToAsl(dag, p, { bucket: "b" }) as unknown as Machine;
    const map = machine.States["work ×2500"]!;
    expect(map.ItemReader).toEqual({ Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSON" }, Parameters: { Bucket: "b", Key: "sluice/wide/work/instances.json" } });
    expect(aslValidator(machine).isValid).toBe(true);
    expect((await importAsl(machine)).dag.stages.find((s) => s.id === "work")?.instances).toBe(2500);
  });

  it("round-trips random DAGs (property)", async () => {
    const arbDag = fc
      .integer({ min: 1, max: 7 })
      .chain((n) =>
        fc.record({
          counts: fc.array(fc.constantFrom(1, 2, 4), { minLength: n, maxLength: n }),
          fns: fc.array(fc.constantFrom("f0", "f1", "f2"), { minLength: n, maxLength: n }),
          links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.boolean()), { maxLength: 12 }),
        }),
      )
      .map(({ counts, fns, links }): DagInput => {
        const seen = new Set<string>();
        const edges = links.flatMap(([a, b, loose]) => {
          const [from, to] = a < b ? [a, b] : [b, a];
          if (from === to || seen.has(`${from}-${to}`)) return [];
          seen.add(`${from}-${to}`);
          // Either the pattern the counts imply, or one that fits any counts.
          const pattern = loose ? (PATTERNS[3] as "shuffle") : patternFor(counts[from]!, counts[to]!).pattern;
          return [{ from: `s${from}`, to: `s${to}`, pattern }];
        });
        return { name: "random", stages: counts.map((c, i) => ({ id: `s${i}`, function: fns[i]!, instances: c })), edges };
      });
    await fc.assert(
      fc.asyncProperty(arbDag, async (dag) => {
        const p = await plan(dag, "512 MiB", { fallbackProfile: "default", solver: "heuristic" });
        const machine = planToAsl(dag, p);
        expect(aslValidator(machine).isValid).toBe(true);
        const back = await importAsl(machine);
        expect(facts(back.dag, (id) => back.dag.stages.find((s) => s.id === id)?.instances)).toEqual(facts(dag, (id) => dag.stages.find((s) => s.id === id)?.instances));
      }),
      { numRuns: 30, seed: 8 },
    );
  });
});
