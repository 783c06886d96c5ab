/**
 * `npm run bench:property [-- --cases N] [-- --objectives a,b] [-- --workers W]`: the "plan() never throws" property
 * over N seeded random DAGs (default 10,000) for every objective (or the listed ones: the rows of
 * the others are kept from the section as last written, and the section says so) — each case plans with "auto" (every tenth case with
 * the exact MILP instead, whose read-back once threw) and checks the plan (test/support/run-plan-case.ts).
 * Writes the "Solver property" section of bench/RESULTS.md: cases, verdicts, failures (with seeds).
 * With --workers W (default 1) the cases of each objective are dealt to W child processes (case k
 * to worker k mod W); every case and its check are the same, only the wall clock shrinks.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import type { Objective } from "../src/model/types.js";
import { runPlanCase, type CaseOutcome, type CaseVerdict } from "../test/support/run-plan-case.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const FIRST_SEED = 1_000_000;
const solverFor = (k: number) => (k % 10 === 9 ? "exact" : "auto");

// Child mode: `--child objective cases worker workers` runs cases k ≡ worker (mod workers) and sends each outcome.
if (process.argv[2] === "--child") {
  const [objective, cases, worker, workers] = [process.argv[3] as Objective, Number(process.argv[4]), Number(process.argv[5]), Number(process.argv[6])];
  for (let k = worker; k < cases; k += workers) {
    const outcome = await runPlanCase(FIRST_SEED + k, objective, solverFor(k));
    await new Promise<void>((resolve) => process.send!({ k, outcome }, () => resolve()));
  }
  process.exit(0);
}

const flag = process.argv.indexOf("--cases");
const CASES = flag >= 0 ? Number(process.argv[flag + 1]) : 10_000;
if (!Number.isInteger(CASES) || CASES < 1) throw new Error(`--cases must be a positive integer, got ${process.argv[flag + 1]}`);
const workersFlag = process.argv.indexOf("--workers");
const WORKERS = workersFlag >= 0 ? Number(process.argv[workersFlag + 1]) : 1;
if (!Number.isInteger(WORKERS) || WORKERS < 1) throw new Error(`--workers must be a positive integer, got ${process.argv[workersFlag + 1]}`);
const ALL_OBJECTIVES = ["latency", "cost", "perf-per-dollar"] as const satisfies readonly Objective[];
const listFlag = process.argv.indexOf("--objectives");
const OBJECTIVES = listFlag >= 0 ? (process.argv[listFlag + 1] ?? "").split(",").map((x) => x.trim()) : [...ALL_OBJECTIVES];
for (const o of OBJECTIVES) if (!(ALL_OBJECTIVES as readonly string[]).includes(o)) throw new Error(`--objectives takes a comma list of ${ALL_OBJECTIVES.join(", ")}; got ${o}`);
/** Rows of the objectives not run this time, as the section last gave them. */
const keptRows = ((): string[] => {
  if (listFlag < 0 || !existsSync("bench/RESULTS.md")) return [];
  const text = readFileSync("bench/RESULTS.md", "utf8");
  const start = text.indexOf("## Solver property\n");
  if (start < 0) return [];
  const end = text.indexOf("\n## ", start + 3);
  const lines = text.slice(start, end < 0 ? undefined : end).split("\n");
  return ALL_OBJECTIVES.filter((o) => !OBJECTIVES.includes(o)).flatMap((o) => lines.filter((l) => l.startsWith(`| ${o} |`)).map((l) => (l.includes("(kept from an earlier run)") ? l : `${l.replace(/ \|\s*$/, "")} (kept from an earlier run) |`)));
})();

interface Tally {
  readonly verdicts: Record<CaseVerdict, number>;
  readonly solvers: Map<string, number>;
  readonly failures: string[];
  ms: number;
}

const rows: string[] = [];
const allFailures: string[] = [];
const started = performance.now();

function row(objective: Objective, cases: number, tally: Tally): string {
  const solvers = [...tally.solvers].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(", ");
  return `| ${objective} | ${cases.toLocaleString("en")} | ${tally.verdicts.ok} | ${tally.verdicts.infeasible} | ${tally.verdicts.rejected} | ${tally.failures.length} | ${solvers} | ${(tally.ms / 1000).toFixed(0)} |`;
}

/**
 * Writes the section with the rows so far. Called every 500 cases as well as at the end, so a run
 * stopped early (the machine is shared; perf-per-dollar runs the exact MILP on most cases) leaves
 * its figures, marked partial.
 */
