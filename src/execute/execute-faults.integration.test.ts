/**
 * execute() when things go wrong, against real servers: user ES-module stage functions, a split
 * edge, a worker killed mid-stage (its instances and the lost outputs it held run again
 * elsewhere), a function that throws, backends that are down or full. In every case the bucket ends
 * with at most the result and Redis with only the live workers' registrations.
 */
import { Queue } from "bullmq";
import { describe, expect, it } from "vitest";
import { plan } from "../plan/plan.js";
import type { ProfileFunctions } from "../profiles/types.js";
import { startRealBackends, type RealBackends } from "../../test/support/real-backends.js";
import { BackendError, StageFailedError } from "./backend-error.js";
import { execute } from "./execute.js";
import { vmQueue } from "./queue/keys.js";
import { useWorkerCluster } from "../../test/support/worker-cluster.js";
import { startLocalCluster } from "./worker/local-cluster.js";
import { redisOptions } from "./queue/redis-connect.js";
import { startRedisServer } from "./servers/start-redis.js";

const started = await startRealBackends();
if (!started.ok) console.warn(`skipping the executor's fault tests: ${started.reason}`);

const FIXTURES = new URL("../../test/support/fixtures/user-functions.mjs", import.meta.url).pathname;
const PLATFORM = { vm: { cores: 1, poolSize: 2 } };
const flat = (fn: number, out: (b: number) => number, fanout: number) => ({ runtimeMs: () => fn, memoryMb: () => 128, outputBytes: out, fanout: () => fanout });
const PROFILES: ProfileFunctions = { split: flat(5, (b) => b, 4), slowSplit: flat(400, (b) => b, 4), sum: flat(5, () => 16, 1), slowSum: flat(400, () => 16, 1), failOnOne: flat(5, () => 16, 1) };
const sumsDag = (split: string, sum: string) => ({ name: "sums", stages: [{ id: "split", function: split }, { id: "sum", function: sum }], edges: [{ from: "split", to: "sum", pattern: "shuffle" }] });
const functions = Object.fromEntries(Object.keys(PROFILES).map((f) => [f, `${FIXTURES}#${f}`]));

/** 1 … 2,000, one per line; receiver j of 4 sums the numbers ≡ j (mod 4): Σ_{k=0}^{499} (4k + j) = 499,000 + 500 j (j ≥ 1), and 4 · Σ_{k=1}^{500} k = 501,000 for j = 0. */
const INPUT = new TextEncoder().encode(Array.from({ length: 2000 }, (_, k) => `${k + 1}\n`).join(""));
const EXPECTED = ["0:501000\n", "1:499500\n", "2:500000\n", "3:500500\n"];

