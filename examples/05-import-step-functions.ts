/**
 * Notebook-style walk-through: from an AWS Step Functions state machine to a plan and back.
 * Import a distributed-Map workflow, read what the importer mapped and assumed, plan it (its
 * functions have no trained profiles yet: the default fallback stands in, and the plan says so),
 * hint the real fanout, export the plan as a state machine, and read an execution history into
 * trace rows for training. Run: `npx tsx examples/05-import-step-functions.ts`.
 */
import { readFileSync } from "node:fs";
import { formatImportReport, importAsl, plan, planToAsl, readExecutionHistory } from "../src/index.js";

const file = new URL("./asl/video-frames-distributed-map.asl.json", import.meta.url);

// 1. Import: Tasks become stages (Lambda and service integrations alike), the distributed Map's
//    body runs MaxConcurrency (200) wide, the Catch path is dropped, S3 hand-offs are marked.
const imported = await importAsl(readFileSync(file, "utf8"), { source: "video-frames-distributed-map.asl.json" });
console.log(formatImportReport(imported.report));

// 2. Plan at 20 GiB of video. No profile knows these functions: the stated default stands in.
const first = await plan(imported.dag, "20 GiB", { fallbackProfile: "default" });
console.log(`\nplan: ${(first.predicted.makespanMs / 1000).toFixed(1)} s, $${first.predicted.costUsd.toFixed(4)}`);
for (const w of first.warnings) console.log(`  warning: ${w}`);
for (const e of first.edges) console.log(`  ${e.from} -> ${e.to}: ${e.mode}`);

// 3. The document bounds the Map at 200; we know a run lists about 60 videos: hint it.
const hinted = await importAsl(readFileSync(file, "utf8"), { hints: { fanout: { "Process videos": 60 } } });
const second = await plan(hinted.dag, "20 GiB", { fallbackProfile: "default" });
console.log(`with 60 videos: ${(second.predicted.makespanMs / 1000).toFixed(1)} s, $${second.predicted.costUsd.toFixed(4)}`);

// 4. Export: each task now carries its stage's route (input modes and S3 prefixes, cache, VMs).
const machine = planToAsl(hinted.dag, second, { bucket: "video-runs", functionNames: { "${ExtractFramesFunctionArn}": "arn:aws:lambda:us-east-1:123456789012:function:extract-frames" } });
const states = Object.keys((machine as { States: object }).States);
console.log(`\nexported state machine: ${states.join(" → ")}`);

// 5. What the engine already logs: an execution history becomes trace rows for `sluice train`.
const history = JSON.parse(readFileSync(new URL("./history/video-encode.execution-history.json", import.meta.url), "utf8")) as unknown;
const { records, report } = readExecutionHistory(history, "video-encode.execution-history.json", { app: "video" });
console.log(`\nexecution history: ${report.rowsKept} of ${report.rowsRead} task runs read (${report.skipped.length} skipped: ${report.skipped.map((s) => s.message).join("; ")})`);
for (const r of records) console.log(`  ${r.function.padEnd(15)} in ${String(r.inputBytes).padStart(3)} B  ${String(r.runtimeMs).padStart(5)} ms  out ${String(r.outputBytes).padStart(3)} B  fanout ${r.fanout}`);
