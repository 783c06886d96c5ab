/**
 * Notebook-style training: read a trace CSV, train profiles, inspect fits and predictions,
 * save and reload them, and plan with them. Run: `npx tsx examples/03-train-profiles.ts`.
 */
import { mkdtemp } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadProfiles, plan, predict, readCsvTraces, saveProfiles, trainProfiles } from "../src/index.js";

const { records, report } = await readCsvTraces(new URL("../datasets/wordcount.csv", import.meta.url).pathname);
console.log(`read ${report.rowsKept} invocations`);

const set = await trainProfiles(records);
// The chosen model per target, with its error when the largest sizes are held out (what planning beyond the traces relies on).
const pct = (v: number | null) => (v === null ? "n/a" : `${v.toFixed(1)}%`);
for (const [fn, f] of Object.entries(set.data.functions)) {
  for (const [target, t] of Object.entries(f.targets)) {
    console.log(`${fn.padEnd(10)} ${target.padEnd(12)} ${t.model.family.padEnd(8)} extrapolation MAPE ${pct(t.metrics.extrapolationMapePercent)}, k-fold MAPE ${pct(t.metrics.kfoldMapePercent)}`);
  }
}

// Predictions come with an interval, and say when and how far they extrapolate.
for (const mb of [16, 512]) {
  const p = predict(set, "wc-map", mb * 2 ** 20);
  const far = p.extrapolations.map((e) => `${e.target} ${e.factor.toFixed(1)}× ${e.direction}, interval ${e.intervalWidening.toFixed(2)}× wider`).join("; ");
  console.log(`wc-map at ${mb} MiB: runtime ${p.runtimeMs!.median.toFixed(0)} ms [${p.runtimeMs!.low.toFixed(0)}, ${p.runtimeMs!.high.toFixed(0)}], ${p.inputRange} the trained range${far === "" ? "" : ` (${far})`}`);
}

// Save, reload, and plan with the reloaded set at the 95th percentile of memory and output size.
const dir = path.join(await mkdtemp(path.join(tmpdir(), "sluice-")), "wordcount");
await saveProfiles(set, dir);
const reloaded = await loadProfiles(dir);
const dag = JSON.parse(readFileSync(new URL("./dags/wordcount.json", import.meta.url), "utf8")) as unknown;
const p = await plan(dag, "64 MiB", { profiles: reloaded, quantile: 0.95 });
console.log(`plan: ${p.edges.map((e) => e.mode).join(", ")}, ${(p.predicted.makespanMs / 1000).toFixed(2)} s, memory ${p.placement.map((s) => `${s.stageId} ${s.billedMemoryMb} MB`).join(", ")}`);