describe.skipIf(!started.ok)("execute: faults and user functions", () => {
  const real = (started as { value: RealBackends }).value;
  const decoder = new TextDecoder();
  useWorkerCluster(real, { count: 2, prefix: "f-" });

  const results = async (keys: readonly string[]) => Promise.all(keys.map(async (k) => decoder.decode(await real.readObject(k))));
  const removeResults = async (keys: readonly string[]) => Promise.all(keys.map((k) => fetch(`${real.s3.endpoint}/${real.s3.bucket}/${k}`, { method: "DELETE" })));
  async function expectNothingLeft(resultKeys: readonly string[]): Promise<void> {
    expect((await real.objects()).sort()).toEqual([...resultKeys].sort());
    expect((await real.keys()).filter((k) => !k.startsWith("sluice:vm:"))).toEqual([]);
    await removeResults(resultKeys);
  }

  it("user ES modules over a split edge: half the receivers pull directly, half read the object store", async () => {
    const dag = sumsDag("split", "sum");
    const p = await plan(dag, INPUT.length, { platform: PLATFORM, profiles: PROFILES });
    const split = { ...p, edges: [{ from: "split", to: "sum", mode: "direct" as const, split: { direct: 0.5, remote: 0.5 } }], admitted: [] };
    const r = await execute(dag, split, { backends: real.backends, platform: PLATFORM, input: INPUT, functions });
    expect(await results(r.result.keys)).toEqual(EXPECTED);
    // Receivers 0 and 2 pull directly, 1 and 3 read the store (the simulator's interleaving rule).
    expect(r.edges[0]!.receiversByMode).toEqual({ direct: 2, remote: 2 });
    expect(r.bytesByMode.direct).toBeGreaterThan(0);
    expect(r.bytesByMode.remote).toBeGreaterThan(0);
    await expectNothingLeft(r.result.keys);
  });

  it("a function that throws fails the run naming its stage, instance and cause, and leaves nothing", async () => {
    const dag = sumsDag("split", "failOnOne");
    const p = await plan(dag, INPUT.length, { platform: PLATFORM, profiles: PROFILES });
    const err = await execute(dag, p, { backends: real.backends, platform: PLATFORM, input: INPUT, functions, attempts: 2, backoffMs: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StageFailedError);
    expect((err as StageFailedError).stageId).toBe("sum");
    expect((err as StageFailedError).index).toBe(1);
    expect((err as Error).message).toMatch(/SLU7510 stages\.sum\.1: stage "sum" instance 1 failed after 2 attempt\(s\): .*bad record at line 3/);
    await expectNothingLeft([]);
  });

  it("an object store that is down is an error naming it, its URL and how to start one", async () => {
    const dag = sumsDag("split", "sum");
    const p = await plan(dag, INPUT.length, { platform: PLATFORM, profiles: PROFILES });
    const err = await execute(dag, p, { backends: { ...real.backends, objectStore: { ...real.backends.objectStore, endpoint: "http://127.0.0.1:9" } }, input: INPUT, functions }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect((err as BackendError).backend).toBe("object-store");
    expect((err as Error).message).toMatch(/object-store at http:\/\/127\.0\.0\.1:9\/sluice: .*connection refused[\s\S]*hint: Start one with `npx s3rver/);
    const noRedis = await execute(dag, p, { backends: { ...real.backends, redisUrl: "redis://127.0.0.1:9" }, input: INPUT, functions }).catch((e: unknown) => e);
    expect((noRedis as BackendError).backend).toBe("redis");
    expect((noRedis as Error).message).toMatch(/redis at redis:\/\/127\.0\.0\.1:9: connection refused[\s\S]*hint: Start one with `redis-server/);
    const badKey = await execute(dag, p, { backends: { ...real.backends, objectStore: { ...real.backends.objectStore, credentials: { accessKeyId: "WRONG", secretAccessKey: "WRONG" } } }, input: INPUT, functions }).catch((e: unknown) => e);
    expect((badKey as BackendError).backend).toBe("object-store");
    expect((badKey as Error).message).toMatch(/access denied \(InvalidAccessKeyId\): check the credentials/);
    await expectNothingLeft([]);
  });

  it("a cache tier at its maxmemory fails the run naming the cache and the cause; both Redis keyspaces end empty of the run", async () => {
    const full = await startRedisServer({ maxmemoryBytes: 2 * 1024 * 1024 });
    try {
      const dag = sumsDag("split", "sum");
      const big = new TextEncoder().encode(Array.from({ length: 400_000 }, (_, k) => `${k + 1}\n`).join(""));
      const p = await plan(dag, big.length, { platform: PLATFORM, profiles: PROFILES });
      const cached = { ...p, edges: [{ from: "split", to: "sum", mode: "cache" as const }], admitted: ["split"] };
      const err = await execute(dag, cached, { backends: { ...real.backends, cacheUrl: full.url }, input: big, functions, attempts: 1 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StageFailedError);
      expect((err as Error).message).toMatch(/stage "split" instance 0 .*cache at redis:\/\/127\.0\.0\.1:\d+: SET .*out of memory/);
      const { Redis } = await import("ioredis");
      const c = new Redis(full.url);
      expect(await c.keys("*")).toEqual([]);
      c.disconnect();
      await expectNothingLeft([]);
    } finally {
      await full.stop();
    }
  });

  it("a worker killed mid-stage: its instances and the outputs it held run again on the other VM; nothing lost, nothing left", async () => {
    const victims = await startLocalCluster({ redisUrl: real.redis.url, count: 2, prefix: "k-" });
    try {
      const dag = sumsDag("split", "slowSum");
      const p = await plan(dag, INPUT.length, { platform: PLATFORM, profiles: PROFILES });
      const direct = { ...p, edges: [{ from: "split", to: "sum", mode: "direct" as const }], admitted: [] };
      const runId = `kill${Date.now().toString(36)}`;
      const running = execute(dag, direct, { backends: real.backends, platform: PLATFORM, input: INPUT, functions, vms: victims.vms, runId, lockDurationMs: 1500, backoffMs: 20 });
      // Kill k-0, which holds split's output, once one of its sum instances is running.
      const q = new Queue(vmQueue(runId, "k-0"), { connection: redisOptions(real.redis.url) });
      for (let k = 0; k < 600; k++) {
        const active = await q.getActive().catch(() => []);
        if (active.some((j) => j.name.startsWith("sum#"))) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await q.close();
      await victims.kill("k-0");
      const r = await running;
      expect(await results(r.result.keys)).toEqual(EXPECTED);
      expect(r.instances.every((i) => i.stageId === "split" || i.vm === "k-1")).toBe(true);
      expect(r.reruns).toBeGreaterThan(0);
      expect(r.notes.join("\n")).toMatch(/re-running instances 0 whose outputs were lost/);
      // The bucket holds only the result; Redis only the registrations of the workers still alive.
      expect((await real.objects()).sort()).toEqual([...r.result.keys].sort());
      expect((await real.keys()).filter((k) => !/^sluice:vm:(f|k)-1$|^sluice:vm:f-0$/.test(k))).toEqual([]);
      await removeResults(r.result.keys);
    } finally {
      await victims.stop();
    }
  });
});
