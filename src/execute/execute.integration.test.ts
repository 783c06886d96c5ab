/**
 * execute() against real servers: a redis-server and an s3rver on free loopback ports, and two
 * worker processes as two VMs. Each case checks the result bytes against the same functions run in
 * this process, which modes really carried the bytes, and that afterwards the bucket holds only the
 * result and Redis only the live workers' registrations. Skipped, with how to install the missing
 * server, only when a server cannot be started.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Pattern } from "../dag/types.js";
import type { EdgeDecision } from "../model/types.js";
import { plan } from "../plan/plan.js";
import type { Plan } from "../plan/types.js";
import { startRealBackends, type RealBackends } from "../../test/support/real-backends.js";
import { findApp } from "../workloads/apps.js";
import { routeOutputs } from "../workloads/route-outputs.js";
import { stageFunction } from "../workloads/functions/stage-functions.js";
import { concatBytes } from "../workloads/types.js";
import { execute } from "./execute.js";
import { plannedPartsParams } from "./functions/planned-parts.js";
import { inputCuts } from "./routing/input-split.js";
import { useWorkerCluster } from "../../test/support/worker-cluster.js";
import { trainProfiles } from "../profiles/train/train-profiles.js";
import { parseCsvTraces } from "../traces/parse-csv-traces.js";
import { appendTraceCsv, runTraceRows } from "./report/trace-rows.js";

const started = await startRealBackends();
if (!started.ok) console.warn(`skipping the executor's integration tests: ${started.reason}`);

const PLATFORM = { vm: { cores: 1, poolSize: 2 } };
const dagOf = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/dags/${name}.json`, import.meta.url), "utf8")) as { name: string; stages: { id: string; function: string }[]; edges: { from: string; to: string; pattern: Pattern }[] };

/**
 * The app's sink outputs, computed in this process by the same functions and router, at the plan's
 * instance counts: the root input cut into the plan's root instances, and every splitting function
 * held to the plan's fanout (its consumer's count; per producer for a scatter).
 */
function referenceResult(app: string, inputBytes: number, p: Plan): Uint8Array[] {
  const def = findApp(app);
  const count = (k: number) => p.placement[k]!.instances;
  const fanout = (k: number) => (k + 1 >= def.stages.length ? 1 : def.stages[k + 1]!.inputPattern === "scatter" ? Math.ceil(count(k + 1) / count(k)) : ["shuffle", "broadcast"].includes(def.stages[k + 1]!.inputPattern!) ? count(k + 1) : 1);
  const input = def.generate(inputBytes, 1);
  const cuts = inputCuts(def.stages[0]!.function, input, input.length, count(0));
  let inputs = cuts.slice(0, -1).map((c, j) => input.subarray(c, cuts[j + 1]));
  let outputs: Uint8Array[][] = [];
  for (const [k, s] of def.stages.entries()) {
    if (k > 0) inputs = routeOutputs(s.inputPattern!, outputs);
    outputs = inputs.map((input) => stageFunction(s.function)(input, plannedPartsParams(s.params, input.length, fanout(k))).outputs);
  }
  return outputs.map(concatBytes);
}

function withModes(p: Plan, edges: readonly EdgeDecision[], admitted: readonly string[] = []): Plan {
  return { ...p, edges, admitted };
}

