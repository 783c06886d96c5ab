/**
 * `npm run bench:plan`: plan() speed and proven gaps, written to the "Planning speed" section of
 * bench/RESULTS.md.
 *   1. 20 seeded 10-stage DAGs with 12–16 edges and a binding budget (targets: median ≤ 10 ms,
 *      p95 ≤ 25 ms, proven gap ≤ 1% or optimal);
 *   2. small DAGs the brute force solves exactly: the gap plan() reports on plans it proves optimal
 *      (target ≤ 1%) — random DAGs through plan(), and the solver tests' problems (AWS platform,
 *      VM-pool billing) through the "auto" solver, latency under a budget and cost under a deadline;
 *   3. 100, 1,000 and 10,000 stages without a budget, with a halfway and with a tight budget
 *      (targets: 100 stages ≤ 50 ms, also where the LP bound runs, 1,000 ≤ 1 s with gap ≤ 2%,
 *      10,000 ≤ 5 s median and ≤ 10 s p95 tight, ≤ 500 MB RSS); each 10,000-stage DAG is planned
 *      in a fresh child process, whose peak RSS after its first plan() call is the memory figure;
 *   4. the bundled examples.
 * Times are wall-clock per plan() call after one warm-up call on the same DAG, with the process's
 * CPU time beside them: on a shared machine the CPU time is the work, the wall clock adds the wait.
 * Verdicts are given on both. About 4–5 minutes on a quiet 2-core machine.
 * `PLAN_PARTS=lp100 npm run bench:plan` times only the LP relaxation bound alone at 100 stages
 * (section 3's budgeted problems) and prints it, leaving bench/RESULTS.md as it is.
 */
import { fork } from "node:child_process";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { evaluateAssignment } from "../src/model/evaluate-assignment.js";
import { plan } from "../src/plan/plan.js";
import { prepareProblem } from "../src/plan/prepare-problem.js";
import type { Plan } from "../src/plan/types.js";
import { bruteForceSolver } from "../src/solve/referee/brute-force.js";
import { autoSolver, LP_BOUND_MAX_ITERATIONS } from "../src/solve/auto-solver.js";
import { quickHeuristicSolver } from "../src/solve/heuristic/heuristic.js";
import { lpRelaxationBound } from "../src/solve/bounds/lp-relaxation-bound.js";
import { scoreEvaluation } from "../src/solve/objective-score.js";
import { buildTestProblem, problemSpecArb } from "../test/support/solve-problems.js";
import { randomDag, randomDagProfiles } from "../test/support/random-dag.js";
import type { DagInput } from "../src/dag/schema.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const profiles = randomDagProfiles();
const SIZE = "2 GB";
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => sorted(xs)[Math.floor((xs.length - 1) / 2)]!;
/** Nearest-rank 95th percentile (with 20 values: the 19th). */
const p95 = (xs: readonly number[]) => sorted(xs)[Math.ceil(0.95 * xs.length) - 1]!;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

type Budget = "none" | "halfway" | "tight";
/** Where the budget sits between the cheapest (0) and the fastest (1) heuristic plan's cost. */
const BUDGET_AT: Record<Exclude<Budget, "none">, number> = { halfway: 0.5, tight: 0.1 };

/** The cheapest and the fastest heuristic plan's cost, once per DAG (every budget of a DAG is placed between them). */
const costRange = new WeakMap<DagInput, Promise<{ cheapUsd: number; fastUsd: number }>>();
async function budgetFor(dag: DagInput, budget: Budget): Promise<number | undefined> {
  if (budget === "none") return undefined;
  let range = costRange.get(dag);
  if (range === undefined) {
    range = (async () => {
      const cheap = await plan(dag, SIZE, { profiles, objective: "cost", solver: "heuristic" });
      const fast = await plan(dag, SIZE, { profiles, solver: "heuristic" });
      return { cheapUsd: cheap.predicted.costUsd, fastUsd: fast.predicted.costUsd };
    })();
    costRange.set(dag, range);
  }
  const { cheapUsd, fastUsd } = await range;
  return cheapUsd + BUDGET_AT[budget] * (fastUsd - cheapUsd);
}

