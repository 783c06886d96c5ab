/**
 * Plan quality: every bundled app × input sizes over two orders of magnitude × three budgets;
 * plan() and every baseline are simulated (same seeds for all: common random numbers) and
 * compared; small DAGs (≤ 6 edges) also against the simulated exhaustive oracle. Writes the
 * `## Plan quality` section of bench/RESULTS.md and bench/quality-makespan.svg.
 *
 * Budgets per (app, size), from the cheapest plan's predicted cost C and the fastest plan's F,
 * with spread S = max(F − C, 0.02 · C):
 *   tight = C + 0.1 · S,  medium = C + 0.5 · S,  loose = max(1.1 · F, C + 1.5 · S). Fixed baselines ignore the budget; one whose predicted cost is over
 * it does not count at that budget (it would not be allowed to run). sonic is plan() with SONIC's
 * modes and no splits, under the same budget. The oracle is the fastest whole-mode plan in
 * simulation whose predicted cost is within the budget (the rule every other policy is held to),
 * over every mode assignment at two stage configurations: the default counts and the counts the
 * sizing chooses under that budget (what baselinePlan("oracle") uses). Where no such plan is
 * within the budget there is no oracle for the case; it is counted apart, not compared.
 * Env: QUALITY_APPS (comma list of app names) runs only those and prints the table without
 * writing bench/RESULTS.md; QUALITY_SEEDS (default 1,2).
 */
import { readFileSync, writeFileSync } from "node:fs";
import type * as vl from "vega-lite";
import { vegaLiteSvg } from "../src/util/vega-lite-svg.js";
import { pct, secs } from "./figures.js";
import { quantile } from "../src/util/quantile.js";
import { baselinePlan } from "../src/baselines/baseline-plan.js";
import { oracleCandidates, pickOracle } from "../src/baselines/oracle.js";
import { ORACLE_MAX_EDGES, type BaselineName } from "../src/baselines/types.js";
import { plan } from "../src/plan/plan.js";
import { prepareProblem } from "../src/plan/prepare-problem.js";
import { needsSizing, sizeStages } from "../src/plan/sizing/size-stages.js";
import type { Plan } from "../src/plan/types.js";
import { defaultProfiles } from "../src/profiles/defaults/default-profiles.js";
import { EXAMPLE_DAGS } from "../src/profiles/analytic/bundled-analytic.js";
import type { ProfileProvider } from "../src/profiles/types.js";
import { simulateSync } from "../src/simulate/simulate.js";
import { formatBytes } from "../src/units/size.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const SEEDS = (process.env.QUALITY_SEEDS ?? "1,2").split(",").map(Number);
const FACTORS = [0.03, 0.1, 0.3, 1, 3];
const FIXED: BaselineName[] = ["all-remote", "all-direct", "all-vm-local", "locus", "cloudburst"];
const BASELINES = ["sonic", ...FIXED] as const;
const BUDGETS = ["tight", "medium", "loose"] as const;
type BudgetName = (typeof BUDGETS)[number];
const NOISE_CV = 0.1;
const ONLY_APPS = process.env.QUALITY_APPS?.split(",");

interface Scored {
  /** Simulated makespan with noise off (plan() only): the model's structural error. */
  readonly quietMs?: number;
  readonly makespanMs: number;
  readonly costUsd: number;
  readonly predictedMs: number;
  readonly predictedUsd: number;
  readonly label: string;
}

interface Case {
  readonly app: string;
  readonly inputBytes: number;
  readonly budget: BudgetName;
  readonly budgetUsd: number;
  readonly shuffleHeavy: boolean;
  readonly small: boolean;
  readonly plan: Scored;
  readonly planStatus: Plan["status"];
  /** Baselines allowed under this budget (predicted cost within it); others are undefined. */
  readonly baselines: Partial<Record<(typeof BASELINES)[number], Scored>>;
  readonly overBudget: string[];
  readonly oracle?: Scored;
  /** Small DAG whose whole-mode plans are all over the budget at both configurations: no oracle. */
  readonly noOracleWithinBudget?: boolean;
}

