/**
 * `sluice run` end to end: --start-servers starts a redis-server and an s3rver, --start-workers
 * two worker processes; the run prints predicted vs measured and writes its timeline. Skipped, with
 * how to install it, only when redis-server cannot be started.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { captureStdout } from "../../../test/support/capture-stdout.js";
import { runRunCommand } from "./run-command.js";

const DAG = "examples/dags/wordcount.json";
const hasRedis = (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).error as NodeJS.ErrnoException | undefined)?.code !== "ENOENT";
if (!hasRedis) console.warn("skipping sluice run's end-to-end test: redis-server is not installed (apt-get install -y redis-server)");

afterEach(() => vi.restoreAllMocks());

describe("sluice run", () => {
  it("prints help", async () => {
    const out = captureStdout();
    expect(await runRunCommand(["--help"])).toBe(0);
    expect(out.text()).toContain("Usage: sluice run");
  });

  it.each([
    { argv: ["--input", "1 MiB"], message: "SLU1203 --dag" },
    { argv: ["--dag", DAG, "--input", "1 MiB", "--function", "nonsense"], message: 'expected NAME=FILE; got "nonsense"' },
    { argv: ["--dag", DAG, "--input", "1 MiB", "--plot", "t.jpg"], message: "SLU1018 --plot" },
    { argv: ["--dag", DAG, "--input", "1 MiB", "--start-workers", "zero"], message: "SLU1204 --start-workers" },
  ])("rejects $argv with a usage error naming the flag", async ({ argv, message }) => {
    await expect(runRunCommand(argv)).rejects.toMatchObject({ exitCode: 64 });
    await expect(runRunCommand(argv)).rejects.toThrow(message);
  });

  it("--traces on a file that is not a trace CSV is a usage error before anything runs", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-run-"));
    const other = join(dir, "other.csv");
    await writeFile(other, "name,value\na,1\n");
    const err = await runRunCommand(["--dag", DAG, "--input", "1 MiB", "--traces", other, "--redis", "redis://127.0.0.1:9"]).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: 64 });
    expect(String((err as Error).message)).toMatch(/--traces[\s\S]*name,value/);
    expect(await readFile(other, "utf8")).toBe("name,value\na,1\n");
  });

  it("--input-file that does not exist is a no-input error (66) naming the flag and the file, before any backend is touched", async () => {
    const missing = join(tmpdir(), `sluice-no-such-input-${process.pid}.bin`);
    const err = await runRunCommand(["--dag", DAG, "--input", "1 MiB", "--input-file", missing, "--redis", "redis://127.0.0.1:9"]).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: 66 });
    expect(String((err as Error).message)).toContain("--input-file");
    expect(String((err as Error).message)).toContain(missing);
    expect(String((err as Error).message)).toContain("SLU8001");
  });

  it("a Redis that is not there is exit 69 naming it and how to start one", async () => {
    const err = await runRunCommand(["--dag", DAG, "--input", "1 MiB", "--redis", "redis://127.0.0.1:9"]).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: 69 });
    expect(String((err as Error).message)).toMatch(/redis at redis:\/\/127\.0\.0\.1:9: connection refused[\s\S]*redis-server --port 6379/);
  });

  it.skipIf(!hasRedis)("--start-servers --start-workers 2 runs wordcount end to end, prints predicted vs measured and writes the timeline", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-run-"));
    const plot = join(dir, "t.svg");
    const platform = join(dir, "platform.json");
    await writeFile(platform, JSON.stringify({ vm: { cores: 1, poolSize: 2 } }));
    const out = captureStdout();
    const code = await runRunCommand(["--dag", DAG, "--input", "1 MiB", "--platform", platform, "--start-servers", "--plot", plot, "--out", join(dir, "run.json"), "--traces", join(dir, "runs.csv")]);
    expect(code).toBe(0);
    expect(out.text()).toMatch(/predicted\s+measured/);
    expect((await readFile(plot, "utf8"))).toMatch(/^<svg[\s\S]*measured makespan/);
    const saved = JSON.parse(await readFile(join(dir, "run.json"), "utf8")) as { plan: { placement: { stageId: string; instances: number }[] }; run: { kind: string; instances: unknown[] } };
    expect(saved.run.kind).toBe("measured");
    // The plan's sized counts ran: one result object per reducer.
    const [maps, reducers] = ["map", "reduce"].map((id) => saved.plan.placement.find((p) => p.stageId === id)!.instances) as [number, number];
    expect(saved.run.instances).toHaveLength(maps + reducers);
    expect(out.text()).toContain(`result: ${reducers} object(s)`);
    // One trace row per instance: the maps (fanout: the reducers) and the reducers (sinks).
    const rows = (await readFile(join(dir, "runs.csv"), "utf8")).trimEnd().split("\n");
    expect(rows[0]).toBe("app,function,input_bytes,runtime_ms,memory_mb,output_bytes,fanout,memory_setting_mb,cold");
    expect(rows.slice(1).map((r) => r.split(",").slice(0, 2).concat(r.split(",")[6]!).join(" "))).toEqual([...Array<string>(maps).fill(`wordcount wc-map ${reducers}`), ...Array<string>(reducers).fill("wordcount wc-reduce 1")]);
  }, 120_000);
});
