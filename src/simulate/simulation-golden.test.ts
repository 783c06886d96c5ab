/**
 * The simulator's results pinned on fixed seeds: every example DAG under several data-movement
 * policies (remote, direct, vm-local, cache, and a split), a small VM pool, noise off and on. The
 * fixture was written by the simulator before its event loop was made incremental (per-component
 * fair-share recomputation, a heap of flow completions); the figures must stay the same to a
 * relative 1e-9 — only floating-point rounding may differ. Regenerate only on a deliberate change
 * of physics: SLUICE_UPDATE_GOLDEN=1 npx vitest run src/simulate/simulation-golden.test.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allDirect, allRemote, cloudburst, locus } from "../baselines/fixed-policies.js";
import { planFromAssignment } from "../baselines/plan-from-assignment.js";
import type { Assignment, Problem } from "../model/types.js";
import { prepareProblem } from "../plan/prepare-problem.js";
import { needsSizing, sizeStages } from "../plan/sizing/size-stages.js";
import { defaultProfiles } from "../profiles/defaults/default-profiles.js";
import type { PlatformOverrides } from "../platform/schema.js";
import { simulateSync } from "./simulate.js";
import type { SimulationReport } from "./types.js";

const FIXTURE = new URL("../../test/support/fixtures/simulation-golden.json", import.meta.url);
const DAGS = ["kmeans", "lightgbm", "mapreduce-sort", "query-pipeline", "tpcds-q95", "video-analytics", "wide-fanout", "wordcount"];

/** Half of every edge's receivers remote, half direct (where both are feasible). */
function halfSplit(problem: Problem): Assignment {
  return {
    edges: problem.edges.map((e) => {
      const modes = e.options.map((o) => o.mode);
      return modes.includes("remote") && modes.includes("direct") ? [{ mode: "remote" as const, fraction: 0.5 }, { mode: "direct" as const, fraction: 0.5 }] : [{ mode: modes.find((m) => m !== "cache")!, fraction: 1 }];
    }),
    admitted: new Set(),
  };
}

interface Case {
  readonly name: string;
  readonly dag: string;
  readonly inputSize: string;
  readonly policy: (p: Problem) => Assignment;
  readonly seed: number;
  readonly noiseCv?: number;
  readonly platform?: PlatformOverrides;
}

const POLICIES: Record<string, (p: Problem) => Assignment> = { remote: allRemote, direct: allDirect, cloudburst, locus, split: halfSplit };
const CASES: Case[] = [
  ...DAGS.flatMap((dag) => Object.entries(POLICIES).map(([name, policy]): Case => ({ name: `${dag}/${name}`, dag, inputSize: "3 GiB", policy, seed: 1 }))),
  { name: "mapreduce-sort/remote/seed 2/noise 0", dag: "mapreduce-sort", inputSize: "20 GiB", policy: allRemote, seed: 2, noiseCv: 0 },
  { name: "mapreduce-sort/locus/seed 3", dag: "mapreduce-sort", inputSize: "20 GiB", policy: locus, seed: 3 },
  { name: "tpcds-q95/split/seed 4", dag: "tpcds-q95", inputSize: "20 GiB", policy: halfSplit, seed: 4 },
  { name: "tpcds-q95/cloudburst/pool 6", dag: "tpcds-q95", inputSize: "5 GiB", policy: cloudburst, seed: 1, platform: { vm: { poolSize: 6 } } },
  { name: "wide-fanout/direct/pool 4", dag: "wide-fanout", inputSize: "5 GiB", policy: allDirect, seed: 5, platform: { vm: { poolSize: 4 } } },
];

/** What the golden file keeps of a report: every figure a caller reads, per stage, and sums over instances. */
function summarise(r: SimulationReport) {
  const sum = (f: (i: SimulationReport["instances"][number]) => number) => r.instances.reduce((a, i) => a + f(i), 0);
  return {
    makespanMs: r.makespanMs,
    cost: r.cost,
    events: r.events,
    tiers: r.tiers,
    bytesByMode: r.bytesByMode,
    vmPool: r.vmPool,
    cachePeakBytes: r.cache.peakBytes,
    violations: r.violations.map((v) => v.code),
    stages: r.stages.map((s) => ({ id: s.stageId, startMs: s.startMs, finishMs: s.finishMs, peakPerVm: s.peakPerVm })),
    instances: { startMs: sum((i) => i.startMs), computeStartMs: sum((i) => i.computeStartMs), finishMs: sum((i) => i.finishMs), transfers: sum((i) => i.transfers.length), transferEndMs: sum((i) => i.transfers.reduce((a, t) => a + t.endMs, 0)) },
    nicBytesIn: r.nics.reduce((a, n) => a + n.bytesIn, 0),
    nicBusyIn: r.nics.reduce((a, n) => a + n.busyFractionIn, 0),
  };
}

async function run(c: Case) {
  const profiles = await defaultProfiles();
  const dag = JSON.parse(readFileSync(new URL(`../../examples/dags/${c.dag}.json`, import.meta.url), "utf8"));
  const options = { profiles, ...(c.platform ? { platform: c.platform } : {}) };
  // open instance counts and memory sizes as plan() and the baselines size them
  const sized = needsSizing(dag, options) ? (await sizeStages(dag, c.inputSize, options)).dagInput : dag;
  const { problem } = await prepareProblem(sized, c.inputSize, options);
  const plan = planFromAssignment(problem, c.policy(problem), "golden");
  return summarise(simulateSync(sized, plan, { profiles, seed: c.seed, ...(c.noiseCv === undefined ? {} : { noiseCv: c.noiseCv }), ...(c.platform ? { platform: c.platform } : {}) }));
}

/** Equal to a relative 1e-9 (numbers), exactly otherwise; returns the paths that differ. */
function differences(actual: unknown, expected: unknown, path = ""): string[] {
  if (typeof expected === "number" && typeof actual === "number") {
    const tol = 1e-9 * Math.max(1, Math.abs(expected));
    return Math.abs(actual - expected) <= tol || actual === expected ? [] : [`${path}: ${actual} ≠ ${expected}`];
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") return [`${path}: ${JSON.stringify(actual)} ≠ object`];
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((k) => differences((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return actual === expected ? [] : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}

const update = process.env.SLUICE_UPDATE_GOLDEN === "1";

describe("simulation results on fixed seeds stay as pinned", () => {
  if (update) {
    it("writes the fixture", async () => {
      const out: Record<string, unknown> = {};
      for (const c of CASES) out[c.name] = await run(c);
      writeFileSync(FIXTURE, `${JSON.stringify(out, null, 1)}\n`);
    }, 1_800_000);
    return;
  }
  const golden = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>;
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (name, c) => {
    expect(differences(await run(c), golden[name])).toEqual([]);
  }, 300_000);
});