const cpuMsSince = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
/** Whether "auto" ran the LP relaxation bound for this plan (its notes say so). */
const ranLpBound = (p: Plan) => (p.solver.notes ?? []).some((n) => n.startsWith("LP relaxation bound") || n.startsWith("LP bound"));

/** Wall-clock times and the process's CPU time (user + system) of each call: on a loaded machine the CPU time shows the work, the wall clock also the wait. */
async function timedPlans(dag: DagInput, budgetUsd: number | undefined, repeats: number): Promise<{ times: number[]; cpu: number[]; last: Plan; firstRssMiB: number }> {
  const options = { profiles, ...(budgetUsd === undefined ? {} : { budgetUsd }) };
  await plan(dag, SIZE, options); // warm-up
  const firstRssMiB = process.resourceUsage().maxRSS / 1024;
  const times: number[] = [];
  const cpu: number[] = [];
  let last: Plan | undefined;
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = await plan(dag, SIZE, options);
    times.push(performance.now() - t0);
    cpu.push(cpuMsSince(c0));
  }
  return { times, cpu, last: last!, firstRssMiB };
}

// Child mode, one 10,000-stage DAG per fresh process with the budget handed in: it plans the DAG
// once (the warm-up) and reads its peak resident set then — a process that has loaded Sluice and
// planned once; one that plans again and again lets V8 grow its heap further before it collects —
// then times the repeats and reports times and the gap.
if (process.argv[2] === "--child") {
  const [stages, seed, budget, repeats] = [Number(process.argv[3]), Number(process.argv[4]), process.argv[5]!, Number(process.argv[6])];
  const dag = randomDag(stages, seed);
  const budgetUsd = budget === "none" ? undefined : Number(budget);
  const { times, cpu, last, firstRssMiB } = await timedPlans(dag, budgetUsd, repeats);
  process.send!({ times, cpu, gap: last.solver.gap, solver: `${last.solver.name} (${last.solver.status})`, maxRssMiB: firstRssMiB, lpBound: ranLpBound(last) });
  process.exit(0);
}

function inChild<T>(stages: number, seed: number, budgetUsd: number | undefined, repeats: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const args = ["--child", String(stages), String(seed), budgetUsd === undefined ? "none" : String(budgetUsd), String(repeats)];
    const child = fork(fileURLToPath(import.meta.url), args, { execArgv: process.execArgv });
    child.once("message", (m) => resolve(m as T));
    child.once("exit", (code) => code !== 0 && reject(new Error(`child exited with ${code}`)));
  });
}

interface LpTiming {
  readonly ms: number;
  readonly cpuMs: number;
}
/**
 * The LP relaxation bound alone on a budgeted problem, the way auto runs it: the work limit auto
 * gives it and the plan auto hands in as the simplex's start (its quick heuristic's, computed
 * beforehand and not timed); and cold, without a start, beside it. Each timed once after a warm-up
 * solve of the same kind.
 */
async function timeLpAlone(dag: DagInput, budgetUsd: number): Promise<{ started: LpTiming; cold: LpTiming }> {
  const { problem } = await prepareProblem(dag, SIZE, { profiles, budgetUsd });
  const lpOptions = { timeLimitMs: 60_000, maxIterations: LP_BOUND_MAX_ITERATIONS };
  const start = (await quickHeuristicSolver(problem, { timeLimitMs: 60_000 })).assignment;
  const once = async (options: Parameters<typeof lpRelaxationBound>[1]): Promise<LpTiming> => {
    await lpRelaxationBound(problem, options);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await lpRelaxationBound(problem, options);
    return { ms: performance.now() - t0, cpuMs: cpuMsSince(c0) };
  };
  return { started: await once(start === undefined ? lpOptions : { ...lpOptions, start }), cold: await once(lpOptions) };
}