describe.skipIf(!started.ok)("execute on redis-server, s3rver and two worker processes", () => {
  const real = (started as { value: RealBackends }).value;
  useWorkerCluster(real, { count: 2 });

  async function expectNothingLeft(resultKeys: readonly string[]): Promise<void> {
    expect((await real.objects()).sort()).toEqual([...resultKeys].sort());
    expect((await real.keys()).filter((k) => !k.startsWith("sluice:vm:"))).toEqual([]);
  }

  async function resultBytes(keys: readonly string[]): Promise<Uint8Array[]> {
    const out = await Promise.all(keys.map((k) => real.readObject(k)));
    return out;
  }

  const SIZE = 512 * 1024;

  it.each([
    { mode: "direct", admitted: [] },
    { mode: "remote", admitted: [] },
    { mode: "cache", admitted: ["map"] },
  ] as const)("wordcount's shuffle through $mode: the same result as in-process, bytes moved by that mode", async ({ mode, admitted }) => {
    const dag = dagOf("wordcount");
    const p = withModes(await plan(dag, SIZE, { platform: PLATFORM }), [{ from: "map", to: "reduce", mode }], admitted);
    const r = await execute(dag, p, { backends: real.backends, platform: PLATFORM });
    const expected = referenceResult("wordcount", SIZE, p);
    // Every stage ran the instances the plan sized.
    expect(r.stages.map((x) => [x.stageId, x.instances])).toEqual(p.placement.map((x) => [x.stageId, x.instances]));
    expect(r.result.keys).toHaveLength(expected.length);
    expect(await resultBytes(r.result.keys)).toEqual(expected);
    // Every shuffle byte went through the planned mode, and nothing through the others.
    const shuffled = expected.length > 0 ? r.edges[0]!.bytesRead : 0;
    expect(r.bytesByMode[mode]).toBe(shuffled);
    expect(Object.values(r.bytesByMode).reduce((a, b) => a + b, 0)).toBe(shuffled);
    // Two VMs did the work (map on one, reducers spread by the plan's placement).
    expect(new Set(r.instances.map((i) => i.vm)).size).toBeGreaterThanOrEqual(1);
    await expectNothingLeft(r.result.keys);
    await real.objects().then((keys) => Promise.all(keys.map((k) => fetch(`${real.s3.endpoint}/${real.s3.bucket}/${k}`, { method: "DELETE" }))));
  });

  it("query pipeline with a vm-local chain: consumers run on their producer's VM", async () => {
    // The traced query app as the workloads run it (examples/dags/query-pipeline.json aggregates in two
    // levels so that it plans at a terabyte; the workload's q-aggregate reads join batches, not partials).
    const dag = { name: "query-pipeline", stages: [{ id: "scan", function: "q-scan" }, { id: "filter", function: "q-filter" }, { id: "join", function: "q-join" }, { id: "aggregate", function: "q-aggregate" }], edges: [{ from: "scan", to: "filter", pattern: "scatter" as const }, { from: "filter", to: "join", pattern: "one-to-one" as const }, { from: "join", to: "aggregate", pattern: "gather" as const }] };
    const base = await plan(dag, SIZE, { platform: PLATFORM });
    const p = withModes(base, [
      { from: "scan", to: "filter", mode: "vm-local" },
      { from: "filter", to: "join", mode: "vm-local" },
      { from: "join", to: "aggregate", mode: "direct" },
    ]);
    const r = await execute(dag, p, { backends: real.backends, platform: PLATFORM });
    expect(await resultBytes(r.result.keys)).toEqual(referenceResult("query", SIZE, p));
    const vmOf = (stage: string) => new Set(r.instances.filter((i) => i.stageId === stage).map((i) => i.vm));
    expect(vmOf("filter")).toEqual(vmOf("scan"));
    expect(vmOf("join")).toEqual(vmOf("scan"));
    expect(r.bytesByMode["vm-local"]).toBeGreaterThan(0);
    expect(r.instances.flatMap((i) => i.transfers).some((t) => t.fallback)).toBe(false);
    await expectNothingLeft(r.result.keys);
  });

  it("profiles trained from this machine's runs: trace rows of runs at three sizes train a set that plans a fourth", async () => {
    const dag = dagOf("wordcount");
    let csv: string | undefined;
    let instances = 0;
    const before = await real.objects();
    for (const size of [128 * 1024, 512 * 1024, 1024 * 1024]) {
      const r = await execute(dag, await plan(dag, size, { platform: PLATFORM }), { backends: real.backends, platform: PLATFORM, keepResult: false });
      instances += r.instances.length;
      csv = appendTraceCsv(csv, runTraceRows(dag, r));
      await expectNothingLeft(before);
    }
    // The collected CSV goes through the same reader and trainer as `sluice train --traces`.
    const read = await parseCsvTraces(csv!, { file: "runs.csv" });
    expect(read.records).toHaveLength(instances);
    // Earlier tests ran wordcount on these workers' threads, so their calls are warm (a thread's first call of a function is cold).
    expect(read.records.filter((r) => r.cold === true).length).toBeLessThan(instances);
    const set = await trainProfiles(read.records, { model: "power" });
    expect(set.functionNames.slice().sort()).toEqual(["wc-map", "wc-reduce"]);
    expect(set.data.metadata.traceRows).toBe(instances);
    const map = set.profileFor("wc-map", {})!;
    // The map's largest run read the whole 1 MiB input over its instances: its runtime is a measured, positive figure.
    expect(map.runtimeMs(1024 * 1024)).toBeGreaterThan(0);
    const p = await plan(dag, 2 * 1024 * 1024, { platform: PLATFORM, profiles: set });
    expect(p.predicted.makespanMs).toBeGreaterThan(0);
    expect(Number.isFinite(p.predicted.makespanMs)).toBe(true);
  }, 120_000);
});
