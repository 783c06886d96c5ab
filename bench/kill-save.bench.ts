/**
 * `npm run bench:kill-save`: the model-folder kill test at full count. A child process saves a
 * profile set over another in a loop and is killed (SIGKILL) after a random delay, KILLS times (200
 * by default); after each kill the folder must load as the old or the new set, and the next save
 * must leave no temporary behind. npm test runs the same check with 6 kills.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { generateTraces, SYNTHETIC_SORT } from "../test/support/synthetic-traces.js";
import { trainProfiles } from "../src/profiles/train/train-profiles.js";
import { killSaves } from "../test/support/kill-saves.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const KILLS = Number(process.env.KILLS ?? 200);
execFileSync("npm", ["run", "-s", "build"], { stdio: "inherit" });
const records = generateTraces(SYNTHETIC_SORT, { inputBytes: [1, 2, 4, 8, 16, 32].map((m) => m * 1e6), noise: 0.05, seed: 1 });
const a = await trainProfiles(records, { model: "linear" });
const b = await trainProfiles(records, { model: { runtimeMs: "mlp" }, seed: 3 });
const root = await mkdtemp(path.join(tmpdir(), "sluice-kill-save-"));
const load = os.loadavg()[0]!;
const t0 = performance.now();
const o = await killSaves({ root, a, b, kills: KILLS, seed: 2026, maxDelayMs: 60, child: ["bench/save-in-a-loop.mjs"] });
const minutes = (performance.now() - t0) / 60000;
await rm(root, { recursive: true, force: true });
writeResultsSection(
  "Model folder kill test",
  `${machineLine("npm run bench:kill-save")}

A child process saves set B over set A and back in a loop (profiles.json + weights.bin, B with MLP weights so the files differ in size too) and is killed with SIGKILL after a random delay of 0–60 ms from its first save; seed 2026. ${o.kills} kills in ${minutes.toFixed(1)} min (1-minute load average ${load.toFixed(1)} on ${os.cpus().length} cores at the start).

| kills | loaded as set A | loaded as set B | killed between the two renames (read from the complete sibling) | left a temporary (removed by the next save) | failures |
|---:|---:|---:|---:|---:|---:|
| ${o.kills} | ${o.loadedOld} | ${o.loadedNew} | ${o.midSwap} | ${o.leftTemps} | ${o.failures.length} |

${o.failures.length === 0 ? "Every kill left a folder that loads as one of the two sets, and every following save left no temporary sibling. The window between the two renames of a replace is a few microseconds, so random kills rarely land in it; that state (no NAME, a complete new sibling) is built directly by a unit test in src/profiles/store/model-folder.test.ts, which checks that it loads as the new set and that the next save repairs it." : "Failures:\n" + o.failures.map((f) => `- ${f}`).join("\n")}`,
);
process.stdout.write(JSON.stringify(o, null, 1) + "\n");
if (o.failures.length > 0) process.exitCode = 1;
