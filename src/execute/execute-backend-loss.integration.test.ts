/**
 * execute() when a backend dies mid-run (kill -9, as a crashed server): the run fails in bounded
 * time with a BackendError naming that backend, and what can still be reached is left clean. Each
 * case starts its own servers and workers, since it kills one of them.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { plan } from "../plan/plan.js";
import type { ProfileFunctions } from "../profiles/types.js";
import { startRealBackends, type RealBackends } from "../../test/support/real-backends.js";
import { BackendError } from "./backend-error.js";
import { execute } from "./execute.js";
import { startLocalCluster } from "./worker/local-cluster.js";
import type { ServerProcess } from "./servers/server-process.js";

const probe = await startRealBackends();
if (!probe.ok) console.warn(`skipping the executor's backend-loss tests: ${probe.reason}`);
else await probe.value.stop();

const FIXTURES = new URL("../../test/support/fixtures/user-functions.mjs", import.meta.url).pathname;
const PLATFORM = { vm: { cores: 1, poolSize: 2 } };
const flat = (fn: number, out: (b: number) => number, fanout: number) => ({ runtimeMs: () => fn, memoryMb: () => 128, outputBytes: out, fanout: () => fanout });
const PROFILES: ProfileFunctions = { split: flat(5, (b) => b, 4), slowSum: flat(400, () => 16, 1) };
const DAG = { name: "sums", stages: [{ id: "split", function: "split" }, { id: "sum", function: "slowSum" }], edges: [{ from: "split", to: "sum", pattern: "shuffle" }] };
const functions = Object.fromEntries(Object.keys(PROFILES).map((f) => [f, `${FIXTURES}#${f}`]));
const INPUT = new TextEncoder().encode(Array.from({ length: 2000 }, (_, k) => `${k + 1}\n`).join(""));

/** SIGKILLs the server itself (the child of its guard process), as a crash would. */
function killServer(s: ServerProcess): void {
  const pid = Number(execFileSync("pgrep", ["-P", String(s.pid)]).toString().trim().split("\n")[0]);
  process.kill(pid, "SIGKILL");
}

describe.skipIf(!probe.ok)("execute: a backend that dies mid-run", () => {
  it("Redis killed while a stage runs: a BackendError naming Redis within seconds, not a hang; the bucket is left empty", async () => {
    const started = await startRealBackends();
    const real = (started as { value: RealBackends }).value;
    const cluster = await startLocalCluster({ redisUrl: real.redis.url, count: 2, prefix: "rl-" });
    try {
      const p = await plan(DAG, INPUT.length, { platform: PLATFORM, profiles: PROFILES });
      const t0 = Date.now();
      const running = execute(DAG, p, { backends: real.backends, platform: PLATFORM, input: INPUT, functions, redisLostMs: 1000 }).catch((e: unknown) => e);
      // Kill Redis once the run's input is in the bucket (the run is under way).
      for (let k = 0; k < 400 && (await real.objects()).length === 0; k++) await new Promise((r) => setTimeout(r, 25));
      killServer(real.redis);
      const err = await running;
      expect(err).toBeInstanceOf(BackendError);
      expect((err as BackendError).backend).toBe("redis");
      expect((err as Error).message).toMatch(/redis at redis:\/\/127\.0\.0\.1:\d+: connection lost during the run/);
      // redisLostMs (1 s) plus the object store's cleanup: well under the 20 s a hang would hit.
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(await real.objects()).toEqual([]);
    } finally {
      await cluster.stop();
      await real.stop();
    }
  }, 40_000);

  it("the object store killed while a stage runs: a BackendError naming it and the instance it hit (exit 69), not a stage failure; Redis left empty of the run", async () => {
    const started = await startRealBackends();
    const real = (started as { value: RealBackends }).value;
    const cluster = await startLocalCluster({ redisUrl: real.redis.url, count: 2, prefix: "sl-" });
    try {
      const p = await plan(DAG, INPUT.length, { platform: PLATFORM, profiles: PROFILES });
      const remote = { ...p, edges: [{ from: "split", to: "sum", mode: "remote" as const }], admitted: [] };
      const t0 = Date.now();
      const running = execute(DAG, remote, { backends: real.backends, platform: PLATFORM, input: INPUT, functions, attempts: 2, backoffMs: 20 }).catch((e: unknown) => e);
      for (let k = 0; k < 400 && (await real.objects()).length === 0; k++) await new Promise((r) => setTimeout(r, 25));
      killServer(real.s3);
      const err = await running;
      expect(err).toBeInstanceOf(BackendError);
      expect((err as BackendError).backend).toBe("object-store");
      expect((err as BackendError).exitCode).toBe(69);
      expect((err as Error).message).toMatch(/object-store at http:\/\/127\.0\.0\.1:\d+\/sluice: stage "(split|sum)" instance \d+ failed after 2 attempt\(s\): .*connection refused/);
      expect(Date.now() - t0).toBeLessThan(15_000);
      // The store is gone with its objects; the run's queues and keys are not left in Redis (only the live workers' registrations).
      expect((await real.keys()).filter((k) => !/^sluice:vm:sl-[01]$/.test(k))).toEqual([]);
    } finally {
      await cluster.stop();
      await real.stop();
    }
  }, 40_000);
});
