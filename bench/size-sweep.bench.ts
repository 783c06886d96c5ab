/**
 * Size sweep: every example DAG planned with the bundled profiles at 1 KiB, 1 MiB, 1 GiB, 10 GiB,
 * 100 GiB and 1 TiB (where 13 of 40 pairs could not be planned before instance counts were sized, plus 10 GiB where 4 DAGs
 * needed more than one instance's memory), once with the platform's default memory and once with
 * `memorySizes` to choose from. Reports per pair whether it planned, the instance counts the sizing
 * chose for open stages, the largest billed memory per instance, makespan, cost and plan() wall time.
 * Writes the "Size sweep" section of bench/RESULTS.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { AWS_DEFAULT_PLATFORM } from "../src/platform/aws-default.js";
import { plan } from "../src/plan/plan.js";
import { formatBytes } from "../src/units/size.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const GiB = 2 ** 30;
const SIZES = [2 ** 10, 2 ** 20, GiB, 10 * GiB, 100 * GiB, 2 ** 40];
const MEMORY_SIZES = [512, 1024, 1769, 3008];
const LIMIT_MB = Math.min(AWS_DEFAULT_PLATFORM.billing.maxMemoryMb, AWS_DEFAULT_PLATFORM.vm.memoryMb);

interface Outcome {
  readonly ok: boolean;
  readonly cell: string;
  readonly wallMs: number;
}

async function planOnce(dag: unknown, bytes: number, memorySizes?: readonly number[]): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const p = await plan(dag, bytes, memorySizes === undefined ? {} : { memorySizes: [...memorySizes] });
    const wallMs = performance.now() - t0;
    const maxMb = Math.max(...p.placement.map((s) => s.billedMemoryMb));
    const sized = (p.sizing?.stages ?? []).filter((s) => s.instancesHow === "sized").map((s) => `${s.stageId} ${s.instances}`);
    const ok = p.status === "ok" && p.violations.length === 0 && maxMb <= LIMIT_MB;
    const what = ok ? `${fmtMs(p.predicted.makespanMs)}, $${p.predicted.costUsd.toPrecision(2)}, ≤ ${maxMb.toFixed(0)} MB${sized.length > 0 ? `; ${sized.join(", ")}` : ""}` : `${p.status}: ${p.message ?? p.violations.map((v) => v.message).join("; ")}`;
    return { ok, cell: what, wallMs };
  } catch (e) {
    return { ok: false, cell: `error: ${(e as Error).message.split("\n")[0]}`, wallMs: performance.now() - t0 };
  }
}

function fmtMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const loadAtStart = os.loadavg()[0]!;
  const files = readdirSync("examples/dags").filter((f) => f.endsWith(".json")).sort();
  const rows: string[] = [];
  const walls: number[] = [];
  let okDefault = 0, okSized = 0, pairs = 0;
  for (const file of files) {
    const dag = JSON.parse(readFileSync(`examples/dags/${file}`, "utf8")) as unknown;
    for (const bytes of SIZES) {
      pairs++;
      const a = await planOnce(dag, bytes);
      const b = await planOnce(dag, bytes, MEMORY_SIZES);
      walls.push(a.wallMs, b.wallMs);
      if (a.ok) okDefault++;
      if (b.ok) okSized++;
      rows.push(`| ${file.replace(/\.json$/, "")} | ${formatBytes(bytes)} | ${a.ok ? "yes" : "**no**"} — ${a.cell} | ${b.ok ? "yes" : "**no**"} — ${b.cell} | ${a.wallMs.toFixed(0)} / ${b.wallMs.toFixed(0)} |`);
    }
  }
  const body = [
    machineLine("npm run bench:size-sweep"),
    "",
    `Every example DAG (examples/dags/) planned with the bundled profiles (models/ and the analytic ones) at each input size, objective latency, no budget: once on the default platform (memory billed at the predicted peak) and once with \`memorySizes: [${MEMORY_SIZES.join(", ")}]\` to choose from. A pair counts as planned when plan() returns status ok, no violation, and every stage's billed memory per instance is ≤ ${LIMIT_MB} MB (the platform's per-instance limit). Each cell: predicted makespan, cost, the largest billed memory per instance, and the instance counts the sizing chose for open stages.`,
    "",
    `**Planned: ${okDefault} of ${pairs}** pairs on the default platform and **${okSized} of ${pairs}** with memory sizes to choose from (before open instance counts were sized, 13 of the 40 pairs at 1 KiB, 1 MiB, 1 GiB, 100 GiB and 1 TiB could not be planned). plan() wall time per pair: median ${median(walls).toFixed(0)} ms, largest ${Math.max(...walls).toFixed(0)} ms; 1-minute load average ${loadAtStart.toFixed(2)} at the start and ${os.loadavg()[0]!.toFixed(2)} at the end, on ${os.cpus().length} cores (shared machine: wall times are inflated).`,
    "",
    "| DAG | input | default memory | with memory sizes | plan ms (default / sizes) |",
    "|---|---|---|---|---:|",
    ...rows,
  ].join("\n");
  writeResultsSection("Size sweep", body);
  process.stdout.write(body + "\n");
}

await main();
