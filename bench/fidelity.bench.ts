/**
 * Prediction fidelity: does a plan keep its promises on the simulator? Every example DAG × 4 input
 * sizes (0.01×–10× its nominal input: three orders of magnitude) × both objectives — the fastest plan
 * within a budget, the cheapest within a deadline. Each plan's predicted makespan and cost against
 * the mean of FIDELITY_SEEDS simulated runs (≥ 5), how often the run kept the limit, and the same
 * plan made with `confidence: 0.95` run on CONFIDENCE_SEEDS seeds. Then the two named cases
 * (tpcds-q95 at 20 GiB, mapreduce-sort at 1 TiB). Writes `## Prediction fidelity` in
 * bench/RESULTS.md and bench/fidelity.svg.
 *
 * Limits per (app, size), from the cheapest plan (cost C, makespan Mc) and the fastest (F, Mf):
 *   budget = max(C + ½ (F − C), 1.02 C)     deadline = max(Mf + ½ (Mc − Mf), 1.1 Mf)
 * Profiles: the defaults plan() uses (trained sets for the traced apps, analytic laws for the rest);
 * the simulator draws runtimes around them with its default noise (CV 0.1 on point profiles,
 * the trained sets' residual grid). Env: FIDELITY_APPS, FIDELITY_FACTORS, FIDELITY_SEEDS, CONFIDENCE_SEEDS.
 */
import os from "node:os";
import { readFileSync, writeFileSync } from "node:fs";
import type * as vl from "vega-lite";
import { vegaLiteSvg } from "../src/util/vega-lite-svg.js";
import { pct, secs } from "./figures.js";
import { quantile } from "../src/util/quantile.js";
import { plan } from "../src/plan/plan.js";
import type { Plan } from "../src/plan/types.js";
import { defaultProfiles } from "../src/profiles/defaults/default-profiles.js";
import type { ProfileProvider } from "../src/profiles/types.js";
import { simulateSync } from "../src/simulate/simulate.js";
import { formatBytes } from "../src/units/size.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const ALL_APPS: readonly [string, number][] = [
  ["video-analytics", 15e6],
  ["lightgbm", 200e6],
  ["mapreduce-sort", 1.5e9],
  ["tpcds-q95", 66e9 / 0.9],
  ["wide-fanout", 2e9],
  ["wordcount", 32 * MiB],
  ["query-pipeline", 32 * MiB],
  ["kmeans", 32 * MiB],
];
const APPS = process.env.FIDELITY_APPS === undefined ? ALL_APPS : ALL_APPS.filter(([a]) => process.env.FIDELITY_APPS!.split(",").includes(a));
const FACTORS = (process.env.FIDELITY_FACTORS ?? "0.01,0.1,1,10").split(",").map(Number);
const SEEDS = Array.from({ length: Number(process.env.FIDELITY_SEEDS ?? 5) }, (_, k) => k + 1);
const CONF_SEEDS = Array.from({ length: Number(process.env.CONFIDENCE_SEEDS ?? 20) }, (_, k) => 101 + k);
const CONFIDENCE = 0.95;

type Objective = "latency" | "cost";
interface Row {
  readonly app: string;
  readonly inputBytes: number;
  readonly objective: Objective;
  readonly limit: number;
  readonly modes: string;
  readonly status: Plan["status"];
  readonly predictedMs: number;
  readonly simulatedMs: number;
  readonly predictedUsd: number;
  readonly simulatedUsd: number;
  readonly kept: number;
  readonly confidence?: { readonly status: Plan["status"]; readonly kept: number; readonly boundMs: number; readonly boundUsd: number };
  readonly simSeconds: number;
}

const label = (p: Plan) => p.edges.map((e) => (e.split ? Object.entries(e.split).map(([m, f]) => `${m[0]!.toUpperCase()}${Math.round(f * 100)}`).join("+") : e.mode[0]!.toUpperCase())).join(",") + (p.admitted.length > 0 ? ` [${p.admitted.join(",")}]` : "");
const signed = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;

