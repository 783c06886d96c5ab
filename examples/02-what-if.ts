/**
 * Notebook-style what-if: score hand-made decisions with the planner's own model.
 * Run: `npx tsx examples/02-what-if.ts`.
 */
import { readFileSync } from "node:fs";
import { evaluate, plan, type Decisions } from "../src/index.js";

const dag = JSON.parse(readFileSync(new URL("./dags/lightgbm.json", import.meta.url), "utf8")) as { edges: { from: string; to: string }[] };
const size = "200 MB";

// Every edge through the object store: today's Lambda + S3 practice.
const allRemote: Decisions = { edges: dag.edges.map((e) => ({ from: e.from, to: e.to, mode: "remote" as const })), admitted: [] };
// The PCA output broadcast to the trainers through the cache tier (admitted), the rest direct.
const cached: Decisions = {
  edges: dag.edges.map((e, i) => ({ from: e.from, to: e.to, mode: i === 0 ? ("cache" as const) : ("direct" as const) })),
  admitted: [dag.edges[0]!.from],
};
// A cache edge without admitting the producer: the model says why that cannot run.
const forgotAdmission: Decisions = { ...cached, admitted: [] };

for (const [name, d] of [["all remote", allRemote], ["cache + direct", cached], ["cache, not admitted", forgotAdmission]] as const) {
  const e = await evaluate(dag, size, d);
  console.log(`${name.padEnd(20)} ${(e.makespanMs / 1000).toFixed(2)} s  $${e.costUsd.toFixed(6)}  ${e.feasible ? "feasible" : "infeasible: " + e.violations.map((v) => v.message).join("; ")}`);
}
const p = await plan(dag, size);
console.log(`${"Sluice's plan".padEnd(20)} ${(p.predicted.makespanMs / 1000).toFixed(2)} s  $${p.predicted.costUsd.toFixed(6)}  ${p.edges.map((e) => `${e.from}->${e.to}: ${e.split ? JSON.stringify(e.split) : e.mode}`).join(", ")}`);
