/**
 * Training at scale: `sluice train` on a generated trace of 1,000,000 invocations in the shape of
 * published per-invocation workflow traces (func, start, end, is_cold, request_id, blob.download,
 * blob.upload, provider.execution_duration, max_mem_used, billing.mem; test/support/workflow-traces.ts:
 * map-reduce runs, every 10th run cold, memory settings 512/1024/2048 MB), with the flags a user of
 * such a trace needs: runtime derived from end − start, fanout counted per run. Measures wall time, CPU time and
 * peak resident memory of the CLI process (target: ≤ 60 s within 1 GB on this 2-core machine), the
 * size of profiles.json per function (target ≤ 100 KB) and of the --plot SVG (target ≤ 200 KB).
 * Writes the "Training at scale" section of bench/RESULTS.md.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { workflowTraceLines } from "../test/support/workflow-traces.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const ROWS = Number(process.env.TRAIN_SCALE_ROWS ?? 1_000_000);

async function writeTrace(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  let n = -1; // the header
  // More runs than needed (a run has ≥ 3 rows); the loop stops at the first whole run past `rows`.
  for (const line of workflowTraceLines({ runs: rows, sizesMb: [1, 2, 4, 8, 16, 24, 32], coldEvery: 10, memorySettingsMb: [512, 1024, 2048], seed: 3 })) {
    if (n >= rows && line.startsWith("split,")) break; // whole runs only
    if (!out.write(line + "\n")) await once(out, "drain");
    n++;
  }
  out.end();
  await once(out, "finish");
  return n;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sluice-train-scale-"));
  try {
    const trace = path.join(dir, "trace.csv");
    const rows = await writeTrace(trace, ROWS);
    const traceMb = statSync(trace).size / 1e6;
    const out = path.join(dir, "model");
    const plot = path.join(dir, "fit.svg");
    const args = ["--import", "tsx", "src/cli/main.ts", "train", "--traces", trace, "--out", out, "--plot", plot, "--quiet",
      "--derive", "runtimeMs=(end - start) * 1000", "--fanout-run", "request_id", "--next", "split=map", "--next", "map=reduce"];
    const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
    const load = os.loadavg()[0]!;
    const t0 = performance.now();
    const run = timeBin === undefined ? spawnSync(process.execPath, args, { encoding: "utf8" }) : spawnSync(timeBin, ["-f", "maxrss_kb=%M user_s=%U sys_s=%S", process.execPath, ...args], { encoding: "utf8" });
    const wallS = (performance.now() - t0) / 1000;
    if (run.status !== 0) throw new Error(`sluice train failed (${run.status}): ${run.stderr}`);
    const rssMb = Number(/maxrss_kb=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1024;
    const cpuS = Number(/user_s=([\d.]+)/.exec(run.stderr)?.[1] ?? Number.NaN) + Number(/sys_s=([\d.]+)/.exec(run.stderr)?.[1] ?? Number.NaN);
    const profiles = JSON.parse(readFileSync(path.join(out, "profiles.json"), "utf8")) as { functions: Record<string, unknown> };
    const fnCount = Object.keys(profiles.functions).length;
    const jsonKb = statSync(path.join(out, "profiles.json")).size / 1024;
    const plotKb = statSync(plot).size / 1024;
    const trainMs = /in (\d+) ms/.exec(run.stdout)?.[1];
    const body = [
      machineLine("npm run bench:train-scale"),
      "",
      `A generated trace of ${rows.toLocaleString("en")} invocations (${traceMb.toFixed(0)} MB of CSV) in the published per-invocation workflow shape (map-reduce runs of 1–32 MB, every 10th run cold, memory settings 512/1024/2048 MB), trained with \`sluice train --traces trace.csv --derive 'runtimeMs=(end - start) * 1000' --fanout-run request_id --next split=map --next map=reduce --plot fit.svg\` (run with \`node --import tsx\`, so TypeScript is compiled on the fly).`,
      "",
      "| measure | figure | target |",
      "|---|---:|---|",
      `| wall time, end to end (read, train ${fnCount} functions × warm/cold, save, plot) | **${wallS.toFixed(1)} s** | ≤ 60 s |`,
      `| CPU time of the CLI process, user + system (the work runs on one thread, so a quiet run's wall time should be near this: an estimate, not a measurement) | ${Number.isNaN(cpuS) ? "not measured (no /usr/bin/time)" : `${cpuS.toFixed(1)} s`} | |`,
      `| of which training (trainProfiles, as the CLI reports it; wall time) | ${trainMs === undefined ? "–" : `${(Number(trainMs) / 1000).toFixed(1)} s`} | |`,
      `| peak resident memory of the CLI process | **${Number.isNaN(rssMb) ? "not measured (no /usr/bin/time)" : `${rssMb.toFixed(0)} MB`}** | ≤ 1 GB |`,
      `| profiles.json | ${jsonKb.toFixed(1)} KB for ${fnCount} functions (${(jsonKb / fnCount).toFixed(1)} KB per function) | ≤ 100 KB per function |`,
      `| --plot SVG | ${plotKb.toFixed(0)} KB | ≤ 200 KB |`,
      "",
      `1-minute load average ${load.toFixed(2)} at the start and ${os.loadavg()[0]!.toFixed(2)} at the end, on ${os.cpus().length} cores: the machine is shared, and a load above 2 inflates the wall time.`,
    ].join("\n");
    writeResultsSection("Training at scale", body);
    process.stdout.write(body + "\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
