/**
 * `npm run bench:lp`: the MILP engines on the models Sluice really solves, and the "LP engines"
 * section of bench/RESULTS.md.
 *
 *   A. The planning MILP (src/solve/milp/formulation.ts) of seeded random DAGs with a binding budget
 *      (halfway between the cheapest and the fastest heuristic plan's cost), at the sizes "auto"
 *      hands to the exact engine (≤ 40 edges): solved exactly from scratch, and as "auto" solves it —
 *      started from the heuristic's plan, stopping at a 1% gap or 2,000 nodes.
 *   B. The LP relaxation behind the LP bound (bounds/lp-relaxation-bound.ts) at 100–1,000 stages.
 * Every solve goes through solveMilp (validation and the independent answer check included), after
 * one warm-up solve per engine. GLPK (glpk.js, GPL-3.0) is measured when installed (it is a dev
 * dependency here, an optional peer for users).
 */
import os from "node:os";
import { AUTO_ENGINE, solveMilp } from "../src/lp/solve-milp.js";
import { ENGINE_NAMES } from "../src/lp/load-engine.js";
import type { EngineName, MilpResult } from "../src/lp/result.js";
import type { MilpModel } from "../src/lp/model.js";
import type { Problem } from "../src/model/types.js";
import { evaluateAssignment } from "../src/model/evaluate-assignment.js";
import { prepareProblem } from "../src/plan/prepare-problem.js";
import { heuristicSolver } from "../src/solve/heuristic/heuristic.js";
import { buildPlanMilp } from "../src/solve/milp/formulation.js";
import { computeMilpScale } from "../src/solve/milp/scale.js";
import { warmStartValues } from "../src/solve/milp/warm-start.js";
import { AUTO_MAX_NODES } from "../src/solve/auto-solver.js";
import { randomDag, randomDagProfiles } from "../test/support/random-dag.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const TIME_LIMIT_MS = 20_000;
const profiles = randomDagProfiles();
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** A budgeted problem on randomDag(stages, seed, 3, 0.8) with the budget halfway between the heuristic's cheapest and fastest plans. */
async function budgeted(stages: number, seed: number): Promise<Problem> {
  const dag = randomDag(stages, seed, 3, 0.8);
  const loose = (await prepareProblem(dag, "2 GB", { profiles })).problem;
  const ctx = { timeLimitMs: TIME_LIMIT_MS };
  const cheap = evaluateAssignment(loose, (await heuristicSolver({ ...loose, objective: "cost" }, ctx)).assignment!).costUsd;
  const fast = evaluateAssignment(loose, (await heuristicSolver(loose, ctx)).assignment!).costUsd;
  return (await prepareProblem(dag, "2 GB", { profiles, budgetUsd: (cheap + fast) / 2 })).problem;
}

interface Measured {
  readonly label: string;
  readonly engine: EngineName;
  readonly times: number[];
  readonly statuses: string[];
}

async function timeSolve(model: MilpModel, engine: EngineName, options: Parameters<typeof solveMilp>[1]): Promise<{ ms: number; result: MilpResult }> {
  const t0 = performance.now();
  const result = await solveMilp(model, { ...options, engine, timeLimitMs: TIME_LIMIT_MS });
  return { ms: performance.now() - t0, result };
}

const engines = ENGINE_NAMES;
// warm-up: wasm init, worker start
{
  const p = await budgeted(6, 1);
  const { model } = buildPlanMilp(p, { minimize: "latency", budgetUsd: p.budgetUsd, deadlineMs: Infinity });
  for (const engine of engines) await solveMilp(model, { engine, timeLimitMs: TIME_LIMIT_MS });
}

// A. planning MILPs, exact and as "auto" runs them
const sizeRows: string[] = [];
const perSize: { stages: number; exact: Measured[]; auto: Measured[] }[] = [];
for (const stages of [10, 20, 30]) {
  const exact: Measured[] = engines.map((engine) => ({ label: "exact", engine, times: [], statuses: [] }));
  const auto: Measured[] = engines.map((engine) => ({ label: "auto", engine, times: [], statuses: [] }));
  let edges = 0;
  let binaries = 0;
  let rows = 0;
  for (let k = 0; k < 5; k++) {
    const problem = await budgeted(stages, 31_000 + 100 * stages + k);
    const scale = computeMilpScale(problem);
    const { model } = buildPlanMilp(problem, { minimize: "latency", budgetUsd: problem.budgetUsd, deadlineMs: Infinity }, scale);
    const start = warmStartValues(problem, (await heuristicSolver(problem, { timeLimitMs: TIME_LIMIT_MS })).assignment!, scale);
    edges += problem.dag.edges.length / 5;
    binaries += model.variables.filter((v) => v.kind === "binary").length / 5;
    rows += model.constraints.length / 5;
    for (const [k2, engine] of engines.entries()) {
      const e = await timeSolve(model, engine, {});
      exact[k2]!.times.push(e.ms);
      exact[k2]!.statuses.push(e.result.status);
      const a = await timeSolve(model, engine, { relativeGap: 0.01, maxNodes: AUTO_MAX_NODES, start });
      auto[k2]!.times.push(a.ms);
      auto[k2]!.statuses.push(a.result.status);
    }
  }
  perSize.push({ stages, exact, auto });
  for (const m of [...exact, ...auto]) {
    const statuses = [...new Set(m.statuses)].map((s) => `${m.statuses.filter((x) => x === s).length} ${s}`).join(", ");
    sizeRows.push(`| ${stages} | ${edges.toFixed(1)} | ${binaries.toFixed(0)} | ${rows.toFixed(0)} | ${m.label === "exact" ? "exact, from scratch" : "as auto: start, 1% gap, node limit"} | ${m.engine} | ${statuses} | ${median(m.times).toFixed(0)} | ${Math.max(...m.times).toFixed(0)} |`);
    process.stderr.write(`${stages} stages ${m.label} ${m.engine}: median ${median(m.times).toFixed(0)} ms (${statuses})\n`);
  }
}