// PLAN_PARTS=lp100: only the LP relaxation bound alone on the 22 budgeted 100-stage problems of
// section 3, figures to stderr; bench/RESULTS.md is left alone (the default runs every section).
if (process.env.PLAN_PARTS === "lp100") {
  const rows: { started: LpTiming; cold: LpTiming }[] = [];
  for (let k = 0; k < 11; k++) {
    const dag = randomDag(100, 1000 + k);
    for (const budget of ["halfway", "tight"] as const) rows.push(await timeLpAlone(dag, (await budgetFor(dag, budget))!));
  }
  for (const kind of ["started", "cold"] as const) {
    const xs = rows.map((r) => r[kind]);
    process.stderr.write(`LP bound alone, ${kind === "started" ? "from the heuristic's plan (as auto runs it)" : "cold"}, ${xs.length} problems: median ${ms(median(xs.map((x) => x.ms)))} (CPU ${ms(median(xs.map((x) => x.cpuMs)))}), max ${ms(Math.max(...xs.map((x) => x.ms)))} (CPU ${ms(Math.max(...xs.map((x) => x.cpuMs)))})\n`);
  }
  process.stderr.write(`load ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")} on ${os.cpus().length} cores\n`);
  process.exit(0);
}

const started = performance.now();
const sectionSeconds: string[] = [];
let sectionStart = performance.now();
const endSection = (name: string) => {
  sectionSeconds.push(`${name} ${((performance.now() - sectionStart) / 1000).toFixed(0)} s`);
  sectionStart = performance.now();
};

// 1. 10-stage DAGs with 12–16 edges and a binding budget
const small: DagInput[] = [];
for (let seed = 20_260_000; small.length < 20; seed++) {
  const dag = randomDag(10, seed, 3, 0.8);
  const edges = dag.edges?.length ?? 0;
  if (edges >= 12 && edges <= 16) small.push(dag);
}
const smallRows: string[] = [];
const smallMedians: number[] = [];
const smallCpu: number[] = [];
const smallGaps: number[] = [];
const smallSolvers = new Map<string, number>();
for (const dag of small) {
  const { times, cpu, last } = await timedPlans(dag, await budgetFor(dag, "halfway"), 5);
  smallMedians.push(median(times));
  smallCpu.push(median(cpu));
  smallGaps.push(last.solver.gap ?? NaN);
  const name = `${last.solver.name} (${last.solver.status})`;
  smallSolvers.set(name, (smallSolvers.get(name) ?? 0) + 1);
  smallRows.push(`| ${dag.name} | ${dag.edges?.length ?? 0} | ${median(times).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${median(cpu).toFixed(1)} | ${name} | ${pct(last.solver.gap ?? NaN)} |`);
}
const smallGapsMet = smallGaps.every((g) => g <= 0.01);
const smallMet = median(smallMedians) <= 10 && p95(smallMedians) <= 25 && smallGapsMet;
const smallCpuMet = median(smallCpu) <= 10 && p95(smallCpu) <= 25 && smallGapsMet;
endSection("10-stage DAGs");
process.stderr.write(`10 stages: median ${median(smallMedians).toFixed(1)} ms, p95 ${p95(smallMedians).toFixed(1)} ms\n`);

