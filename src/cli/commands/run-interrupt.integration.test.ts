/**
 * `sluice run` stopped mid-run, as a user's Ctrl-C (SIGINT to the terminal's whole process group)
 * or a scheduler's SIGTERM (to the command alone) would: the command exits 130 / 143 after
 * deleting the run's queues, keys and objects, and stopping the workers and the servers it started
 * (their folders removed). Real processes throughout; skipped only when the servers cannot start.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startRealBackends, type RealBackends } from "../../../test/support/real-backends.js";
import { pingRedis } from "../../execute/servers/start-redis.js";

const probe = await startRealBackends();
if (!probe.ok) console.warn(`skipping sluice run's interrupt tests: ${probe.reason}`);
else await probe.value.stop();

const MAIN = new URL("../main.ts", import.meta.url).pathname;
const RUN = ["run", "--dag", "examples/dags/wordcount.json", "--input", "16 MiB"];

/** Starts `sluice run` as its own process group; resolves the child once `ready` matches its stderr. */
function startRun(args: readonly string[], env: NodeJS.ProcessEnv, ready: (stderr: string) => boolean) {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...RUN, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const started = new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (ready(stderr)) resolve();
    });
    void exited.then(() => reject(new Error(`sluice run exited before it was under way: ${stderr}`)));
  });
  return { child, started, exited, stderr: () => stderr };
}

describe.skipIf(!probe.ok)("sluice run: interrupted", () => {
  it.each([
    { sig: "SIGINT" as const, group: true, code: 130 },
    { sig: "SIGTERM" as const, group: false, code: 143 },
  ])("$sig mid-run (to the group: $group): exit $code, the run's keys and objects deleted, workers stopped", async ({ sig, group, code }) => {
    const started = await startRealBackends();
    const real = (started as { value: RealBackends }).value;
    try {
      const env = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" };
      const run = startRun(["--redis", real.redis.url, "--s3-endpoint", real.s3.endpoint, "--bucket", real.s3.bucket, "--start-workers", "2"], env, (e) => e.includes("started 2 worker"));
      await run.started;
      // Under way: its input is in the bucket.
      for (let k = 0; k < 400 && (await real.objects()).length === 0; k++) await new Promise((r) => setTimeout(r, 25));
      expect(await real.objects()).not.toEqual([]);
      const t0 = Date.now();
      process.kill(group ? -run.child.pid! : run.child.pid!, sig);
      const { code: exitCode } = await run.exited;
      expect(exitCode).toBe(code);
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(run.stderr()).toContain(`stopped by ${sig}`);
      expect(await real.objects()).toEqual([]);
      // The workers' registrations went with them: nothing of the run or of its VMs is left.
      expect(await real.keys()).toEqual([]);
      expect(existsSync(`/dev/shm/sluice-local-${run.child.pid}-run-${run.child.pid}-0`)).toBe(false);
    } finally {
      await real.stop();
    }
  }, 60_000);

  it("SIGINT to the group with --start-servers: the servers and workers it started are stopped and their folders removed", async () => {
    const run = startRun(["--start-servers"], {}, (e) => e.includes("started 2 worker"));
    await run.started;
    const m = /redis-server at redis:\/\/127\.0\.0\.1:(\d+) and s3rver at (http:\S+)/.exec(run.stderr())!;
    const redisPort = Number(m[1]);
    expect(await pingRedis(redisPort)).toBe(true);
    const s3Port = new URL(m[2]!).port;
    const s3Dir = / -d (\S+) .* -p (\d+) /.exec(execFileSync("ps", ["-eo", "args"]).toString().split("\n").find((l) => l.includes("s3rver.js") && l.includes(` -p ${s3Port} `))!)![1]!;
    expect(existsSync(s3Dir)).toBe(true);
    process.kill(-run.child.pid!, "SIGINT");
    expect((await run.exited).code).toBe(130);
    expect(await pingRedis(redisPort)).toBe(false);
    expect(await fetch(m[2]!).then(() => "up", () => "down")).toBe("down");
    expect(existsSync(s3Dir)).toBe(false);
    expect(existsSync(`/dev/shm/sluice-local-${run.child.pid}-run-${run.child.pid}-0`)).toBe(false);
  }, 60_000);
});