function label(p: Plan): string {
  return p.edges.map((e) => (e.split ? Object.entries(e.split).map(([m, f]) => `${short(m)}${(f * 100).toFixed(0)}`).join("+") : short(e.mode))).join(",") + (p.admitted.length > 0 ? ` [${p.admitted.join(",")}]` : "");
}
function short(m: string): string {
  return ({ "vm-local": "L", direct: "D", remote: "R", cache: "C" } as Record<string, string>)[m] ?? m;
}

function score(dag: unknown, p: Plan, profiles: ProfileProvider): Scored {
  const runs = SEEDS.map((seed) => simulateSync(dag, p, { profiles, seed, noiseCv: NOISE_CV }));
  const mean = (f: (r: (typeof runs)[number]) => number) => runs.reduce((a, r) => a + f(r), 0) / runs.length;
  return { makespanMs: mean((r) => r.makespanMs), costUsd: mean((r) => r.cost.totalUsd), predictedMs: p.predicted.makespanMs, predictedUsd: p.predicted.costUsd, label: label(p) };
}


async function main(): Promise<void> {
  const t0 = performance.now();
  const profiles = await defaultProfiles();
  const cases: Case[] = [];
  for (const ex of EXAMPLE_DAGS.filter((e) => ONLY_APPS === undefined || ONLY_APPS.includes(e.name))) {
    const dag = JSON.parse(readFileSync(`examples/dags/${ex.file}`, "utf8")) as unknown;
    for (const factor of FACTORS) {
      const inputBytes = Math.round(ex.nominalInputBytes * factor);
      const tCase = performance.now();
      const { problem } = await prepareProblem(dag, inputBytes, { profiles });
      const shuffleHeavy = problem.dag.edges.some((e) => e.pattern === "shuffle");
      const small = problem.dag.edges.length <= ORACLE_MAX_EDGES;
      const cheapest = await plan(dag, inputBytes, { profiles, objective: "cost" });
      const fastest = await plan(dag, inputBytes, { profiles });
      const c = cheapest.predicted.costUsd;
      const f = fastest.predicted.costUsd;
      const spread = Math.max(f - c, 0.02 * c);
      const budgets: Record<BudgetName, number> = { tight: c + 0.1 * spread, medium: c + 0.5 * spread, loose: Math.max(1.1 * f, c + 1.5 * spread) };

      const fixed = new Map<BaselineName, { plan: Plan; scored: Scored }>();
      for (const name of FIXED) {
        const p = await baselinePlan(name, dag, inputBytes, { profiles });
        fixed.set(name, { plan: p, scored: score(dag, p, profiles) });
      }
      const oracleCands = small ? oracleCandidates(problem, dag, { profiles, noiseCv: NOISE_CV }, SEEDS) : [];

      for (const budget of BUDGETS) {
        const budgetUsd = budgets[budget];
        const planned = await plan(dag, inputBytes, { profiles, budgetUsd });
        const sonic = await baselinePlan("sonic", dag, inputBytes, { profiles, budgetUsd });
        const baselines: Case["baselines"] = {};
        const overBudget: string[] = [];
        if (sonic.status === "ok") baselines.sonic = score(dag, sonic, profiles);
        else overBudget.push("sonic");
        for (const [name, { plan: p, scored }] of fixed) {
          if (p.predicted.costUsd <= budgetUsd * (1 + 1e-9)) baselines[name as (typeof BASELINES)[number]] = scored;
          else overBudget.push(name);
        }
        let oracle: Scored | undefined;
        let noOracleWithinBudget = false;
        if (small) {
          // the same modes at the stage configuration sized under this budget (as plan() and every baseline size it)
          const atBudget = needsSizing(dag, { profiles, budgetUsd }) ? (await sizeStages(dag, inputBytes, { profiles, budgetUsd })).dagInput : undefined;
          const sizedCands = atBudget === undefined ? [] : oracleCandidates((await prepareProblem(atBudget, inputBytes, { profiles })).problem, atBudget, { profiles, noiseCv: NOISE_CV }, SEEDS);
          const o = pickOracle([...oracleCands, ...sizedCands], budgetUsd, "predicted");
          // none within the budget: pickOracle shows the cheapest, which is over it — no yardstick for a plan within the budget
          if (o.plan.predicted.costUsd <= budgetUsd * (1 + 1e-9)) oracle = { makespanMs: o.makespanMs, costUsd: o.costUsd, predictedMs: o.plan.predicted.makespanMs, predictedUsd: o.plan.predicted.costUsd, label: label(o.plan) };
          else noOracleWithinBudget = true;
        }
        const quietMs = simulateSync(dag, planned, { profiles, seed: SEEDS[0]!, noiseCv: 0 }).makespanMs;
        cases.push({ app: ex.name, inputBytes, budget, budgetUsd, shuffleHeavy, small, plan: { ...score(dag, planned, profiles), quietMs }, planStatus: planned.status, baselines, overBudget, ...(oracle ? { oracle } : {}), ...(noOracleWithinBudget ? { noOracleWithinBudget } : {}) });
      }
      process.stderr.write(`${ex.name} ${formatBytes(inputBytes)}: ${((performance.now() - tCase) / 1000).toFixed(1)} s (${oracleCands.length} oracle candidates)\n`);
    }
  }
  const totalS = (performance.now() - t0) / 1000;
  if (ONLY_APPS !== undefined) {
    process.stdout.write(`${report(cases, totalS)}\n`);
    return;
  }
  writeFileSync("bench/quality-makespan.svg", await renderPlot(cases));
  writeResultsSection("Plan quality", report(cases, totalS));
  process.stderr.write(`done in ${totalS.toFixed(0)} s\n`);
}