// 2. reported gap on plans the brute force proves optimal
let provenOptimal = 0;
let worstGap = 0;
let checked = 0;
for (let seed = 1; checked < 150; seed++) {
  const dag = randomDag(4 + (seed % 4), 70_000 + seed, 3, 0.8);
  if ((dag.edges?.length ?? 0) < 2 || (dag.edges?.length ?? 0) > 8) continue;
  checked++;
  const budgetUsd = await budgetFor(dag, "halfway");
  const p = await plan(dag, SIZE, { profiles, budgetUsd: budgetUsd!, allowSplits: false });
  const { problem } = await prepareProblem(dag, SIZE, { profiles, budgetUsd: budgetUsd!, allowSplits: false });
  const best = bruteForceSolver(problem, { timeLimitMs: 60_000 }) as { assignment?: never };
  if (best.assignment === undefined || p.status !== "ok") continue;
  const optimum = evaluateAssignment(problem, best.assignment).makespanMs;
  if (p.predicted.makespanMs > optimum * (1 + 1e-9)) continue;
  provenOptimal++;
  worstGap = Math.max(worstGap, p.solver.gap ?? Infinity);
}
process.stderr.write(`optimal plans: ${provenOptimal} of ${checked}, worst reported gap ${pct(worstGap)}\n`);
// the solver tests' problems (src/solve/auto-solver.test.ts): AWS platform with VM-pool billing, whole modes, limit at t between the cheapest and the fastest plan
const poolGaps: { gap: number; objective: string; index: number }[] = [];
let poolChecked = 0;
const POOL_CASES = 100;
for (const [index, [spec, t]] of fc.sample(fc.tuple(problemSpecArb(7), fc.double({ min: 0, max: 1, noNaN: true })), { numRuns: POOL_CASES, seed: 20_261_203 }).entries()) {
  for (const objective of ["latency", "cost"] as const) {
    const ctx = { timeLimitMs: 60_000 };
    const loose = buildTestProblem(spec, { allowSplits: false });
    const cheap = evaluateAssignment(loose, (await bruteForceSolver({ ...loose, objective: "cost" }, ctx)).assignment!);
    const fast = evaluateAssignment(loose, (await bruteForceSolver(loose, ctx)).assignment!);
    const problem = objective === "latency" ? { ...loose, budgetUsd: cheap.costUsd + t * (fast.costUsd - cheap.costUsd) } : { ...loose, objective, deadlineMs: fast.makespanMs + t * (cheap.makespanMs - fast.makespanMs) };
    poolChecked++;
    const best = await bruteForceSolver(problem, ctx);
    if (best.assignment === undefined) continue;
    const auto = await autoSolver(problem, ctx);
    if (auto.assignment === undefined || auto.lowerBound === undefined) continue;
    const value = scoreEvaluation(objective, evaluateAssignment(problem, auto.assignment));
    if (value > scoreEvaluation(objective, evaluateAssignment(problem, best.assignment)) * (1 + 1e-9)) continue;
    poolGaps.push({ gap: value > 0 ? (value - auto.lowerBound) / value : 0, objective, index });
  }
}
const poolWorst = poolGaps.reduce((a, g) => (g.gap > a.gap ? g : a), { gap: 0, objective: "–", index: -1 });
const poolOver = poolGaps.filter((g) => g.gap > 0.01);
process.stderr.write(`VM-pool problems: ${poolGaps.length} optimal of ${poolChecked}, worst reported gap ${pct(poolWorst.gap)}\n`);
endSection("brute-force check");

// 3. scale
interface ScaleRow {
  readonly stages: number;
  readonly budget: Budget;
  readonly medians: number[];
  readonly cpu: number[];
  readonly gaps: number[];
  readonly solvers: Map<string, number>;
  readonly rssMiB: number[];
  /** Plans where "auto" ran the LP relaxation bound: their median wall-clock and CPU ms. */
  readonly lp: { readonly ms: number; readonly cpuMs: number }[];
  /** 100 stages with a budget: the LP relaxation bound alone, timed on the same problem (after one warm-up solve). */
  readonly lpAlone: LpTiming[];
  /** The same, cold: no start point. */
  readonly lpCold: LpTiming[];
}
const scale: ScaleRow[] = [];
for (const [stages, dags, repeats] of [[100, 11, 3], [1000, 5, 3], [10_000, 3, 2]] as const) {
  for (const budget of ["none", "halfway", "tight"] as const) {
    const row: ScaleRow = { stages, budget, medians: [], cpu: [], gaps: [], solvers: new Map(), rssMiB: [], lp: [], lpAlone: [], lpCold: [] };
    for (let k = 0; k < dags; k++) {
      const seed = 1000 + k;
      const dag = randomDag(stages, seed);
      const budgetUsd = await budgetFor(dag, budget);
      let r: { times: number[]; cpu: number[]; gap: number | null; solver: string; maxRssMiB: number; lpBound: boolean };
      if (stages >= 10_000) {
        r = await inChild<typeof r>(stages, seed, budgetUsd, repeats);
      } else {
        const { times, cpu, last } = await timedPlans(dag, budgetUsd, repeats);
        r = { times, cpu, gap: last.solver.gap, solver: `${last.solver.name} (${last.solver.status})`, maxRssMiB: NaN, lpBound: ranLpBound(last) };
      }
      if (r.lpBound) row.lp.push({ ms: median(r.times), cpuMs: median(r.cpu) });
      if (stages === 100 && budgetUsd !== undefined) {
        const { started, cold } = await timeLpAlone(dag, budgetUsd);
        row.lpAlone.push(started);
        row.lpCold.push(cold);
      }
      row.medians.push(median(r.times));
      row.cpu.push(median(r.cpu));
      row.gaps.push(r.gap ?? NaN);
      row.solvers.set(r.solver, (row.solvers.get(r.solver) ?? 0) + 1);
      if (Number.isFinite(r.maxRssMiB)) row.rssMiB.push(r.maxRssMiB);
    }
    scale.push(row);
    process.stderr.write(`${stages} stages, ${budget}: median ${median(row.medians).toFixed(1)} ms (CPU ${median(row.cpu).toFixed(1)} ms), max gap ${pct(Math.max(...row.gaps))}\n`);
  }
  endSection(`${stages.toLocaleString("en")} stages`);
}

