/**
 * The executor's catalogued errors that no other test raises in this process (SLU7503, 7505,
 * 7506, 7511–7514), each driven for real: a cache tier that refuses or is full (a real
 * redis-server), server binaries that cannot be found (a PATH without redis-server; an s3rver
 * looked up from a folder without it), a run whose only worker dies, a stage with no function, a
 * user root with no input generator, a shuffle whose producers disagree on their partitions. After
 * each, the bucket is empty and Redis holds only the live worker's registration.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Queue } from "bullmq";
import { describe, expect, it } from "vitest";
import { plan } from "../plan/plan.js";
import type { ProfileFunctions } from "../profiles/types.js";
import { startRealBackends, type RealBackends } from "../../test/support/real-backends.js";
import { BackendError, RunFailedError, ServerUnavailableError } from "./backend-error.js";
import { CacheClient } from "./store/cache-client.js";
import { execute } from "./execute.js";
import { vmQueue } from "./queue/keys.js";
import { useWorkerCluster } from "../../test/support/worker-cluster.js";
import { startLocalCluster } from "./worker/local-cluster.js";
import { redisOptions } from "./queue/redis-connect.js";
import { freePort } from "./servers/free-port.js";
import { startRedisServer } from "./servers/start-redis.js";
import { startS3rver } from "./servers/start-s3rver.js";

const started = await startRealBackends();
if (!started.ok) console.warn(`skipping the executor's error tests: ${started.reason}`);

const FIXTURES = new URL("../../test/support/fixtures/user-functions.mjs", import.meta.url).pathname;
const PLATFORM = { vm: { cores: 1, poolSize: 2 } };
const flat = (fn: number, out: (b: number) => number, fanout: number) => ({ runtimeMs: () => fn, memoryMb: () => 128, outputBytes: out, fanout: () => fanout });
const PROFILES: ProfileFunctions = { split: flat(5, (b) => b, 2), slowSplit: flat(400, (b) => b, 2), unevenSplit: flat(5, (b) => b, 2), sum: flat(5, () => 16, 1) };
const functions = Object.fromEntries(Object.keys(PROFILES).map((f) => [f, `${FIXTURES}#${f}`]));
const sumsDag = (split: string, instances?: number) => ({ name: "sums", stages: [{ id: "split", function: split, ...(instances === undefined ? {} : { instances }) }, { id: "sum", function: "sum" }], edges: [{ from: "split", to: "sum", pattern: "shuffle" }] });
const INPUT = new TextEncoder().encode(Array.from({ length: 200 }, (_, k) => `${k + 1}\n`).join(""));
const codeOf = (e: unknown) => /SLU\d{4}/.exec((e as Error).message)?.[0];

describe.skipIf(!started.ok)("execute: catalogued errors on real servers", () => {
  const real = (started as { value: RealBackends }).value;
  useWorkerCluster(real, { count: 1, prefix: "e-" });
  async function expectNothingLeft(): Promise<void> {
    expect(await real.objects()).toEqual([]);
    expect((await real.keys()).filter((k) => !/^sluice:vm:e-0$/.test(k))).toEqual([]);
  }

  it("SLU7503: a cache that refuses the connection, and one at its maxmemory, name the cache, its URL and the cause", async () => {
    const port = await freePort();
    const refused = await CacheClient.create(`redis://127.0.0.1:${port}`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BackendError);
    expect(codeOf(refused)).toBe("SLU7503");
    expect((refused as Error).message).toContain(`cache at redis://127.0.0.1:${port}: connection refused`);
    // 1 MiB of maxmemory with noeviction: a 2 MiB SET is refused with OOM and nothing is stored.
    const full = await startRedisServer({ maxmemoryBytes: 1024 * 1024 });
    const cache = await CacheClient.create(full.url);
    try {
      const err = await cache.put("sluice:test:big", new Uint8Array(2 * 1024 * 1024)).catch((e: unknown) => e);
      expect(codeOf(err)).toBe("SLU7503");
      expect((err as BackendError).backend).toBe("cache");
      expect((err as Error).message).toMatch(/cache at redis:\/\/127\.0\.0\.1:\d+: SET sluice:test:big \(2097152 bytes\): out of memory/);
      expect(await cache.deleteMatching("*")).toBe(0);
    } finally {
      cache.close();
      await full.stop();
    }
  });

  it("SLU7505: redis-server not on the PATH is an error saying how to install it", async () => {
    const saved = process.env.PATH;
    const empty = await mkdtemp(path.join(tmpdir(), "sluice-empty-path-"));
    process.env.PATH = empty;
    try {
      const err = await startRedisServer().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ServerUnavailableError);
      expect(codeOf(err)).toBe("SLU7505");
      expect((err as Error).message).toMatch(/cannot start redis-server: redis-server is not installed[\s\S]*apt-get install -y redis-server/);
    } finally {
      process.env.PATH = saved;
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("SLU7506: s3rver that cannot be resolved from where it is looked up is an error saying how to install it", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "sluice-no-modules-"));
    try {
      const err = await startS3rver({ resolveFrom: path.join(empty, "start.js") }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ServerUnavailableError);
      expect(codeOf(err)).toBe("SLU7506");
      expect((err as Error).message).toMatch(/cannot start s3rver: the s3rver package is not installed[\s\S]*npm i -D s3rver/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("SLU7511: a run whose only worker dies mid-stage cannot finish, says so, and leaves nothing", async () => {
    const lone = await startLocalCluster({ redisUrl: real.redis.url, count: 1, prefix: "lone-" });
    try {
      const dag = sumsDag("slowSplit");
      const p = await plan(dag, INPUT.length, { platform: PLATFORM, profiles: PROFILES });
      const runId = `lone${Date.now().toString(36)}`;
      const running = execute(dag, p, { backends: real.backends, platform: PLATFORM, input: INPUT, functions, vms: lone.vms, runId, lockDurationMs: 1500, backoffMs: 20 }).catch((e: unknown) => e);
      const q = new Queue(vmQueue(runId, "lone-0"), { connection: redisOptions(real.redis.url) });
      for (let k = 0; k < 600 && (await q.getActive().catch(() => [])).length === 0; k++) await new Promise((r) => setTimeout(r, 25));
      await q.close();
      await lone.kill("lone-0");
      const err = await running;
      expect(err).toBeInstanceOf(RunFailedError);
      expect(codeOf(err)).toBe("SLU7511");
      expect((err as Error).message).toMatch(/the run could not finish: no worker is left alive/);
      expect(await real.objects()).toEqual([]);
      expect((await real.keys()).filter((k) => !/^sluice:vm:e-0$/.test(k) && !/^sluice:vm:lone-0$/.test(k))).toEqual([]);
    } finally {
      await lone.stop();
    }
  }, 60_000);

  it("SLU7512: a stage whose function is neither a workload nor a given module is named before anything runs", async () => {
    const dag = sumsDag("no-such-function");
    const p = await plan(dag, INPUT.length, { platform: PLATFORM, profiles: { ...PROFILES, "no-such-function": flat(5, (b) => b, 2) } });
    const err = await execute(dag, p, { backends: real.backends, input: INPUT, functions }).catch((e: unknown) => e);
    expect(codeOf(err)).toBe("SLU7512");
    expect((err as Error).message).toMatch(/stages\.split\.function: no function to run for this stage[\s\S]*"no-such-function"/);
    await expectNothingLeft();
  });

  it("SLU7513: a user root with no input given has no generator; the error names the function and the roots that have one", async () => {
    const dag = sumsDag("split");
    const p = await plan(dag, INPUT.length, { platform: PLATFORM, profiles: PROFILES });
    const err = await execute(dag, p, { backends: real.backends, functions }).catch((e: unknown) => e);
    expect(codeOf(err)).toBe("SLU7513");
    expect((err as Error).message).toMatch(/no generator for the root function "split"[\s\S]*wc-map/);
    await expectNothingLeft();
  });

  it("SLU7514: a shuffle whose producer instances write 2 and 3 partitions cannot size its consumer; nothing is left", async () => {
    // unevenSplit: instance k writes k + 2 partitions, so instance 0 gives 2 and instance 1 gives 3.
    const dag = sumsDag("unevenSplit", 2);
    const p = await plan(dag, INPUT.length, { platform: PLATFORM, profiles: PROFILES });
    const err = await execute(dag, p, { backends: real.backends, platform: PLATFORM, input: INPUT, functions }).catch((e: unknown) => e);
    expect(codeOf(err)).toBe("SLU7514");
    expect((err as Error).message).toMatch(/stages\.sum: the stage's inputs disagree on its instance count: .*split/);
    await expectNothingLeft();
  });
});