function runs(dag: unknown, p: Plan, profiles: ProfileProvider, seeds: readonly number[]) {
  return seeds.map((seed) => simulateSync(dag, p, { profiles, seed }));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const profiles = await defaultProfiles();
  const rows: Row[] = [];
  for (const [app, nominal] of APPS) {
    const dag = JSON.parse(readFileSync(`examples/dags/${app}.json`, "utf8")) as unknown;
    for (const factor of FACTORS) {
      const inputBytes = Math.round(nominal * factor);
      const tCase = performance.now();
      const fastest = await plan(dag, inputBytes, { profiles });
      const cheapest = await plan(dag, inputBytes, { profiles, objective: "cost" });
      const budgetUsd = Math.max(cheapest.predicted.costUsd + 0.5 * (fastest.predicted.costUsd - cheapest.predicted.costUsd), 1.02 * cheapest.predicted.costUsd);
      const deadlineMs = Math.max(fastest.predicted.makespanMs + 0.5 * (cheapest.predicted.makespanMs - fastest.predicted.makespanMs), 1.1 * fastest.predicted.makespanMs);
      for (const objective of ["latency", "cost"] as const) {
        const limit = objective === "latency" ? budgetUsd : deadlineMs;
        const limits = objective === "latency" ? { budgetUsd } : { objective, deadlineMs };
        const p = await plan(dag, inputBytes, { profiles, ...limits });
        const tSim = performance.now();
        const rs = runs(dag, p, profiles, SEEDS);
        const simSeconds = (performance.now() - tSim) / 1000 / SEEDS.length;
        const within = (r: (typeof rs)[number]) => (objective === "latency" ? r.cost.totalUsd <= budgetUsd * (1 + 1e-9) : r.makespanMs <= deadlineMs * (1 + 1e-9));
        const c = await plan(dag, inputBytes, { profiles, ...limits, confidence: CONFIDENCE });
        const crs = runs(dag, c, profiles, CONF_SEEDS);
        rows.push({
          app,
          inputBytes,
          objective,
          limit,
          modes: label(p),
          status: p.status,
          predictedMs: p.predicted.makespanMs,
          simulatedMs: rs.reduce((a, r) => a + r.makespanMs, 0) / rs.length,
          predictedUsd: p.predicted.costUsd,
          simulatedUsd: rs.reduce((a, r) => a + r.cost.totalUsd, 0) / rs.length,
          kept: rs.filter(within).length / rs.length,
          confidence: { status: c.status, kept: crs.filter(within).length / crs.length, boundMs: c.risk!.atConfidence.makespanMs, boundUsd: c.risk!.atConfidence.costUsd },
          simSeconds,
        });
      }
      process.stderr.write(`${app} ${formatBytes(inputBytes)}: ${((performance.now() - tCase) / 1000).toFixed(1)} s\n`);
    }
  }
  const named = await namedCases(profiles);
  const totalS = (performance.now() - t0) / 1000;
  writeFileSync("bench/fidelity.svg", await renderPlot(rows));
  writeResultsSection("Prediction fidelity", report(rows, named, totalS));
  process.stderr.write(`done in ${totalS.toFixed(0)} s\n`);
}

interface Named {
  readonly name: string;
  readonly modes: string;
  readonly predictedMs: number;
  readonly simulatedMs: number;
  readonly predictedUsd: number;
  readonly simulatedUsd: number;
  readonly warnings: number;
}

