/**
 * Notebook-style walk-through: plan the bundled MapReduce sort at a few input sizes and budgets,
 * and read why each mode won or lost. Run: `npx tsx examples/01-plan.ts`.
 */
import { readFileSync } from "node:fs";
import { plan } from "../src/index.js";

const dag = JSON.parse(readFileSync(new URL("./dags/mapreduce-sort.json", import.meta.url), "utf8")) as unknown;

// 1. The fastest plan, no budget: how does the shuffle move as the input grows?
for (const size of ["256 MiB", "1.5 GiB", "10 GiB"]) {
  const p = await plan(dag, size);
  const e = p.edges[0]!;
  const how = e.split === undefined ? e.mode : Object.entries(e.split).map(([m, f]) => `${m} ${(f! * 100).toFixed(0)}%`).join(" + ");
  console.log(`${size.padEnd(8)} → ${how.padEnd(26)} ${(p.predicted.makespanMs / 1000).toFixed(2)} s  $${p.predicted.costUsd.toFixed(5)}  (${p.solver.name}, gap ${((p.solver.gap ?? 0) * 100).toFixed(2)}%)`);
}

// 2. The same input under shrinking budgets: the planner trades time for money.
const fastest = await plan(dag, "10 GiB");
const cheapest = await plan(dag, "10 GiB", { objective: "cost" });
console.log(`\nat 10 GiB the plans cost between $${cheapest.predicted.costUsd.toFixed(5)} and $${fastest.predicted.costUsd.toFixed(5)}`);
for (const share of [1, 0.5, 0]) {
  const budgetUsd = cheapest.predicted.costUsd + share * (fastest.predicted.costUsd - cheapest.predicted.costUsd);
  const p = await plan(dag, "10 GiB", { budgetUsd });
  console.log(`budget $${budgetUsd.toFixed(5)} → ${p.edges[0]!.mode}${p.edges[0]!.split ? " (split)" : ""}, ${(p.predicted.makespanMs / 1000).toFixed(2)} s`);
}

// 3. Why: every option of the edge, chosen, priced-but-lost, or rejected.
for (const o of fastest.explanations[0]!.options) console.log(`  ${o.mode.padEnd(8)} ${o.verdict.padEnd(8)} ${o.reason}`);

// 4. SONIC's choice (no cache tier, no splits) for comparison.
const sonic = await plan(dag, "10 GiB", { modes: ["vm-local", "direct", "remote"], allowSplits: false });
console.log(`\nSONIC's modes only: ${sonic.edges[0]!.mode}, ${(sonic.predicted.makespanMs / 1000).toFixed(2)} s vs ${(fastest.predicted.makespanMs / 1000).toFixed(2)} s with all modes and splits`);
