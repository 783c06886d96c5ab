/**
 * `npm run bench:long-chain`: plan() through the public API on one-to-one chains of growing length
 * (issue: "a 100,000-stage chain validates and plans"). Each length runs in a fresh Node process so
 * heaps do not mix; per length: wall time, the process's CPU time (user + system: what the planner
 * costs whatever the machine's load), its peak resident memory, and plan()'s phase timings.
 * CPU time growing in proportion to the length says the planner is linear on chains; wall time on a
 * shared machine is the CPU time stretched by the load. Lengths: CHAIN_LENGTHS (comma-separated),
 * default 5000,10000,20000.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const lengths = (process.env.CHAIN_LENGTHS ?? "5000,10000,20000").split(",").map(Number);

interface Row {
  readonly n: number;
  readonly wallS: number;
  readonly cpuS: number;
  readonly rssMb: number;
  readonly phases: Readonly<Record<string, number>>;
  readonly solver: string;
}

if (process.argv[2] === "--one") {
  // the child: one chain, one plan(), figures as JSON on stdout
  const { plan } = await import("../src/plan/plan.js");
  const { randomDagProfiles } = await import("../test/support/random-dag.js");
  const n = Number(process.argv[3]);
  const dag = {
    name: `chain-${n}`,
    stages: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, function: "fn1", instances: 1 })),
    edges: Array.from({ length: n - 1 }, (_, i) => ({ from: `s${i}`, to: `s${i + 1}`, pattern: "one-to-one" as const })),
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const p = await plan(dag, "1 GB", { profiles: randomDagProfiles(), timings: true, limits: { maxStages: Math.max(n, 100_000), maxEdges: Math.max(n, 100_000) } });
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (Object.keys(p.stages).length !== n || !Number.isFinite(p.predicted.makespanMs)) throw new Error(`chain of ${n}: plan incomplete`);
  const row: Row = { n, wallS, cpuS: (cpu.user + cpu.system) / 1e6, rssMb: process.resourceUsage().maxRSS / 1024, phases: p.timingsMs ?? {}, solver: p.solver.name };
  process.stdout.write(JSON.stringify(row));
} else {
  const loadBefore = os.loadavg()[0]!;
  const rows: Row[] = [];
  for (const n of lengths) {
    const r = spawnSync(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--one", String(n)], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`chain of ${n} failed: ${r.stderr}`);
    rows.push(JSON.parse(r.stdout) as Row);
    process.stdout.write(`${r.stdout}\n`);
  }
  const loadAfter = os.loadavg()[0]!;
  const first = rows[0]!;
  const table = rows.map((r) => `| ${r.n.toLocaleString("en")} | ${r.wallS.toFixed(1)} | ${r.cpuS.toFixed(1)} | ${((r.cpuS / r.n) * 1e6).toFixed(0)} | ${(r.cpuS / first.cpuS / (r.n / first.n)).toFixed(2)} | ${r.rssMb.toFixed(0)} | ${["validate", "estimate", "candidates", "solve", "assemble"].map((k) => ((r.phases[k] ?? 0) / 1000).toFixed(1)).join(" / ")} | ${r.solver} |`);
  writeResultsSection(
    "Long chains",
    `${machineLine(`CHAIN_LENGTHS=${lengths.join(",")} npm run bench:long-chain`)}

plan() through the public API on a one-to-one chain of n stages (test profiles, fixed instance counts, default options), one fresh process per length. The machine was shared: 1-minute load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after, on ${os.cpus().length} cores, so wall time is CPU time stretched by the load; the CPU-time column is the planner's own cost. "CPU ratio" is CPU time per stage against the shortest chain's (1.00 = linear).

| stages | wall s | CPU s | CPU µs per stage | CPU ratio per stage | peak RSS MB | validate / estimate / candidates / solve / assemble, wall s | solver |
|---:|---:|---:|---:|---:|---:|---|---|
${table.join("\n")}`,
  );
}