/** tpcds-q95 at 20 GiB and mapreduce-sort at 1 TiB, the default plan with the default profiles. */
async function namedCases(profiles: ProfileProvider): Promise<Named[]> {
  const out: Named[] = [];
  for (const [app, size] of [["tpcds-q95", 20 * GiB], ["mapreduce-sort", 1024 * GiB]] as const) {
    if (process.env.FIDELITY_APPS !== undefined && !process.env.FIDELITY_APPS.split(",").includes(app)) continue;
    const dag = JSON.parse(readFileSync(`examples/dags/${app}.json`, "utf8")) as unknown;
    const p = await plan(dag, size, { profiles });
    const rs = runs(dag, p, profiles, SEEDS);
    out.push({
      name: `${app} at ${formatBytes(size)}`,
      modes: label(p),
      predictedMs: p.predicted.makespanMs,
      simulatedMs: rs.reduce((a, r) => a + r.makespanMs, 0) / rs.length,
      predictedUsd: p.predicted.costUsd,
      simulatedUsd: rs.reduce((a, r) => a + r.cost.totalUsd, 0) / rs.length,
      warnings: p.warnings.length,
    });
  }
  return out;
}

function report(rows: readonly Row[], named: readonly Named[], totalS: number): string {
  const out: string[] = [];
  out.push(machineLine("npm run bench:fidelity"));
  out.push("");
  out.push(
    `Every example DAG at ${FACTORS.length} inputs (${FACTORS.join("×, ")}× its nominal input) × both objectives: the fastest plan within a budget (latency) and the cheapest within a deadline (cost), limits halfway between the cheapest and the fastest plan (budget ≥ 1.02× the cheapest cost, deadline ≥ 1.1× the fastest makespan). ` +
      `Default profiles; the simulator draws every instance (CV 0.1 around point profiles, the trained sets' residuals) — mean of ${SEEDS.length} seeds against the plan's prediction. ` +
      `"kept": share of those seeds within the limit (budget for latency, deadline for cost); "at 0.95": the plan made with \`confidence: ${CONFIDENCE}\`, run on ${CONF_SEEDS.length} other seeds. Makespans in seconds. 1-minute load average ${os.loadavg()[0]!.toFixed(1)} at the end on ${os.cpus().length} cores (the figures are simulated, so load changes only the bench time). Total bench time ${totalS.toFixed(0)} s.`,
  );
  out.push("");
  out.push("| app | input | objective | limit | plan modes | predicted s | simulated s | error | predicted $ | simulated $ | error | kept | at 0.95: status, kept | sim s/run |");
  out.push("|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|");
  for (const r of rows) {
    const lim = r.objective === "latency" ? `$${r.limit.toPrecision(3)}` : `${secs(r.limit)} s`;
    const conf = r.confidence === undefined ? "–" : `${r.confidence.status}, ${pct(r.confidence.kept)}`;
    out.push(
      `| ${r.app} | ${formatBytes(r.inputBytes)} | ${r.objective} | ${lim} | ${r.modes} | ${secs(r.predictedMs)} | ${secs(r.simulatedMs)} | ${signed(r.predictedMs / r.simulatedMs - 1)} | ${r.predictedUsd.toPrecision(3)} | ${r.simulatedUsd.toPrecision(3)} | ${signed(r.predictedUsd / r.simulatedUsd - 1)} | ${pct(r.kept)} | ${conf} | ${r.simSeconds.toFixed(2)} |`,
    );
  }
  out.push("");
  const errMs = rows.map((r) => Math.abs(r.predictedMs / r.simulatedMs - 1));
  const errUsd = rows.map((r) => Math.abs(r.predictedUsd / r.simulatedUsd - 1));
  const signedMs = rows.map((r) => r.predictedMs / r.simulatedMs - 1);
  const budgeted = rows.filter((r) => r.objective === "latency");
  const deadlined = rows.filter((r) => r.objective === "cost");
  const keep = (rs: readonly Row[], f: (r: Row) => number) => (rs.length === 0 ? NaN : rs.reduce((a, r) => a + f(r), 0) / rs.length);
  const confOk = rows.filter((r) => r.confidence?.status === "ok");
  const confMissed = confOk.filter((r) => r.confidence!.kept < CONFIDENCE);
  out.push("Against the targets:");
  out.push("");
  out.push(`- model vs simulator, makespan |error|: median **${pct(quantile(errMs, 0.5))}** (≤ 3%: ${quantile(errMs, 0.5) <= 0.03 ? "met" : "missed"}), p90 **${pct(quantile(errMs, 0.9))}** (≤ 10%: ${quantile(errMs, 0.9) <= 0.1 ? "met" : "missed"}); signed median ${signed(quantile(signedMs, 0.5))} (negative: the model is optimistic).`);
  out.push(`- cost |error|: median **${pct(quantile(errUsd, 0.5))}** (≤ 3%: ${quantile(errUsd, 0.5) <= 0.03 ? "met" : "missed"}), p90 **${pct(quantile(errUsd, 0.9))}** (≤ 10%: ${quantile(errUsd, 0.9) <= 0.1 ? "met" : "missed"}).`);
  out.push(`- default plans: budget kept in ${pct(keep(budgeted, (r) => r.kept))} of budgeted runs, deadline in ${pct(keep(deadlined, (r) => r.kept))} of deadline runs.`);
  out.push(`- at confidence ${CONFIDENCE}: ${confOk.length} of ${rows.length} cases have a plan that promises it (the others: no plan keeps the limit at that confidence, reported as infeasible); the limit was kept in ≥ 95% of seeds on **${confOk.length - confMissed.length} of ${confOk.length}** (${confMissed.length === 0 ? "met" : "missed"})${confMissed.length > 0 ? `: missed on ${confMissed.map((r) => `${r.app} ${formatBytes(r.inputBytes)} ${r.objective} (${pct(r.confidence!.kept)})`).join("; ")}` : ""}; mean keep rate ${pct(keep(confOk, (r) => r.confidence!.kept))}.`);
  for (const n of named) {
    const em = n.predictedMs / n.simulatedMs - 1;
    const ec = n.predictedUsd / n.simulatedUsd - 1;
    out.push(`- ${n.name} (${n.modes}${n.warnings > 0 ? `; ${n.warnings} profile extrapolation warnings` : ""}): predicted ${secs(n.predictedMs)} s / $${n.predictedUsd.toPrecision(3)}, simulated ${secs(n.simulatedMs)} s / $${n.simulatedUsd.toPrecision(3)}: makespan ${signed(em)}, cost ${signed(ec)} (within 10%: ${Math.abs(em) <= 0.1 && Math.abs(ec) <= 0.1 ? "met" : "missed"}).`);
  }
  out.push("");
  out.push("Plot: bench/fidelity.svg — predicted vs simulated makespan and cost per case (the diagonal is a perfect prediction).");
  return out.join("\n");
}

