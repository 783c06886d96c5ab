/**
 * Notebook-style walk-through: a CNCF Serverless Workflow (DSL 1.0.x, YAML) to a plan and a Step
 * Functions state machine. The ingest workflow polls a warehouse load through a switch that loops
 * back: the poll is kept as one stage whose repeat count a hint sets.
 * Run: `npx tsx examples/07-import-serverless-workflow.ts`.
 */
import { readFileSync } from "node:fs";
import { formatImportReport, importServerlessWorkflow, plan, planToAsl } from "../src/index.js";

const text = readFileSync(new URL("./serverless-workflow/ingest-poll-switch.sw.yaml", import.meta.url), "utf8");

// 1. Import as written: the polling loop runs once by default, and the report says so.
const plain = await importServerlessWorkflow(text, { source: "ingest-poll-switch.sw.yaml" });
console.log(formatImportReport(plain.report));

// 2. Loads take about 8 polls: hint the loop by any task on it.
const polled = await importServerlessWorkflow(text, { source: "ingest-poll-switch.sw.yaml", hints: { repeat: { checkLoad: 8 } } });
const [once, eight] = await Promise.all([plan(plain.dag, "500 MB", { fallbackProfile: "default" }), plan(polled.dag, "500 MB", { fallbackProfile: "default" })]);
console.log(`\npolling once: ${(once.predicted.makespanMs / 1000).toFixed(2)} s; polling 8 times: ${(eight.predicted.makespanMs / 1000).toFixed(2)} s`);
for (const w of eight.warnings) console.log(`  warning: ${w}`);

// 3. Export the plan for Step Functions.
const machine = planToAsl(polled.dag, eight) as { Comment: string; States: Record<string, unknown> };
console.log(`\n${machine.Comment}\nstates: ${Object.keys(machine.States).join(" → ")}`);