// 4. bundled examples
const exampleRows: string[] = [];
for (const [file, size] of [["mapreduce-sort", "1.5 GB"], ["video-analytics", "15 MB"], ["lightgbm", "200 MB"], ["tpcds-q95", "10 GB"], ["wide-fanout", "10 GB"]] as const) {
  const dag = JSON.parse(readFileSync(`examples/dags/${file}.json`, "utf8")) as unknown;
  await plan(dag, size);
  const times: number[] = [];
  const phases = new Map<string, number[]>();
  let last: Plan | undefined;
  for (let r = 0; r < 11; r++) {
    const t0 = performance.now();
    last = await plan(dag, size, { timings: true });
    times.push(performance.now() - t0);
    for (const [phase, t] of Object.entries(last.timingsMs ?? {})) phases.set(phase, [...(phases.get(phase) ?? []), t]);
  }
  const phaseMs = (phase: string) => (phases.has(phase) ? median(phases.get(phase)!).toFixed(1) : "–");
  exampleRows.push(`| ${file} | ${size} | ${last!.solver.name} (${last!.solver.status}) | ${median(times).toFixed(1)} | ${phaseMs("size")} | ${phaseMs("solve")} | ${pct(last!.solver.gap ?? NaN)} |`);
}
endSection("examples");

const find = (stages: number, budget: Budget) => scale.find((r) => r.stages === stages && r.budget === budget)!;
const scaleRows = scale.map((r) => {
  const solvers = [...r.solvers].map(([n, c]) => `${n} ×${c}`).join(", ");
  return `| ${r.stages.toLocaleString("en")} | ${r.budget} | ${r.medians.length} | ${ms(median(r.medians))} | ${ms(p95(r.medians))} | ${ms(median(r.cpu))} | ${ms(p95(r.cpu))} | ${pct(median(r.gaps))} | ${pct(Math.max(...r.gaps))} | ${r.rssMiB.length > 0 ? Math.max(...r.rssMiB).toFixed(0) : "–"} | ${solvers} |`;
});
const verdict = (ok: boolean) => (ok ? "met" : "missed");
const k1 = ["none", "halfway", "tight"].map((b) => find(1000, b as Budget));
const k10 = find(10_000, "tight");
const h100 = find(100, "halfway");
const lp100 = scale.filter((r) => r.stages === 100).flatMap((r) => r.lp);
const lpAlone = scale.filter((r) => r.stages === 100).flatMap((r) => r.lpAlone);
const lpCold = scale.filter((r) => r.stages === 100).flatMap((r) => r.lpCold);
const k10Rss = Math.max(...scale.filter((r) => r.stages === 10_000).flatMap((r) => r.rssMiB));
const scaleMet = (cpu: boolean) => {
  const m = (r: ScaleRow) => median(cpu ? r.cpu : r.medians);
  const q = (r: ScaleRow) => p95(cpu ? r.cpu : r.medians);
  return {
    h100: m(h100) <= 50,
    lp100: lp100.every((x) => (cpu ? x.cpuMs : x.ms) <= 50),
    lpAlone: median(lpAlone.map((x) => (cpu ? x.cpuMs : x.ms))) <= 50,
    k1: k1.every((r) => m(r) <= 1000),
    k10median: m(k10) <= 5000,
    k10p95: q(k10) <= 10_000,
  };
};
const [wall, cpu] = [scaleMet(false), scaleMet(true)];
const both = (w: boolean, c: boolean) => `wall clock ${verdict(w)}, CPU ${verdict(c)}`;
const load = os.loadavg().map((x) => x.toFixed(1)).join(" / ");
const lpLine =
  lp100.length === 0
    ? "no 100-stage plan needed the LP bound (the cheap or the forest bound proved each within the tolerance, or no limit was set)"
    : `${lp100.length} of ${scale.filter((r) => r.stages === 100).reduce((a, r) => a + r.medians.length, 0)} 100-stage plans needed the LP relaxation bound (the heuristic's plan not proven within 1% by the forest bound): ${lp100.map((x) => `${ms(x.ms)} (CPU ${ms(x.cpuMs)})`).join(", ")}`;

