/**
 * Notebook-style simulation: plan, then run the plan instance by instance in the simulator and
 * compare with the prediction and with baselines. Run: `npx tsx examples/04-simulate.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { baselinePlan, plan, renderTimelineSvg, simulate } from "../src/index.js";

const dag = JSON.parse(readFileSync(new URL("./dags/video-analytics.json", import.meta.url), "utf8")) as unknown;
const size = "15 MB";

const p = await plan(dag, size);
const run = await simulate(dag, p, { seed: 7 });
console.log(`Sluice: predicted ${(p.predicted.makespanMs / 1000).toFixed(2)} s, simulated ${(run.makespanMs / 1000).toFixed(2)} s, $${run.cost.totalUsd.toFixed(6)}`);

for (const name of ["all-remote", "sonic", "locus"] as const) {
  const b = await baselinePlan(name, dag, size);
  const r = await simulate(dag, b, { seed: 7 });
  console.log(`${name.padEnd(10)} simulated ${(r.makespanMs / 1000).toFixed(2)} s, $${r.cost.totalUsd.toFixed(6)}`);
}

const svg = path.join(tmpdir(), "video-timeline.svg");
writeFileSync(svg, renderTimelineSvg(run));
console.log(`wrote ${svg}`);