function writeSection(current: { objective: Objective; done: number; tally: Tally } | undefined): void {
  const shown = [...keptRows, ...rows, ...(current === undefined ? [] : [row(current.objective, current.done, current.tally)])];
  const failures = [...allFailures, ...(current?.tally.failures ?? [])];
  const total = OBJECTIVES.length * CASES;
  const run = rows.length * CASES + (current?.done ?? 0);
  const notRun = OBJECTIVES.slice(rows.length + (current === undefined ? 0 : 1));
  const partial =
    current === undefined
      ? ""
      : `\n\n**Partial**: this run was stopped (or is still running) after ${run.toLocaleString("en")} of ${total.toLocaleString("en")} cases — ${current.objective} at ${current.done.toLocaleString("en")} of ${CASES.toLocaleString("en")}${notRun.length > 0 ? `, ${notRun.join(", ")} not run` : ""}.`;
  const load = os.loadavg().map((x) => x.toFixed(1)).join(" / ");
  writeResultsSection(
    "Solver property",
    `${machineLine(`npm run bench:property${flag >= 0 || listFlag >= 0 || WORKERS > 1 ? " --" : ""}${flag >= 0 ? ` --cases ${CASES}` : ""}${listFlag >= 0 ? ` --objectives ${OBJECTIVES.join(",")}` : ""}${WORKERS > 1 ? ` --workers ${WORKERS}` : ""}`)}
Load average (1/5/15 min) when written: ${load}.${WORKERS > 1 ? ` Cases dealt to ${WORKERS} worker processes (case k to worker k mod ${WORKERS}); "seconds" is wall clock.` : ""} Total ${((performance.now() - started) / 60_000).toFixed(1)} min.

Property: \`plan()\` on a random DAG either returns a plan or rejects the input with a typed \`InputError\` — never another exception — and a returned plan has finite, non-negative makespan and cost, a gap in [0, 1], a lower bound no higher than its objective, and, when "ok", no violation and its limit kept. Cases (test/support/random-plan-case.ts, seeds ${FIRST_SEED.toLocaleString("en")} onward, the same for each objective): 2–14 stages with 1–32 instances and patterns that fit them, random linear profiles, inputs from 100 kB to 40 GB, random allowed modes (one case in five) and splits (three in four), and the objective's limit placed from 20% below the cheapest plan to 30% past the fastest (so some cases are infeasible on purpose). Nine cases in ten plan with \`solver: "auto"\`, every tenth with \`"exact"\` (the MILP, whose read-back once threw on objective "cost"). perf-per-dollar has no lower bound short of the MILP, so \`auto\` runs the exact MILP's budget sweep on most of its small cases (ends taken from the heuristic where its bounds prove them within the gap, sweep budgets skipped where bounds show they cannot win; docs/solvers.md) and they take several times longer.${keptRows.length > 0 ? " Rows marked \"kept from an earlier run\" were not re-run by this command; the failure count below covers this run's cases." : ""} "rejected": a typed InputError (e.g. a mode set that leaves an edge no feasible mode). \`npm test\` runs the first 60 seeds per objective of a sibling set and the cases this bench once failed on (src/plan/plan-property.test.ts).

| objective | cases | ok | infeasible (closest plan shown) | rejected (typed error) | failures | solver that answered | seconds |
|---|---:|---:|---:|---:|---:|---|---:|
${shown.join("\n")}

${failures.length === 0 ? `Failures: **0** of ${run.toLocaleString("en")} (target: 0).` : `Failures: **${failures.length}** of ${run.toLocaleString("en")} (target: 0):\n\n${failures.slice(0, 20).map((f) => `- ${f}`).join("\n")}`}${partial}`,
  );
}

/** The outcomes of one objective's cases, case by case, from this process or from W children. */
async function* outcomes(objective: Objective): AsyncGenerator<{ k: number; outcome: CaseOutcome }> {
  if (WORKERS === 1) {
    for (let k = 0; k < CASES; k++) yield { k, outcome: await runPlanCase(FIRST_SEED + k, objective, solverFor(k)) };
    return;
  }
  const queue: { k: number; outcome: CaseOutcome }[] = [];
  let wake: (() => void) | undefined;
  let running = WORKERS;
  let failed: Error | undefined;
  for (let w = 0; w < WORKERS; w++) {
    const child = fork(fileURLToPath(import.meta.url), ["--child", objective, String(CASES), String(w), String(WORKERS)], { execArgv: process.execArgv });
    child.on("message", (m) => {
      queue.push(m as { k: number; outcome: CaseOutcome });
      wake?.();
    });
    child.once("exit", (code) => {
      running--;
      if (code !== 0) failed = new Error(`worker ${w} exited with ${code}`);
      wake?.();
    });
  }
  for (;;) {
    while (queue.length > 0) yield queue.shift()!;
    if (failed !== undefined) throw failed;
    if (running === 0) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

for (const objective of OBJECTIVES as Objective[]) {
  const tally: Tally = { verdicts: { ok: 0, infeasible: 0, rejected: 0 }, solvers: new Map(), failures: [], ms: 0 };
  const t0 = performance.now();
  let done = 0;
  for await (const { k, outcome } of outcomes(objective)) {
    const seed = FIRST_SEED + k;
    const solver = solverFor(k);
    tally.verdicts[outcome.verdict]++;
    if (outcome.solverName !== undefined) tally.solvers.set(outcome.solverName, (tally.solvers.get(outcome.solverName) ?? 0) + 1);
    if (outcome.problems.length > 0) {
      tally.failures.push(`${objective} seed ${seed} (${solver}): ${outcome.problems.join("; ")}`);
      process.stderr.write(`FAILURE ${tally.failures.at(-1)}\n`);
    }
    done++;
    if (done % 500 === 0 && done < CASES) {
      tally.ms = performance.now() - t0;
      writeSection({ objective, done, tally });
      process.stderr.write(`${objective}: ${done}/${CASES} cases, ${tally.failures.length} failures\n`);
    }
  }
  tally.ms = performance.now() - t0;
  allFailures.push(...tally.failures);
  rows.push(row(objective, CASES, tally));
  writeSection(undefined);
  process.stderr.write(`${objective}: ${CASES}/${CASES} cases, ${tally.failures.length} failures\n`);
}
process.stderr.write(`wrote the "Solver property" section of bench/RESULTS.md (${allFailures.length} failures)\n`);
