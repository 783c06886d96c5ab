/**
 * Times the three MILP engines on MILPs shaped like Sluice's planning model and writes the
 * "## LP engines" section of bench/RESULTS.md (other sections are left as they are).
 *
 * Model per size (deterministic, seeded): a random DAG with `edges` edges; per edge 3–4 transfer
 * modes, each a binary `y` (mode used) and a continuous fraction `f` (share of receivers), with
 * Σ f = 1, f ≤ y, Σ y ≤ 2 (at most a two-way split) and a transfer time `t_e ≥ a·y + b·f` per
 * mode; per stage continuous start/finish with `S_v ≥ F_u + t_e`, `F_v = S_v + base_v`, and a
 * cache-admission binary `z_u` (cache mode only where admitted, admitted bytes ≤ capacity);
 * one budget row over every mode's price; objective: minimise the makespan.
 *
 * Run: npm run bench:lp
 */

import os from "node:os";
import type { MilpConstraint, MilpModel, MilpVariable } from "../src/lp/model.js";
import type { EngineName, MilpResult } from "../src/lp/result.js";
import { AUTO_ENGINE, solveMilp } from "../src/lp/solve-milp.js";
import { ENGINE_NAMES } from "../src/lp/load-engine.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";
import { mulberry32 } from "../src/util/mulberry32.js";

const SIZES_EDGES = [5, 20, 50, 100, 200];
const TIME_LIMIT_MS = 20_000;
const REPEATS = 3;
const SEED = 20240611;

const makeRandom = mulberry32;

/** A DAG over `stageCount` stages: every stage after the first has a parent among the 4 before it, then random extra edges. */
function makeDagEdges(edgeCount: number, random: () => number): { stageCount: number; edges: [number, number][] } {
  const stageCount = Math.max(3, Math.round(edgeCount * 0.6) + 2);
  const keys = new Set<string>();
  const edges: [number, number][] = [];
  const add = (u: number, v: number) => keys.has(`${u}>${v}`) || (keys.add(`${u}>${v}`), edges.push([u, v]));
  for (let v = 1; v < stageCount && edges.length < edgeCount; v++) add(Math.max(0, v - 1 - Math.floor(random() * 4)), v);
  while (edges.length < edgeCount) {
    const v = 1 + Math.floor(random() * (stageCount - 1));
    add(Math.floor(random() * v), v);
  }
  return { stageCount, edges };
}

const MODES = ["vm-local", "direct", "remote", "cache"] as const;

/** Per mode: latency-like fixed time a (ms), per-full-transfer time b (ms), price per use and per fraction (µ$). */
function drawModeCosts(mode: (typeof MODES)[number], dataMb: number, random: () => number) {
  const jitter = () => 0.7 + 0.6 * random();
  switch (mode) {
    case "vm-local": return { a: 200 * jitter(), b: (dataMb / 2000) * 1000 * jitter(), fixed: 0, perFraction: 0 };
    case "direct": return { a: 1, b: (dataMb / 75) * 1000 * jitter(), fixed: 1, perFraction: 2 * jitter() };
    case "remote": return { a: 40 * jitter(), b: (dataMb / 40) * 1000 * jitter(), fixed: 5 * jitter(), perFraction: 20 * jitter() };
    case "cache": return { a: 2, b: (dataMb / 400) * 1000 * jitter(), fixed: 10 * jitter(), perFraction: 8 * jitter() };
  }
}

