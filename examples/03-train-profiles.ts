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
for (const [fn, f] of Object.entries(set.data.functions)) {
  for (const [target, t] of Object.entries(f.targets)) {
    const mape = t.metrics.mapePercent === null ? "n/a" : `${t.metrics.mapePercent.toFixed(1)}%`;
    const r2 = t.metrics.r2 === null ? "n/a" : t.metrics.r2.toFixed(3);
    console.log(`${fn.padEnd(10)} ${target.padEnd(12)} ${t.model.family.padEnd(8)} ${t.metrics.method} MAPE ${mape}, R² ${r2}`);
  }
}

// Predictions come with an interval and say when they extrapolate.
for (const mb of [16, 512]) {
  const p = predict(set, "wc-map", mb * 2 ** 20);
  console.log(`wc-map at ${mb} MiB: runtime ${p.runtimeMs.median.toFixed(0)} ms [${p.runtimeMs.low.toFixed(0)}, ${p.runtimeMs.high.toFixed(0)}], ${p.inputRange} the trained range`);
}

// Save, reload, and plan with the reloaded set at the 95th percentile of memory and output size.
const dir = path.join(await mkdtemp(path.join(tmpdir(), "sluice-")), "wordcount");
await saveProfiles(set, dir);
const reloaded = await loadProfiles(dir);
const dag = JSON.parse(readFileSync(new URL("./dags/wordcount.json", import.meta.url), "utf8")) as unknown;
const p = await plan(dag, "64 MiB", { profiles: reloaded, quantile: 0.95 });
console.log(`plan: ${p.edges.map((e) => e.mode).join(", ")}, ${(p.predicted.makespanMs / 1000).toFixed(2)} s, memory ${p.placement.map((s) => `${s.stageId} ${s.billedMemoryMb} MB`).join(", ")}`);