writeResultsSection(
  "Planning speed",
  `${machineLine("npm run bench:plan")}
Load average (1/5/15 min) at the end: ${load} on ${os.cpus().length} cores; the run took ${((performance.now() - started) / 60_000).toFixed(1)} min (${sectionSeconds.join(", ")}). With a load above the core count, wall-clock times include waiting for a core: the CPU time columns (user + system of this process while plan() ran) show the work itself, and each target is judged on both.

Every time is one \`plan()\` call (validate, estimate, candidates, solve, assemble) with \`solver: "auto"\` after one warm-up call on the same DAG; gap = (objective − proven lower bound) / objective. Budgets: "halfway" between the cheapest and the fastest heuristic plan's cost, "tight" 10% of the way up from the cheapest. Random DAGs: \`randomDag(stages, seed)\` (1–2 inputs per stage, 1–16 instances, all four modes, splits allowed), input 2 GB, profiles \`randomDagProfiles()\`.

**10-stage DAGs with 12–16 edges, binding (halfway) budget**: the first 20 seeds from 20,260,000 of \`randomDag(10, seed, 3, 0.8)\` with 12–16 edges (never used while developing the solver); median of 5 calls each.

| DAG | edges | median ms | max ms | median CPU ms | solver (status) | proven gap |
|---|---:|---:|---:|---:|---|---:|
${smallRows.join("\n")}

Over the 20 DAGs (p95: nearest rank, the 19th of 20): median ${median(smallMedians).toFixed(1)} ms (target ≤ 10 ms), p95 ${p95(smallMedians).toFixed(1)} ms (≤ 25 ms) wall-clock — CPU time median ${median(smallCpu).toFixed(1)} ms, p95 ${p95(smallCpu).toFixed(1)} ms — proven gap ≤ 1% on ${smallGaps.filter((g) => g <= 0.01).length} of 20 (max ${pct(Math.max(...smallGaps))}); solvers: ${[...smallSolvers].map(([n, c]) => `${n} ×${c}`).join(", ")}. Targets: ${both(smallMet, smallCpuMet)}.

**Reported gap on plans proven optimal**: ${checked} random DAGs of 4–7 stages with 2–8 edges (\`randomDag(n, 70,000 + seed, 3, 0.8)\`), halfway budget, whole modes only so the brute force enumerates every plan; plan() found the brute-force optimum on ${provenOptimal} of them, and the largest gap it reported on those was ${pct(worstGap)} (target ≤ 1%: ${verdict(worstGap <= 0.01)}). The solver tests' problems (src/solve/auto-solver.test.ts: the first ${POOL_CASES} samples of \`problemSpecArb(7)\` with seed 20,261,203, AWS platform with VM-pool billing, whole modes, latency under a budget and cost under a deadline placed between the cheapest and the fastest plan), solved by \`auto\`: it found the brute-force optimum on ${poolGaps.length} of ${poolChecked}, the largest gap it reported on those was ${pct(poolWorst.gap)}${poolWorst.index >= 0 ? ` (sample ${poolWorst.index}, ${poolWorst.objective})` : ""}, above 1% on ${poolOver.length}${poolOver.length > 0 ? ` (${poolOver.map((g) => `sample ${g.index} ${g.objective} ${pct(g.gap)}`).join(", ")})` : ""} (target ≤ 1%: ${verdict(poolOver.length === 0)}).

**Scale** (seeds 1000, 1001, …; median of 3 calls per DAG at 100 and 1,000 stages, 2 at 10,000; p95 over the DAGs' medians — with 3–5 DAGs that is their maximum; RSS: peak resident set of a fresh process that has loaded Sluice and planned one 10,000-stage DAG once (its warm-up call) — the budget is found beforehand, in the parent; a process that plans again and again lets V8 grow its heap further before it collects):

| stages | budget | DAGs | median | p95 | median CPU | p95 CPU | median gap | max gap | peak RSS MiB | solver (status) |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
${scaleRows.join("\n")}

Against the targets:
- 100 stages with a binding budget: median ${ms(median(h100.medians))}, CPU ${ms(median(h100.cpu))} (≤ 50 ms: ${both(wall.h100, cpu.h100)}). With the LP bound: ${lpLine}${lp100.length === 0 ? "" : ` (≤ 50 ms: ${both(wall.lp100, cpu.lp100)})`}. The LP relaxation bound alone (lp-relaxation-bound.ts, HiGHS, the work limit auto gives it and the quick heuristic's plan as its start, as auto runs it), timed once after a warm-up solve on each of the ${lpAlone.length} budgeted 100-stage problems, what it adds wherever auto needs it: median ${ms(median(lpAlone.map((x) => x.ms)))} (CPU ${ms(median(lpAlone.map((x) => x.cpuMs)))}), max ${ms(Math.max(...lpAlone.map((x) => x.ms)))} (CPU ${ms(Math.max(...lpAlone.map((x) => x.cpuMs)))}) (≤ 50 ms: ${both(wall.lpAlone, cpu.lpAlone)}); cold, without a start: median ${ms(median(lpCold.map((x) => x.ms)))} (CPU ${ms(median(lpCold.map((x) => x.cpuMs)))}), max ${ms(Math.max(...lpCold.map((x) => x.ms)))}.
- 1,000 stages: ${k1.map((r) => `${r.budget} ${ms(median(r.medians))} (CPU ${ms(median(r.cpu))})`).join(", ")} (≤ 1 s: ${both(wall.k1, cpu.k1)}), max gap ${pct(Math.max(...k1.flatMap((r) => r.gaps)))} (≤ 2%: ${verdict(k1.every((r) => Math.max(...r.gaps) <= 0.02))}).
- 10,000 stages, tight budget: median ${ms(median(k10.medians))}, CPU ${ms(median(k10.cpu))} (≤ 5 s: ${both(wall.k10median, cpu.k10median)}); p95 ${ms(p95(k10.medians))}, CPU ${ms(p95(k10.cpu))} (≤ 10 s: ${both(wall.k10p95, cpu.k10p95)}); peak RSS ${k10Rss.toFixed(0)} MiB = ${((k10Rss * 2 ** 20) / 1e6).toFixed(0)} MB (≤ 500 MB: ${verdict(k10Rss <= (500 * 1e6) / 2 ** 20)}).

Bundled examples at their nominal inputs (median of 11 calls with \`timings: true\`; "sizing" is the phase that sizes instance counts and memory before planning, "solve" the solver's):

| DAG | input | solver | median ms | sizing ms | solve ms | gap |
|---|---|---|---:|---:|---:|---:|
${exampleRows.join("\n")}`,
);
process.stderr.write("wrote bench/RESULTS.md (Planning speed)\n");
