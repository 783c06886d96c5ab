/**
 * Notebook-style walk-through: a SeBS-Flow benchmark definition to a plan and a state machine.
 * The word-count MapReduce definition uses nested map states; its functions are named like the
 * bundled trained word-count profiles only in part, so some stages borrow a known profile and the
 * rest take the default fallback — every one named in the plan's warnings.
 * Run: `npx tsx examples/06-import-sebs-flow.ts`.
 */
import { readFileSync } from "node:fs";
import { formatImportReport, importSebsFlow, plan, planToAsl } from "../src/index.js";

const text = readFileSync(new URL("./sebs-flow/wordcount-mapreduce.definition.json", import.meta.url), "utf8");

// 1. Import with the map widths we know from the benchmark's input: 16 chunks, 8 partitions.
const { dag, report } = await importSebsFlow(text, { source: "wordcount-mapreduce.definition.json", hints: { fanout: { "count-state": 16, "reduce-state": 8 } } });
console.log(formatImportReport(report));

// 2. Plan 4 GiB of text: wc_count behaves like the bundled word-count mapper, wc_reduce like its
//    reducer; everything else falls back to the stated default.
const p = await plan(dag, "4 GiB", { fallbackProfile: "default", fallbackProfiles: { wc_count: { like: "wc-map" }, wc_reduce: { like: "wc-reduce" } } });
console.log(`\nplan: ${(p.predicted.makespanMs / 1000).toFixed(2)} s, $${p.predicted.costUsd.toFixed(5)} (${p.solver.name})`);
for (const w of p.warnings) console.log(`  warning: ${w}`);
for (const e of p.edges) console.log(`  ${e.from} -> ${e.to}: ${e.split === undefined ? e.mode : JSON.stringify(e.split)}`);

// 3. Hand it to Step Functions.
const machine = planToAsl(dag, p, { bucket: "wordcount-runs" }) as { States: Record<string, unknown> };
console.log(`\nexported ${Object.keys(machine.States).length} top-level states: ${Object.keys(machine.States).join(" → ")}`);