async function renderPlot(rows: readonly Row[]): Promise<string> {
  const values = rows.flatMap((r) => [
    { app: r.app, objective: r.objective, what: "makespan (s)", predicted: r.predictedMs / 1000, simulated: r.simulatedMs / 1000 },
    { app: r.app, objective: r.objective, what: "cost ($)", predicted: r.predictedUsd, simulated: r.simulatedUsd },
  ]);
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    data: { values },
    facet: { column: { field: "what", type: "nominal", title: null } },
    resolve: { scale: { x: "independent", y: "independent" } },
    spec: {
      width: 320,
      height: 320,
      layer: [
        { mark: { type: "point", filled: true, size: 50 }, encoding: { x: { field: "simulated", type: "quantitative", scale: { type: "log" } }, y: { field: "predicted", type: "quantitative", scale: { type: "log" } }, color: { field: "app", type: "nominal" }, shape: { field: "objective", type: "nominal" } } },
        { mark: { type: "line", color: "#999", strokeDash: [4, 3] }, encoding: { x: { field: "simulated", type: "quantitative", scale: { type: "log" } }, y: { field: "simulated", type: "quantitative", scale: { type: "log" } } } },
      ],
    },
    title: `Predicted vs simulated (mean of seeds), every example DAG × ${FACTORS.length} sizes × 2 objectives`,
  } as unknown as vl.TopLevelSpec;
  return vegaLiteSvg(spec);
}

await main();