function bestBaseline(c: Case): { name: string; makespanMs: number } | undefined {
  let best: { name: string; makespanMs: number } | undefined;
  for (const [name, s] of Object.entries(c.baselines)) if (s !== undefined && (best === undefined || s.makespanMs < best.makespanMs)) best = { name, makespanMs: s.makespanMs };
  return best;
}

function report(cases: Case[], totalS: number): string {
  const out: string[] = [];
  out.push(machineLine("npm run bench:quality"));
  out.push("");
  out.push(
    `Every bundled app (examples/dags) at 5 inputs (0.03×–3× its nominal input, two orders of magnitude) × 3 budgets (tight / medium / loose, from the cheapest plan's predicted cost C and the fastest plan's F, with S = max(F − C, 2% C): C + 0.1 S, C + 0.5 S, max(1.1 F, C + 1.5 S)). ` +
      `Each plan is run on the simulator (src/simulate: fair-share NICs and cache bandwidth, object-store latency, per-connection caps and request-rate limits, VM slots, cache capacity) with runtimes, memory and output sizes drawn around the bundled profiles with lognormal noise (CV ${NOISE_CV}), mean of seeds ${SEEDS.join(", ")} — the same seeds for every policy. ` +
      `Makespans in seconds. A baseline whose predicted cost is over the budget is not allowed at that budget (–). sonic = plan() with modes vm-local/direct/remote and no splits under the same budget; oracle = the fastest whole-mode plan in simulation whose predicted cost is within the budget (small DAGs, ≤ ${ORACLE_MAX_EDGES} edges; the same admission rule as every policy, so it is the best any whole-mode plan does on these very runs). Plan modes: L vm-local, D direct, R remote, C cache, with split percentages; [x] = admitted stages. Total bench time ${totalS.toFixed(0)} s.`,
  );
  out.push("");
  out.push("| app | input | budget $ | plan() | plan() modes | sonic | locus | all-remote | all-direct | all-vm-local | cloudburst | oracle | plan/oracle | plan/best baseline |");
  out.push("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const c of cases) {
    const b = (n: (typeof BASELINES)[number]) => (c.baselines[n] ? secs(c.baselines[n]!.makespanMs) : "–");
    const best = bestBaseline(c);
    out.push(
      `| ${c.app} | ${formatBytes(c.inputBytes)} | ${c.budget} ${c.budgetUsd.toPrecision(3)} | ${secs(c.plan.makespanMs)} | ${c.plan.label} | ${b("sonic")} | ${b("locus")} | ${b("all-remote")} | ${b("all-direct")} | ${b("all-vm-local")} | ${b("cloudburst")} | ${c.oracle ? secs(c.oracle.makespanMs) : c.noOracleWithinBudget ? "none ≤ budget" : "–"} | ${c.oracle ? (c.plan.makespanMs / c.oracle.makespanMs).toFixed(3) : "–"} | ${best ? `${(c.plan.makespanMs / best.makespanMs).toFixed(3)} (${best.name})` : "–"} |`,
    );
  }
  out.push("");

  // Targets.
  const small = cases.filter((c) => c.oracle !== undefined);
  const noOracle = cases.filter((c) => c.noOracleWithinBudget === true);
  const oracleRatios = small.map((c) => c.plan.makespanMs / c.oracle!.makespanMs);
  const within5 = oracleRatios.filter((r) => r <= 1.05).length;
  const worstOracle = small.map((c, i) => ({ c, r: oracleRatios[i]! })).sort((a, b) => b.r - a.r)[0];
  const withBaseline = cases.filter((c) => bestBaseline(c) !== undefined);
  const wins = withBaseline.filter((c) => c.plan.makespanMs <= bestBaseline(c)!.makespanMs * (1 + 1e-9)).length;
  const wins1 = withBaseline.filter((c) => c.plan.makespanMs <= bestBaseline(c)!.makespanMs * 1.01).length;
  const losses = withBaseline.filter((c) => c.plan.makespanMs > bestBaseline(c)!.makespanMs * 1.01).map((c) => `${c.app} ${formatBytes(c.inputBytes)} ${c.budget}: ${(c.plan.makespanMs / bestBaseline(c)!.makespanMs).toFixed(3)} × ${bestBaseline(c)!.name}`);
  const shuffle = cases.filter((c) => c.shuffleHeavy && (c.baselines.sonic !== undefined || c.baselines.locus !== undefined));
  const reductions = shuffle.map((c) => 1 - c.plan.makespanMs / Math.min(c.baselines.sonic?.makespanMs ?? Infinity, c.baselines.locus?.makespanMs ?? Infinity));
  const met25 = reductions.filter((r) => r >= 0.25).length;
  const errMs = cases.map((c) => Math.abs(c.plan.predictedMs - c.plan.makespanMs) / c.plan.makespanMs);
  const signedMs = cases.map((c) => (c.plan.predictedMs - c.plan.makespanMs) / c.plan.makespanMs);
  const errQuiet = cases.map((c) => Math.abs(c.plan.predictedMs - c.plan.quietMs!) / c.plan.quietMs!);
  const errUsd = cases.map((c) => Math.abs(c.plan.predictedUsd - c.plan.costUsd) / c.plan.costUsd);
  const planOverBudget = cases.filter((c) => c.plan.costUsd > c.budgetUsd * 1.0000001).length;

  out.push("Against the targets:");
  out.push("");
  out.push(`- plan() within 5% of the oracle's simulated makespan on every small case: **${within5} of ${small.length}** (${small.length === within5 ? "met" : "missed"}); median plan/oracle ${quantile(oracleRatios, 0.5).toFixed(3)}, worst ${worstOracle ? `${worstOracle.r.toFixed(3)} (${worstOracle.c.app} ${formatBytes(worstOracle.c.inputBytes)} ${worstOracle.c.budget}: plan ${worstOracle.c.plan.label} vs oracle ${worstOracle.c.oracle!.label})` : "–"}. Ratios below 1 are plan() beating every whole-mode plan (through splits).${noOracle.length > 0 ? ` Small cases with no whole-mode plan within the budget at either configuration (no oracle, not compared): ${noOracle.length} (${noOracle.map((c) => `${c.app} ${formatBytes(c.inputBytes)} ${c.budget}`).join("; ")}).` : ""}`);
  out.push(`- plan() at or below every allowed baseline under the same budget on ≥ 90% of cases: **${wins} of ${withBaseline.length} (${pct(wins / withBaseline.length)})** strictly, ${wins1} (${pct(wins1 / withBaseline.length)}) within 1% (${wins / withBaseline.length >= 0.9 ? "met" : "missed"}).${losses.length > 0 ? ` Losses beyond 1%: ${losses.join("; ")}.` : ""}`);
  out.push(`- shuffle-heavy cases (mapreduce-sort, tpcds-q95, wide-fanout), ≥ 25% lower makespan than the better of sonic and locus: **${met25} of ${shuffle.length}** (${met25 === shuffle.length ? "met" : "missed"}); median reduction ${pct(quantile(reductions, 0.5))}, range ${pct(Math.min(...reductions))} to ${pct(Math.max(...reductions))}.`);
  out.push(`- planner's model error, predicted vs simulated (plan(), all ${cases.length} cases): makespan |error| median **${pct(quantile(errMs, 0.5))}**, p90 ${pct(quantile(errMs, 0.9))} (target ≤ 15% on the median case: ${quantile(errMs, 0.5) <= 0.15 ? "met" : "missed"}); signed median ${pct(quantile(signedMs, 0.5))} (negative: the model is optimistic); cost |error| median ${pct(quantile(errUsd, 0.5))}, p90 ${pct(quantile(errUsd, 0.9))}. With the noise off (CV 0: only the model's structure differs from the simulator's) the makespan |error| is median ${pct(quantile(errQuiet, 0.5))}, p90 ${pct(quantile(errQuiet, 0.9))}: the rest is stragglers — a stage waits for its slowest instance, which the per-instance median does not predict. plan()'s simulated cost exceeded its budget in ${planOverBudget} of ${cases.length} cases.`);
  out.push("");
  out.push(WHY_THE_MISSES);
  out.push("");
  out.push("Plot: bench/quality-makespan.svg — simulated makespan vs input size per policy at the medium budget, and each policy relative to plan().");
  return out.join("\n");
}

