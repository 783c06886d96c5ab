/** `sluice simulate`: plans a DAG, then runs the plan on the seeded simulator and prints what happened. */
import type { Plan } from "../../plan/types.js";
import { plan } from "../../plan/plan.js";
import { renderTimelineSvg } from "../../simulate/plot-timeline.js";
import { plotFormatOf, writePlot } from "../io/plot-file.js";
import { MAX_NOISE_CV, simulate } from "../../simulate/simulate.js";
import type { SimulationReport } from "../../simulate/types.js";
import { formatBytes } from "../../units/size.js";
import { show, sluiceError } from "../../errors.js";
import { checkChoice, parseWholeFlag } from "../flags/cli-error.js";
import { checkOutputTarget } from "../io/output-target.js";
import { PLAN_FLAGS, PLAN_FLAGS_HELP, parseCliArgs, readPlanRequest } from "../flags/plan-flags.js";

export const SIMULATE_HELP = `Usage: sluice simulate --dag FILE --input SIZE [options]

Plans the DAG in FILE at the given input size, then simulates the plan instance by instance
(fair-share NICs, object-store latency and request limits, cache capacity, VM slots), with
runtimes and sizes drawn around the profiles' predictions, and prints predicted vs simulated.

Options:
${PLAN_FLAGS_HELP}
  --seed N            simulator seed, an integer ≥ 0 (default 1): the same seed gives the same run
  --noise-cv X        coefficient of variation of runtimes and sizes around point profiles (default 0.1; 0 = none)
  --plot FILE         write a Gantt-style timeline of the run: FILE.svg or FILE.png
  --max-sim-instances N  refuse runs of more instances than this (default 1000000)
  --format FMT        table (default) | json
  -h, --help          this help

Exit codes: 0 the plan met its limits and the run had no violations and kept the budget and
deadline; 3 no plan meets the limits (the closest one is simulated), the simulated run went over the
budget or deadline, or it had violations; 64 bad flags; 65 a bad DAG or platform; 66 a file that
cannot be read; 74 the plot cannot be written (see docs/errors.md).
`;

const SIMULATE_FLAGS = {
  ...PLAN_FLAGS,
  seed: { type: "string" },
  "noise-cv": { type: "string" },
  plot: { type: "string" },
  "max-sim-instances": { type: "string" },
  format: { type: "string", default: "table" },
} as const;

export async function runSimulateCommand(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, SIMULATE_FLAGS);
  if (values.help) {
    process.stdout.write(SIMULATE_HELP);
    return 0;
  }
  const format = checkChoice("--format", values.format ?? "table", ["table", "json"] as const);
  let seed = 1;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!/^\d+$/.test(values.seed.trim()) || !Number.isSafeInteger(seed)) throw sluiceError("cli.badFlagValue", { path: ["--seed"], expected: "an integer ≥ 0", actual: show(values.seed) });
  }
  let noiseCv: number | undefined;
  if (values["noise-cv"] !== undefined) {
    noiseCv = Number(values["noise-cv"]);
    if (values["noise-cv"].trim() === "" || !(noiseCv >= 0 && noiseCv <= MAX_NOISE_CV)) throw sluiceError("cli.badFlagValue", { path: ["--noise-cv"], expected: `a number in [0, ${MAX_NOISE_CV}]`, actual: show(values["noise-cv"]) });
  }
  if (values.plot !== undefined) plotFormatOf(values.plot);
  if (values.plot !== undefined) await checkOutputTarget(values.plot, "--plot", "file");
  const request = await readPlanRequest(values);
  const planned = await plan(request.dag, request.input, request.options);
  const { profiles, platform } = request.options;
  const report = await simulate(request.dag, planned, {
    seed,
    ...(noiseCv !== undefined ? { noiseCv } : {}),
    ...(profiles !== undefined ? { profiles } : {}),
    ...(platform !== undefined ? { platform } : {}),
    ...(values["max-sim-instances"] !== undefined ? { limits: { maxInstances: parseWholeFlag("--max-sim-instances", values["max-sim-instances"]) } } : {}),
  });
  if (values.plot !== undefined) {
    const svg = renderTimelineSvg(report);
    await writePlot(values.plot, svg);
  }
  if (format === "json") process.stdout.write(JSON.stringify({ plan: planned, simulation: report }, null, 2) + "\n");
  else process.stdout.write(formatSimulationSummary(planned, report, values.plot));
  return planned.status === "ok" && report.violations.length === 0 && limitsOverrun(planned, report).length === 0 ? 0 : 3;
}

/** The plan's limits the simulated run went over: `budget $0.2000: simulated $0.2130, 6.5% over`. */
export function limitsOverrun(p: Plan, r: SimulationReport): string[] {
  const out: string[] = [];
  if (p.budgetUsd !== null && r.cost.totalUsd > p.budgetUsd) out.push(`budget $${p.budgetUsd.toPrecision(4)}: simulated $${r.cost.totalUsd.toPrecision(4)}, ${overBy(r.cost.totalUsd, p.budgetUsd)} over`);
  if (p.deadlineMs !== null && r.makespanMs > p.deadlineMs) out.push(`deadline ${fmtMs(p.deadlineMs)}: simulated ${fmtMs(r.makespanMs)}, ${overBy(r.makespanMs, p.deadlineMs)} over`);
  return out;
}

