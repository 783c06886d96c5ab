import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toAssignment } from "../model/decisions.js";
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import { sizedDagInput } from "../plan/sizing/configuration.js";
import { prepareProblem } from "../plan/prepare-problem.js";
import { analyticProfiles } from "../profiles/analytic/analytic.js";
import { defaultProfiles } from "../profiles/defaults/default-profiles.js";
import { simulateSync } from "../simulate/simulate.js";
import { baselinePlan } from "./baseline-plan.js";
import { BASELINE_NAMES, type BaselineName } from "./types.js";

const dagOf = (name: string) => JSON.parse(readFileSync(`examples/dags/${name}.json`, "utf8")) as { edges: unknown[] };
const STRUCTURAL = ["mode-unavailable", "mode-infeasible", "not-admitted", "vm-local-conflict", "bad-split"];

describe("baselinePlan", () => {
  const cases: { dag: string; input: string }[] = [
    { dag: "video-analytics", input: "15 MB" },
    { dag: "lightgbm", input: "200 MB" },
    { dag: "mapreduce-sort", input: "1.5 GB" },
    { dag: "tpcds-q95", input: "6 GB" },
  ];
  for (const { dag, input } of cases) {
    it(`every baseline on ${dag} is a valid assignment under the model`, async () => {
      const d = dagOf(dag);
      for (const name of BASELINE_NAMES) {
        if (name === "oracle" && d.edges.length > 6) continue;
        const p = await baselinePlan(name, d, input, { simulation: { seed: 1, noiseCv: 0.05 } });
        // Open instance counts: the problem at the plan's own stage configuration.
        const { problem } = await prepareProblem(sizedDagInput(d, p.placement), input);
        const a = toAssignment(problem.dag, p);
        const ev = evaluateAssignment(problem, a);
        expect(ev.violations.filter((v) => STRUCTURAL.includes(v.code)), `${name}`).toEqual([]);
        expect(ev.makespanMs).toBeCloseTo(p.predicted.makespanMs, 6);
        expect(p.solver.name).toContain(name);
        // Policy-specific shape.
        const modes = p.edges.map((e) => e.mode);
        if (name === "all-remote") expect(new Set(modes)).toEqual(new Set(["remote"]));
        if (name === "all-direct") expect(new Set(modes)).toEqual(new Set(["direct"]));
        if (name === "sonic") {
          expect(p.edges.every((e) => e.split === undefined && e.mode !== "cache")).toBe(true);
          expect(p.admitted).toEqual([]);
        }
        if (name === "locus") {
          problem.dag.edges.forEach((e, i) => {
            if (e.pattern !== "shuffle") expect(modes[i]).toBe("remote");
            else expect(modes[i] === "cache" ? p.admitted.includes(e.from) : modes[i] === "remote").toBe(true);
          });
          expect(ev.violations.map((v) => v.code)).not.toContain("cache-capacity");
        }
        if (name === "all-vm-local" || name === "cloudburst") {
          problem.dag.edges.forEach((e, i) => {
            const localOk = problem.edges[i]!.options.some((o) => o.mode === "vm-local");
            if (!localOk) expect(modes[i]).toBe("direct");
          });
        }
      }
    });
  }

  it("locus admits the largest shuffle outputs first while they fit", async () => {
    const ONE = { offset: 1, scale: 0 };
    const law = (out: number) => ({ runtimeMs: { offset: 10, scale: 0 }, memoryMb: { offset: 512, scale: 0 }, outputBytes: { offset: out, scale: 0 }, fanout: ONE });
    const profiles = analyticProfiles({ big: law(60e6), mid: law(30e6), small: law(20e6), sink: law(1) });
    const dag = {
      name: "three-shuffles",
      stages: [
        { id: "b", function: "big", instances: 2 },
        { id: "m", function: "mid", instances: 2 },
        { id: "s", function: "small", instances: 2 },
        { id: "z", function: "sink", instances: 2 },
      ],
      edges: ["b", "m", "s"].map((from) => ({ from, to: "z", pattern: "shuffle" })),
    };
    // Capacity 200 MB: b (2 × 60 = 120 MB) fits; m (60 MB) → 180 MB fits; s (40 MB) → 220 MB does not.
    const p = await baselinePlan("locus", dag, 1e6, { profiles, platform: { cache: { capacityBytes: 200e6 } } });
    expect(p.admitted).toEqual(["b", "m"]);
    expect(p.edges.map((e) => e.mode)).toEqual(["cache", "cache", "remote"]);
  });

  it("the oracle is at least as fast in simulation as every whole-mode baseline within the budget", async () => {
    const d = dagOf("video-analytics");
    const simulation = { seed: 5, noiseCv: 0.1 };
    const oracle = await baselinePlan("oracle", d, "30 MB", { simulation });
    const { problem } = await prepareProblem(d, "30 MB");
    const prof = await defaultProfiles(); // what the oracle simulated with
    const run = (p: Parameters<typeof simulateSync>[1]) => simulateSync(d, p, { ...simulation, profiles: prof });
    const best = run(oracle).makespanMs;
    for (const name of ["all-remote", "all-direct", "all-vm-local", "locus", "cloudburst"] as BaselineName[]) {
      const r = run(await baselinePlan(name, d, "30 MB"));
      if (r.violations.length === 0) expect(best, name).toBeLessThanOrEqual(r.makespanMs + 1e-6);
    }
    expect(problem.dag.edges.length).toBe(2);
    await expect(baselinePlan("oracle", dagOf("tpcds-q95"), "1 GB")).rejects.toThrow(/small DAGs/);
  });

  it("rejects an unknown name", async () => {
    await expect(baselinePlan("fastest" as BaselineName, dagOf("lightgbm"), "1 GB")).rejects.toThrow(/unknown baseline/);
  });
});