const WHY_THE_MISSES = `Why the misses (mechanisms found by simulating single plans with the noise off; see the simulator's rules in src/simulate/simulation.ts):

- At or below every baseline: met once the model priced vm-local chains on the VMs they really run on (a chain is allowed where the middle stage's own placement has its producer's VM count); before that, cloudburst's chains on TPC-DS Q95 ran 0.1–0.6% faster than plan()'s choices.
- Within 5% of the oracle: the tight-budget misses of the run before 2026-12-03 17:30 (mapreduce-sort 429 MiB, 1.40 GiB, 4.19 GiB; video-analytics 42.92 MiB) had plan() on the same modes as the oracle but fewer instances: the sizing searched counts on powers of two, while under VM-pool billing cost steps with the VMs a wave holds (count / 4 cores), so the budget ($0.0351, 13 VMs at the 60 s minimum) fell between 32 instances (8 VMs, within) and 64 (16 VMs, over). The sizing now bisects between two grid counts that straddle the limit (src/plan/sizing/refine-at-limit.ts) and picks 52 / 52; re-measured case by case (seeds 1, 2, machine at load ≈ 13): mapreduce-sort tight 429 MiB 1.47 → 1.06 s (oracle 1.39), 1.40 GiB 3.95 → 2.61 s (oracle 3.09), 4.19 GiB 11.1 → 7.09 s (oracle 7.63); video-analytics 42.92 MiB tight 11.4 → 8.58 s against an oracle of 7.37 s. The last miss (video-analytics 42.92 MiB tight, plan/oracle 1.165) was the bench's, not the planner's: its oracle enumerated modes only at the default counts (1 × 55 × 55), whose cheapest plan is predicted at $0.0361 against a $0.0188 budget, so pickOracle fell back to that over-budget plan (7.37 s) and plan()'s in-budget 8.58 s was compared with it; mapreduce-sort 1.40 / 4.19 GiB tight were the same ($0.0490 / $0.0851 vs $0.0351). The oracle now also enumerates every mode at the stage configuration sized under the budget (as baselinePlan("oracle") does; 28 × 28 × 28 there, best whole-mode plan direct,direct at 8.58 s, $0.0181 predicted), and a case where no whole-mode plan fits the budget at either configuration has no oracle and is counted apart instead of compared.
- Shuffle- and broadcast-heavy target (re-checked on the shared physics; per-edge times at f = 1 from the model's mode options, src/model/build-candidates.ts, bundled constants): direct wins every such edge on time and on price, so plan() chooses direct on them and matches sonic, which offers direct, and locus (every shuffle through the cache) is slower wherever the budget allows it. The law is the sender NIC's token bucket against per-connection caps. A direct pull draws on the senders' VM NICs: 10 Gbit/s burst (1.25 GB/s) with 853 GB of credit above the 1.25 Gbit/s baseline per VM, 5 Gbit/s per flow (docs/platform.md); the largest case here moves 205 GB over dozens of VMs, so no NIC leaves its burst, and a reader sharing a 4-slot VM gets ≈ 312 MB/s. A cache read or write is capped at 75 MiB/s per connection (one per instance) under the tier's 5 GB/s aggregate, and a remote transfer at 41 MB/s per connection plus 27 ms per GET and 40 ms per PUT, one GET per (sender, receiver) pair. Per edge: mapreduce-sort 4.19 GiB, 52 → 52 shuffle: direct 1,143 ms, cache 2,254 ms (+$0.0153), remote 5,665 ms (+$0.00134); TPC-DS Q95 68.3 GiB, web_sales shuffle 128 → 67: direct 1,247 ms, cache 3,987 ms (+$0.0337), remote 8,986 ms (+$0.00407), its dimension broadcast: direct 4 ms, cache 139 ms, remote 3,515 ms; wide-fanout 1.86 GiB, 200 → 100: direct 83 ms, cache 527 ms, remote 5,806 ms; LightGBM 190.73 MiB, PCA → 6 trainers: direct 166 ms, cache 744 ms, remote 1,490 ms. Direct's transfer costs only VM time the plan already holds; cache and remote add per-GB and per-request prices. So on this platform the 25% goal cannot be met without changing a sourced constant: it needs a regime where a sender VM sends more than its 853 GB of burst credit, or a platform without direct (functions that accept no connections), where the cache's 75 MiB/s and 1 ms beat the store's 41 MB/s and 27 ms.
- Cost: with the shared physics (VM-pool billing with its minimum, stragglers priced by order statistics) no plan's simulated cost exceeded its budget; the cost error is 0.0% mostly because runs shorter than the pool's 60 s minimum bill the same in both engines.
- Fixed since the first measurement (all in the model, each cross-checked here): vm-local chains priced on the wrong VMs (now allowed only where the VM counts agree), one PUT latency per scattering sender instead of per object, a split's upload beside direct pulls treated as sharing the NIC perfectly (now one fair-share flow among the pullers), and vm-local's sender write charged once per queued wave.`;