function overBy(actual: number, limit: number): string {
  return limit > 0 ? `${(((actual - limit) / limit) * 100).toFixed(1)}%` : "all of it";
}

/** Predicted vs simulated, the decisions, bytes per tier, cache and NIC use, violations. */
export function formatSimulationSummary(p: Plan, r: SimulationReport, plotFile?: string): string {
  const pct = (sim: number, pred: number) => (pred > 0 ? `${sim >= pred ? "+" : ""}${(((sim - pred) / pred) * 100).toFixed(1)}%` : "");
  const lines: string[] = [];
  lines.push(`${r.dagName} at ${formatBytes(r.inputBytes)} — seed ${r.seed}${p.status === "ok" ? "" : ` — plan status ${p.status}: ${p.message ?? ""}`}`);
  lines.push("");
  const width = Math.max(4, ...p.edges.map((e) => `${e.from} -> ${e.to}`.length)) + 2;
  lines.push(`  ${"edge".padEnd(width)}mode / split`);
  for (const e of p.edges) {
    const split = e.split === undefined ? e.mode : Object.entries(e.split).map(([m, f]) => `${m} ${(f * 100).toFixed(0)}%`).join(" + ");
    lines.push(`  ${`${e.from} -> ${e.to}`.padEnd(width)}${split}`);
  }
  lines.push(`  admitted to the cache tier: ${p.admitted.length > 0 ? p.admitted.join(", ") : "none"}`);
  lines.push("");
  lines.push("                      predicted      simulated");
  lines.push(`  makespan          ${fmtMs(p.predicted.makespanMs).padStart(11)}    ${fmtMs(r.makespanMs).padStart(11)}  ${pct(r.makespanMs, p.predicted.makespanMs)}`);
  for (const k of ["computeUsd", "objectStoreUsd", "cacheUsd", "totalUsd"] as const) {
    lines.push(`  ${k.padEnd(16)}  ${`$${p.predicted.cost[k].toPrecision(4)}`.padStart(11)}    ${`$${r.cost[k].toPrecision(4)}`.padStart(11)}  ${pct(r.cost[k], p.predicted.cost[k])}`);
  }
  lines.push("");
  lines.push("stage                 instances  start        finish       VMs");
  for (const s of r.stages) lines.push(`  ${s.stageId.padEnd(20)}${String(s.instances).padStart(9)}  ${fmtMs(s.startMs).padEnd(11)}  ${fmtMs(s.finishMs).padEnd(11)}  ${s.vms.length}${s.colocatedWith ? ` (beside ${s.colocatedWith})` : ""}`);
  lines.push("");
  const t = r.tiers;
  lines.push(`bytes: object store ${formatBytes(t.objectStore.written)} written / ${formatBytes(t.objectStore.read)} read (${t.objectStore.puts} PUTs, ${t.objectStore.gets} GETs, ${fmtMs(t.objectStore.throttledMs)} throttled)`);
  lines.push(`       cache ${formatBytes(t.cache.written)} written / ${formatBytes(t.cache.read)} read; network ${formatBytes(t.network.read)}; VM-local ${formatBytes(t.local.written)} written / ${formatBytes(t.local.read)} read`);
  lines.push(`cache tier: peak ${formatBytes(r.cache.peakBytes)} of ${formatBytes(r.cache.capacityBytes)}${r.cache.overflowBytes > 0 ? `, ${formatBytes(r.cache.overflowBytes)} overflowed to the object store` : ""}`);
  const busiest = [...r.nics].sort((a, b) => Math.max(b.busyFractionIn, b.busyFractionOut) - Math.max(a.busyFractionIn, a.busyFractionOut))[0];
  if (busiest !== undefined) lines.push(`NICs: ${r.nics.length} VMs; busiest ${busiest.vm}: busy ${(busiest.busyFractionOut * 100).toFixed(0)}% out / ${(busiest.busyFractionIn * 100).toFixed(0)}% in of the makespan, peak ${(Math.max(busiest.peakOut, busiest.peakIn) * 100).toFixed(0)}%`);
  const overrun = limitsOverrun(p, r);
  if (p.budgetUsd !== null || p.deadlineMs !== null) lines.push(overrun.length === 0 ? "limits: kept in this run" : `limits: over in this run\n${overrun.map((o) => `  - ${o}`).join("\n")}`);
  lines.push(r.violations.length === 0 ? "violations: none" : `violations:\n${r.violations.map((v) => `  - ${v.code}: ${v.message}`).join("\n")}`);
  if (plotFile !== undefined) lines.push(`timeline written to ${plotFile}`);
  return lines.join("\n") + "\n";
}

function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}