function makePlanningMilp(edgeCount: number, seed: number): MilpModel {
  const random = makeRandom(seed + edgeCount);
  const { stageCount, edges } = makeDagEdges(edgeCount, random);
  const variables: MilpVariable[] = [{ name: "makespan", kind: "continuous" }];
  const constraints: MilpConstraint[] = [];
  const budgetTerms: Record<string, number> = {};
  const sizeMb = Array.from({ length: stageCount }, () => Math.exp(Math.log(5) + random() * Math.log(400)));
  let cheapest = 0;
  let fastestCost = 0;
  for (let s = 0; s < stageCount; s++) {
    variables.push({ name: `S[${s}]`, kind: "continuous" }, { name: `F[${s}]`, kind: "continuous" }, { name: `z[${s}]`, kind: "binary" });
    const baseMs = 100 + random() * 900; // the stage's own runtime
    constraints.push({ name: `finish[${s}]`, terms: { [`F[${s}]`]: 1, [`S[${s}]`]: -1 }, lower: baseMs, upper: baseMs });
    constraints.push({ name: `makespan ≥ F[${s}]`, terms: { makespan: 1, [`F[${s}]`]: -1 }, lower: 0 });
    budgetTerms[`z[${s}]`] = sizeMb[s]! * 0.05;
  }
  edges.forEach(([u, v], e) => {
    const modes = random() < 0.3 ? MODES.slice(1) : MODES;
    const t = `t[${u}->${v}]`;
    const fractionTerms: Record<string, number> = {};
    const usedTerms: Record<string, number> = {};
    const costs = modes.map((m) => drawModeCosts(m, sizeMb[u]!, random));
    variables.push({ name: t, kind: "continuous" });
    modes.forEach((mode, k) => {
      const y = `y[${u}->${v}][${mode}]`;
      const f = `f[${u}->${v}][${mode}]`;
      const { a, b, fixed, perFraction } = costs[k]!;
      variables.push({ name: y, kind: "binary" }, { name: f, kind: "continuous", upper: 1 });
      constraints.push({ name: `f ≤ y ${e} ${mode}`, terms: { [f]: 1, [y]: -1 }, upper: 0 });
      constraints.push({ name: `t ≥ a·y + b·f ${e} ${mode}`, terms: { [t]: 1, [y]: -a, [f]: -b }, lower: 0 });
      if (mode === "cache") constraints.push({ name: `cache only if admitted ${e}`, terms: { [y]: 1, [`z[${u}]`]: -1 }, upper: 0 });
      [fractionTerms[f], usedTerms[y], budgetTerms[y], budgetTerms[f]] = [1, 1, fixed, perFraction];
    });
    constraints.push({ name: `Σf = 1 ${e}`, terms: fractionTerms, lower: 1, upper: 1 }, { name: `Σy ≤ 2 ${e}`, terms: usedTerms, upper: 2 });
    constraints.push({ name: `precedence ${e}`, terms: { [`S[${v}]`]: 1, [`F[${u}]`]: -1, [t]: -1 }, lower: 0 });
    cheapest += Math.min(...costs.map((c) => c.fixed + c.perFraction));
    const fastest = costs.reduce((best, c) => (c.a + c.b < best.a + best.b ? c : best));
    fastestCost += fastest.fixed + fastest.perFraction;
  });
  const totalMb = sizeMb.reduce((x, y) => x + y, 0);
  constraints.push({ name: "cache capacity", terms: Object.fromEntries(sizeMb.map((mb, s) => [`z[${s}]`, mb])), upper: 0.3 * totalMb });
  constraints.push({ name: "budget", terms: budgetTerms, upper: cheapest + 0.5 * Math.max(0, fastestCost - cheapest) });
  return { direction: "minimize", objective: { makespan: 1 }, constraints, variables };
}