async function renderPlot(cases: Case[]): Promise<string> {
  const values: { app: string; inputGB: number; policy: string; makespanS: number; vsPlan: number }[] = [];
  for (const c of cases.filter((x) => x.budget === "medium")) {
    const inputGB = c.inputBytes / 1e9;
    const add = (policy: string, ms: number) => values.push({ app: c.app, inputGB, policy, makespanS: ms / 1000, vsPlan: ms / c.plan.makespanMs });
    add("plan()", c.plan.makespanMs);
    for (const [name, s] of Object.entries(c.baselines)) if (s) add(name, s.makespanMs);
    if (c.oracle) add("oracle", c.oracle.makespanMs);
  }
  const color = { field: "policy", type: "nominal", sort: ["plan()", "oracle", "sonic", "locus", "all-remote", "all-direct", "all-vm-local", "cloudburst"] } as const;
  const x = { field: "inputGB", type: "quantitative", scale: { type: "log" }, title: "input (GB)" } as const;
  const panel = (y: object, title: string): vl.TopLevelSpec =>
    ({
      title,
      data: { values },
      facet: { field: "app", type: "nominal", title: null },
      columns: 5,
      spec: { width: 170, height: 150, mark: { type: "line", point: true, strokeWidth: 1.5 }, encoding: { x, y, color } },
      resolve: { scale: { x: "independent", y: "independent" } },
    }) as unknown as vl.TopLevelSpec;
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    vconcat: [
      panel({ field: "makespanS", type: "quantitative", scale: { type: "log" }, title: "makespan (s)" }, "Simulated makespan vs input size (medium budget)"),
      panel({ field: "vsPlan", type: "quantitative", scale: { type: "log" }, title: "makespan / plan()'s" }, "Relative to plan() (above 1: slower than plan())"),
    ],
  } as unknown as vl.TopLevelSpec;
  return vegaLiteSvg(spec);
}

await main();
