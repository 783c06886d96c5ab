/**
 * `npm run bench:side-by-side -- --base DIR [--label COMMIT] [--rounds N]`: plan() on one 10,000-stage DAG with a
 * tight budget (bench:plan's seed 1000, 10% of the way from the cheapest to the fastest heuristic
 * plan's cost), alternating between the source in DIR (a checkout of an earlier commit with its
 * node_modules) and this tree, each call in a fresh process after one warm-up call, N rounds
 * (default 2). On a shared machine the two see the same load, so the ratio of their CPU times is
 * the figure to read. Writes the "Solver side by side" section of bench/RESULTS.md.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const SEED = 1000;
const STAGES = 10_000;

if (process.argv[2] === "--child") {
  const [root, budgetUsd] = [process.argv[3]!, Number(process.argv[4])];
  const { plan } = await import(path.join(root, "src/plan/plan.js"));
  // The base checkout may predate the move of the test helpers from src/testing/ to test/support/.
  const helpers = existsSync(path.join(root, "test/support/random-dag.ts")) ? "test/support/random-dag.js" : "src/testing/random-dag.js";
  const { randomDag, randomDagProfiles } = await import(path.join(root, helpers));
  const profiles = randomDagProfiles();
  const dag = randomDag(STAGES, SEED);
  await plan(dag, "2 GB", { profiles, budgetUsd }); // warm-up, as bench:plan
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const p = await plan(dag, "2 GB", { profiles, budgetUsd, timings: true });
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, solveMs: p.timingsMs.solve, gap: p.solver.gap, makespanMs: p.predicted.makespanMs, costUsd: p.predicted.costUsd, rssMiB }));
  process.exit(0);
}

const arg = (name: string) => {
  const k = process.argv.indexOf(name);
  return k < 0 ? undefined : process.argv[k + 1];
};
const base = arg("--base");
if (base === undefined) throw new Error("--base DIR (a checkout of the commit to compare against, with node_modules) is required");
const rounds = Number(arg("--rounds") ?? 2);
const label = arg("--label") ?? "base";
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const self = fileURLToPath(import.meta.url);

const { plan } = await import(path.join(here, "src/plan/plan.js"));
const { randomDag, randomDagProfiles } = await import(path.join(here, "test/support/random-dag.js"));
const dag = randomDag(STAGES, SEED);
const profiles = randomDagProfiles();
const cheap = await plan(dag, "2 GB", { profiles, objective: "cost", solver: "heuristic" });
const fast = await plan(dag, "2 GB", { profiles, solver: "heuristic" });
const budgetUsd = cheap.predicted.costUsd + 0.1 * (fast.predicted.costUsd - cheap.predicted.costUsd);

interface Run { ms: number; cpuMs: number; solveMs: number; gap: number; makespanMs: number; costUsd: number; rssMiB: number }
const runs: { side: "base" | "this tree"; run: Run }[] = [];
for (let r = 0; r < rounds; r++) {
  for (const [side, root] of [["base", path.resolve(base)], ["this tree", here]] as const) {
    const out = execFileSync(process.execPath, [...process.execArgv, self, "--child", root, String(budgetUsd)], { encoding: "utf8", maxBuffer: 1 << 20 });
    runs.push({ side, run: JSON.parse(out) as Run });
    process.stderr.write(`${side}: ${out}\n`);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const of = (side: string, f: (r: Run) => number) => runs.filter((x) => x.side === side).map((x) => f(x.run));
const row = (x: { side: string; run: Run }, k: number) => `| ${Math.floor(k / 2) + 1} | ${x.side} | ${(x.run.ms / 1000).toFixed(2)} | ${(x.run.cpuMs / 1000).toFixed(2)} | ${(x.run.solveMs / 1000).toFixed(2)} | ${x.run.rssMiB.toFixed(0)} | ${x.run.makespanMs.toFixed(1)} | ${x.run.costUsd.toPrecision(8)} | ${(x.run.gap * 100).toFixed(2)}% |`;
const ratio = median(of("this tree", (r) => r.cpuMs)) / median(of("base", (r) => r.cpuMs));
const load = os.loadavg().map((x) => x.toFixed(1)).join(" / ");
writeResultsSection(
  "Solver side by side",
  `${machineLine(`npm run bench:side-by-side -- --base <checkout of ${label}> --label ${label} --rounds ${rounds}`)}
Load average (1/5/15 min) at the end: ${load} on ${os.cpus().length} cores. One 10,000-stage DAG (\`randomDag(10000, ${SEED})\`, bench:plan's first) with bench:plan's tight budget ($${budgetUsd.toPrecision(6)}); each call in a fresh process after one warm-up call, base and this tree alternating, so both see the same load. The base is commit ${label}. CPU is the process's user + system time during the call (garbage collection threads included); "solve" is the solver's phase (wall clock); RSS is the peak after the warm-up call.

| round | source | wall s | CPU s | solve wall s | RSS MiB | makespan ms | cost USD | gap |
|---:|---|---:|---:|---:|---:|---:|---:|---:|
${runs.map(row).join("\n")}

Median CPU: base ${(median(of("base", (r) => r.cpuMs)) / 1000).toFixed(2)} s, this tree ${(median(of("this tree", (r) => r.cpuMs)) / 1000).toFixed(2)} s (ratio ${ratio.toFixed(2)}). With the load above the core count the wall clock is mostly waiting; bench:plan's "Planning speed" on a quiet machine is the figure the targets are judged on.`,
);
process.stderr.write("wrote bench/RESULTS.md (Solver side by side)\n");