interface Row {
  readonly edges: number;
  readonly model: MilpModel;
  readonly engine: EngineName;
  readonly result: MilpResult;
  readonly medianMs: number;
  readonly runs: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(edges: number, engine: EngineName): Promise<Row> {
  const model = makePlanningMilp(edges, SEED);
  const times: number[] = [];
  let result: MilpResult | undefined;
  for (let r = 0; r < REPEATS; r++) {
    const started = performance.now();
    result = await solveMilp(model, { engine, timeLimitMs: TIME_LIMIT_MS });
    times.push(performance.now() - started);
    if (result.status !== "optimal") break; // a limit or failure: repeating only costs time
  }
  return { edges, model, engine, result: result!, medianMs: median(times), runs: times.length };
}

function formatNumber(value: number | undefined, digits = 1): string {
  return value === undefined || !Number.isFinite(value) ? "–" : value.toFixed(digits);
}

/** "highs (12 ms; glpk 3.1×, jslp 40×)" — ratios of the other optimal engines' times. */
function summariseSize(rows: readonly Row[]): string {
  const optimal = rows.filter((r) => r.result.status === "optimal").sort((a, b) => a.medianMs - b.medianMs);
  const best = optimal[0];
  if (best === undefined) return "no engine proved optimality within the limit";
  const others = rows.filter((r) => r !== best).map((r) => (r.result.status === "optimal" ? `${r.engine} ${(r.medianMs / best.medianMs).toFixed(1)}×` : `${r.engine} ${r.result.status}`));
  return `${best.engine} (${formatNumber(best.medianMs, 0)} ms; ${others.join(", ")})`;
}

function renderSection(rows: readonly Row[], loadAverage: readonly number[]): string {
  const header = [
    machineLine("npm run bench:lp"),
    `Load average (1/5/15 min) when the run ended: ${loadAverage.map((l) => l.toFixed(1)).join(" / ")} — the machine was shared, so times are indicative.`,
    "",
    `Models: planning-shaped MILPs (per edge 3–4 mode binaries + split fractions + transfer time; per stage start/finish and a cache-admission binary; precedence, cache capacity and budget rows; minimise makespan), seed ${SEED}.`,
    `Each solve goes through \`solveMilp\` (validation and answer check included) after one warm-up solve per engine (wasm init, worker start); time limit ${TIME_LIMIT_MS / 1000} s. Time is the median of ${REPEATS} runs, or of fewer when a run did not finish optimal. "gap" = |objective − best bound| / |objective| where the engine reports a bound (HiGHS only).`,
    "",
    "| edges | binaries | continuous | rows | engine | status | makespan ms (objective) | gap | median solve ms | runs |",
    "|---:|---:|---:|---:|---|---|---:|---:|---:|---:|",
  ];
  const lines = rows.map(({ edges, model, engine, result, medianMs, runs }) => {
    const binaries = model.variables.filter((v) => v.kind === "binary").length;
    const gap = result.bestBound === undefined ? undefined : Math.abs(result.objective - result.bestBound) / Math.max(1e-9, Math.abs(result.objective));
    return `| ${edges} | ${binaries} | ${model.variables.length - binaries} | ${model.constraints.length} | ${engine} | ${result.status} | ${formatNumber(result.objective)} | ${gap === undefined ? "–" : (100 * gap).toFixed(2) + "%"} | ${formatNumber(medianMs, 0)} | ${runs} |`;
  });
  const summary = SIZES_EDGES.map((edges) => `${edges} edges: ${summariseSize(rows.filter((r) => r.edges === edges))}`);
  const footer = ["", "Fastest engine that proved optimality, per size:", "", ...summary.map((s) => `- ${s}`), "", `\`solveMilp({ engine: "auto" })\` resolves to **${AUTO_ENGINE}** (src/lp/solve-milp.ts).`, ""];
  return [...header, ...lines, ...footer].join("\n");
}

for (const engine of ENGINE_NAMES) await solveMilp(makePlanningMilp(3, SEED), { engine, timeLimitMs: TIME_LIMIT_MS }); // warm-up
const rows: Row[] = [];
for (const edges of SIZES_EDGES) {
  for (const engine of ENGINE_NAMES) {
    const row = await measure(edges, engine);
    rows.push(row);
    console.log(`${edges} edges ${engine}: ${row.result.status} objective ${formatNumber(row.result.objective)} in ${formatNumber(row.medianMs, 0)} ms${row.result.message ? ` (${row.result.message})` : ""}`);
  }
}
writeResultsSection("LP engines", renderSection(rows, os.loadavg()));
console.log('wrote the "LP engines" section of bench/RESULTS.md');