// B. the LP relaxation behind the LP bound
const lpRows: string[] = [];
for (const stages of [100, 300, 1000]) {
  const problem = await budgeted(stages, 41_000 + stages);
  const { model } = buildPlanMilp(problem, { minimize: "latency", budgetUsd: problem.budgetUsd, deadlineMs: Infinity, relax: true });
  for (const engine of engines) {
    if (engine === "jslp" && stages > 100) continue; // measured too slow at 100 already; its worker is stopped at the limit
    const r = await timeSolve(model, engine, {});
    lpRows.push(`| ${stages} | ${problem.dag.edges.length} | ${model.constraints.length} | ${engine} | ${r.result.status} | ${r.ms.toFixed(0)} |`);
    process.stderr.write(`LP ${stages} stages ${engine}: ${r.result.status} ${r.ms.toFixed(0)} ms\n`);
  }
  // as auto runs it: from the heuristic's plan (HiGHS alone takes a start; an LP with one runs primal simplex)
  const start = warmStartValues(problem, (await heuristicSolver(problem, { timeLimitMs: TIME_LIMIT_MS })).assignment!, computeMilpScale(problem));
  const r = await timeSolve(model, "highs", { start });
  lpRows.push(`| ${stages} | ${problem.dag.edges.length} | ${model.constraints.length} | highs, from the heuristic's plan | ${r.result.status} | ${r.ms.toFixed(0)} |`);
  process.stderr.write(`LP ${stages} stages highs started: ${r.result.status} ${r.ms.toFixed(0)} ms\n`);
}

/** The permissive engine with the lower median on the auto path over all sizes. */
function fastestPermissive(): string {
  const total = (engine: EngineName) => perSize.reduce((sum, s) => sum + median(s.auto.find((m) => m.engine === engine)!.times), 0);
  const permissive = engines.filter((e) => e !== "glpk");
  const best = permissive.reduce((a, b) => (total(b) < total(a) ? b : a));
  return `${best} (sum over sizes of the auto-path medians: ${permissive.map((e) => `${e} ${total(e).toFixed(0)} ms`).join(", ")}; glpk ${total("glpk").toFixed(0)} ms)`;
}

const load = os.loadavg().map((x) => x.toFixed(1)).join(" / ");
writeResultsSection(
  "LP engines",
  `${machineLine("npm run bench:lp")}
Load average (1/5/15 min) when the run ended: ${load} — the machine was shared by several jobs, so times are indicative; compare engines within a row group.

**A. The planning MILP** (src/solve/milp/formulation.ts) of 5 seeded random DAGs per size (\`randomDag(stages, seed, 3, 0.8)\`, seeds 31,000 + 100·stages + k), with a binding budget halfway between the heuristic's cheapest and fastest plans — the sizes "auto" hands to the exact engine (≤ 40 edges). "exact": from scratch, to optimality. "as auto": started from the heuristic's plan (HiGHS takes the start; GLPK and jsLPSolver cannot), stopping at a 1% gap or ${AUTO_MAX_NODES.toLocaleString("en")} nodes (HiGHS; the others have no node limit). Times are wall-clock per solve through \`solveMilp\` (validation and answer check included), ${TIME_LIMIT_MS / 1000} s limit.

| stages | edges (mean) | binaries | rows | run | engine | statuses | median ms | max ms |
|---:|---:|---:|---:|---|---|---|---:|---:|
${sizeRows.join("\n")}

**B. The LP relaxation** behind the LP bound (bounds/lp-relaxation-bound.ts), one seeded DAG per size: cold on every engine, and as auto runs it, HiGHS started from the heuristic's plan (primal simplex):

| stages | edges | rows | engine | status | ms |
|---:|---:|---:|---|---|---:|
${lpRows.join("\n")}

Fastest permissive engine on the auto path: ${fastestPermissive()}. \`solveMilp({ engine: "auto" })\` resolves to **${AUTO_ENGINE}** (src/lp/solve-milp.ts): the default must be permissive (HiGHS is MIT, javascript-lp-solver Unlicense, glpk.js GPL-3.0), and only HiGHS gives the solver a start point, a proven bound and work limits (so a limited solve repeats exactly). GLPK is used when installed and asked for (\`exactMilpSolver({ engine: "glpk" })\`); without glpk.js that request falls back to HiGHS with a note.`,
);
process.stderr.write('wrote the "LP engines" section of bench/RESULTS.md\n');
