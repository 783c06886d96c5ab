/**
 * Simulator scaling: events per second, and how its wall time grows with the instances simulated.
 * One DAG shape — a map of n instances, an all-to-all shuffle to n reducers, a gather to one sink —
 * at n = 64 … 4,096, planned all-remote (the mode with the most requests and flows) and simulated
 * once each. Reported: instances, events, wall time, events/s, and the growth exponent between
 * consecutive sizes: log(time ratio) / log(instance ratio); n log n gives ≈ 1.1–1.2 over a 4×
 * step at these sizes, n² gives 2 — an all-to-all shuffle makes n² GETs, so its events grow as n²;
 * the events/s column is the per-event cost. Then mapreduce-sort at 1 TiB under every baseline (target:
 * each < 60 s). Writes `## Simulator scaling` in bench/RESULTS.md. Env: SIM_SIZES (comma list).
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { baselinePlan } from "../src/baselines/baseline-plan.js";
import { BASELINE_NAMES } from "../src/baselines/types.js";
import { planFromAssignment } from "../src/baselines/plan-from-assignment.js";
import { prepareProblem } from "../src/plan/prepare-problem.js";
import { defaultProfiles } from "../src/profiles/default-profiles.js";
import { analyticProfiles } from "../src/profiles/analytic.js";
import { simulateSync } from "../src/simulate/simulate.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const SIZES = (process.env.SIM_SIZES ?? "64,256,1024,4096").split(",").map(Number);
const ONE = { offset: 1, scale: 0 };
const PROFILES = analyticProfiles({
  map: { runtimeMs: { offset: 200, scale: 2e-5 }, memoryMb: { offset: 512, scale: 0 }, outputBytes: { offset: 0, scale: 1 }, fanout: ONE },
  reduce: { runtimeMs: { offset: 200, scale: 2e-5 }, memoryMb: { offset: 512, scale: 0 }, outputBytes: { offset: 0, scale: 0.5 }, fanout: ONE },
  sink: { runtimeMs: { offset: 100, scale: 1e-6 }, memoryMb: { offset: 1024, scale: 0 }, outputBytes: { offset: 0, scale: 0.01 }, fanout: ONE },
});

function shuffleDag(n: number) {
  return {
    name: `shuffle-${n}`,
    stages: [
      { id: "map", function: "map", instances: n },
      { id: "reduce", function: "reduce", instances: n },
      { id: "sink", function: "sink", instances: 1 },
    ],
    edges: [
      { from: "map", to: "reduce", pattern: "shuffle" },
      { from: "reduce", to: "sink", pattern: "gather" },
    ],
  };
}

const rows: string[] = [];
let prev: { n: number; ms: number } | undefined;
for (const n of SIZES) {
  const dag = shuffleDag(n);
  const input = n * 64e6;
  const { problem } = await prepareProblem(dag, input, { profiles: PROFILES });
  const plan = planFromAssignment(problem, { edges: problem.dag.edges.map(() => [{ mode: "remote" as const, fraction: 1 }]), admitted: new Set() }, "all-remote");
  const t0 = performance.now();
  const r = simulateSync(dag, plan, { profiles: PROFILES, seed: 1 });
  const ms = performance.now() - t0;
  const instances = 2 * n + 1;
  const exponent = prev === undefined ? "—" : (Math.log(ms / prev.ms) / Math.log(n / prev.n)).toFixed(2);
  rows.push(`| ${n} | ${instances} | ${r.events.toLocaleString("en-US")} | ${(ms / 1000).toFixed(2)} | ${Math.round(r.events / (ms / 1000)).toLocaleString("en-US")} | ${exponent} |`);
  console.log(rows.at(-1));
  prev = { n, ms };
}

const header = [
  machineLine("npm run bench:simulate"),
  "",
  "A map of n → shuffle → n reducers → gather → 1 sink, all-remote, default platform and noise, one seed. Exponent: log(time ratio) / log(n ratio) from the row above (n log n ≈ 1.1–1.2 per 4× step here; n² = 2).",
  "",
  "| n | instances | events | wall s | events/s | exponent |",
  "|---:|---:|---:|---:|---:|---:|",
  ...rows,
];
const load = () => `Load average: ${os.loadavg().map((x) => x.toFixed(1)).join(", ")} (other helpers' jobs on the same 2 cores): wall times are noisy; the exponents compare runs made back to back.`;
// written now, and again with the baselines below (a long run stopped midway keeps the first part)
writeResultsSection("Simulator scaling", [...header, "", load()].join("\n"));

// mapreduce-sort at 1 TiB under every baseline, all-remote included.
const sortDag = JSON.parse(readFileSync("examples/dags/mapreduce-sort.json", "utf8"));
const sortProfiles = await defaultProfiles();
const sortRows: string[] = [];
// the oracle simulates every candidate plan itself: left out here (its cost is n simulations)
for (const name of BASELINE_NAMES.filter((b) => b !== "oracle")) {
  const plan = await baselinePlan(name, sortDag, "1 TiB", { profiles: sortProfiles });
  const t0 = performance.now();
  const r = simulateSync(sortDag, plan, { profiles: sortProfiles, seed: 1 });
  const s = (performance.now() - t0) / 1000;
  sortRows.push(`| ${name} | ${r.events.toLocaleString("en-US")} | ${s.toFixed(2)} | ${s < 60 ? "yes" : "no"} |`);
  console.log(sortRows.at(-1));
}

writeResultsSection(
  "Simulator scaling",
  [
    ...header,
    "",
    "mapreduce-sort at 1 TiB, bundled profiles, under every baseline but the oracle (target: each < 60 s):",
    "",
    "| baseline | events | wall s | < 60 s |",
    "|---|---:|---:|---|",
    ...sortRows,
    "",
    load(),
  ].join("\n"),
);
