/**
 * `npm run bench:fuzz`: ≥ 10,000 seeded fast-check cases over plan, simulate, trace CSVs, JSON Lines
 * traces, Lambda logs with their sizes, model folders and damaged Parquet and gzip trace files (test/support/fuzz), each classified as a result with only finite numbers, a catalogued
 * error, a non-finite result or a crash, and timed. Targets (issue: hardening): 0 crashes, 0 NaN or
 * Infinity in any output, 0 cases over 5 s. Writes the tally into bench/RESULTS.md; exits 1 when a
 * target is missed, listing the failing inputs.
 * SCALE=0.1 runs a tenth of the cases (a quick look; the section then says so).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { saveProfiles } from "../src/profiles/store/save-profiles.js";
import { generateTraces, SYNTHETIC_SORT } from "../test/support/synthetic-traces.js";
import { trainProfiles } from "../src/profiles/train/train-profiles.js";
import { runFuzz, type FuzzTally } from "../test/support/fuzz/run-fuzz.js";
import { csvTarget, jsonlTarget, lambdaTarget, modelTarget, planTarget, simulateTarget, traceFilesTarget, type FuzzTarget } from "../test/support/fuzz/targets.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const SCALE = Number(process.env.SCALE ?? 1);
const SEED = Number(process.env.SEED ?? 20_261_203);

const root = await mkdtemp(path.join(os.tmpdir(), "sluice-fuzz-bench-"));
try {
  const records = generateTraces(SYNTHETIC_SORT, { inputBytes: [1, 2, 4, 8, 16, 32].map((m) => m * 1e6), noise: 0.05, seed: 1 });
  await saveProfiles(await trainProfiles(records, { model: { runtimeMs: "mlp" } }), path.join(root, "model"));
  const plan: [FuzzTarget<unknown>, number][] = [
    [planTarget as FuzzTarget<unknown>, 4000],
    [simulateTarget as FuzzTarget<unknown>, 2000],
    [csvTarget as FuzzTarget<unknown>, 2500],
    [jsonlTarget as FuzzTarget<unknown>, 1500],
    [lambdaTarget as FuzzTarget<unknown>, 1500],
    [modelTarget(path.join(root, "model"), path.join(root, "scratch")) as FuzzTarget<unknown>, 1500],
    [traceFilesTarget(path.join(root, "files")) as FuzzTarget<unknown>, 1500],
  ];
  const loadBefore = os.loadavg()[0]!;
  const t0 = performance.now();
  const tallies: FuzzTally[] = [];
  for (const [target, count] of plan) {
    const n = Math.max(1, Math.round(count * SCALE));
    const tally = await runFuzz(target, n, SEED);
    tallies.push(tally);
    console.log(`${tally.target}: ${n} cases, ${JSON.stringify(tally.kinds)}, max ${tally.maxMs.toFixed(0)} ms`);
  }
  const wallS = (performance.now() - t0) / 1000;
  const loadAfter = os.loadavg()[0]!;

  const sum = (f: (t: FuzzTally) => number) => tallies.reduce((s, t) => s + f(t), 0);
  const cases = sum((t) => t.cases);
  const crashes = sum((t) => t.kinds.crash);
  const nonFinite = sum((t) => t.kinds.nonFinite);
  const over5s = sum((t) => t.over5s);
  const rows = tallies.map((t) => `| ${t.target} | ${t.cases} | ${t.kinds.result} | ${t.kinds.error} | ${t.kinds.crash} | ${t.kinds.nonFinite} | ${t.over5s} | ${t.medianMs.toFixed(1)} | ${t.maxMs.toFixed(0)} | ${t.codes.size} |`);
  const codes = new Map<string, number>();
  for (const t of tallies) for (const [c, n] of t.codes) codes.set(c, (codes.get(c) ?? 0) + n);
  const topCodes = [...codes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const failures = tallies.flatMap((t) => t.failures.map((f) => `- ${t.target} ${f.kind}: ${f.detail} — input ${f.input}`));
  const verdict = crashes === 0 && nonFinite === 0 && over5s === 0 ? "all three targets met" : "TARGET MISSED";

  writeResultsSection(
    "Fuzzing",
    `${machineLine(`${SCALE === 1 ? "" : `SCALE=${SCALE} `}npm run bench:fuzz`)}

${cases.toLocaleString("en")} seeded cases (seed ${SEED}) drawn by fast-check — about a fifth to a third of each input corrupted in one place (a leaf replaced by NaN, ±Infinity, 1e300, a prototype name, a wrong type; a key misspelt, dropped or added), model folders truncated, of a wrong version or shape, or with flipped weight bytes, and Parquet and gzip-compressed trace files truncated or with bytes flipped, overwritten or put in front. Each case is a result (only finite numbers in it), a catalogued error (not an internal one), a non-finite result, or a crash; each is timed. Wall time ${wallS.toFixed(0)} s, one process, cases in sequence. The machine was shared: 1-minute load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after, on ${os.cpus().length} cores, so per-case times are upper bounds.

Targets: 0 crashes, 0 NaN or Infinity in any output, 0 cases over 5 s — **${verdict}**: ${crashes} crashes, ${nonFinite} non-finite results, ${over5s} cases over 5 s.

| target | cases | results | catalogued errors | crashes | non-finite | over 5 s | median ms | max ms | distinct codes |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

Catalogued errors seen (${codes.size} codes): ${topCodes.map(([c, n]) => `${c} ×${n}`).join(", ")}.
${failures.length === 0 ? "" : `\nFailing cases:\n${failures.slice(0, 20).join("\n")}\n`}`,
  );
  console.log(`${verdict}: ${cases} cases, ${crashes} crashes, ${nonFinite} non-finite, ${over5s} over 5 s, ${wallS.toFixed(0)} s`);
  if (failures.length > 0) console.log(failures.join("\n"));
  process.exitCode = verdict === "TARGET MISSED" ? 1 : 0;
} finally {
  await rm(root, { recursive: true, force: true });
}
