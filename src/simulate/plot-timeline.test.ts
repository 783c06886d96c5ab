import { describe, expect, it } from "vitest";
import { planFromAssignment } from "../baselines/plan-from-assignment.js";
import { prepareProblem } from "../plan/prepare-problem.js";
import { analyticProfiles } from "../profiles/analytic/analytic.js";
import { renderTimelineSvg } from "./plot-timeline.js";
import { simulateSync } from "./simulate.js";

const ONE = { offset: 1, scale: 0 };
const PROFILES = analyticProfiles({
  p: { runtimeMs: { offset: 100, scale: 0 }, memoryMb: { offset: 1024, scale: 0 }, outputBytes: { offset: 0, scale: 0.5 }, fanout: ONE },
});
const DAG = { name: "a<b", stages: [{ id: "a", function: "p", instances: 2 }, { id: "b", function: "p", instances: 6 }], edges: [{ from: "a", to: "b", pattern: "shuffle" }] };

describe("renderTimelineSvg", () => {
  it("draws every instance, its transfers by mode, and the cache occupancy; escapes names", async () => {
    const { problem } = await prepareProblem(DAG, 10e6, { profiles: PROFILES });
    const plan = planFromAssignment(problem, { edges: [[{ mode: "cache", fraction: 0.5 }, { mode: "remote", fraction: 0.5 }]], admitted: new Set(["a"]) }, "test");
    const svg = renderTimelineSvg(simulateSync(DAG, plan, { profiles: PROFILES, seed: 3 }));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("a&lt;b");
    expect(svg.match(/fill="#222"/g)!.length).toBe(2 + 6 + 1); // 8 compute bars + the legend swatch
    expect(svg).toContain("#a64fc8"); // cache
    expect(svg).toContain("#e07b39"); // remote
    expect(svg).toContain("<polygon");
  });

  it("orders VMs that start together by number: vm2 before vm10", async () => {
    // 48 instances of 1 GiB on 4-core VMs of 8 GiB: 4 a VM, 12 VMs all starting at 0 (vm0 … vm11)
    const wide = { name: "w", stages: [{ id: "a", function: "p", instances: 48 }] };
    const { problem } = await prepareProblem(wide, 10e6, { profiles: PROFILES });
    const plan = planFromAssignment(problem, { edges: [], admitted: new Set() }, "test");
    const report = simulateSync(wide, plan, { profiles: PROFILES, seed: 1 });
    const vms = [...new Set(report.instances.map((i) => i.vm))];
    expect(vms.length).toBeGreaterThanOrEqual(11);
    const labels = [...renderTimelineSvg(report).matchAll(/text-anchor="end"[^>]*>([^<]+)</g)].map((m) => m[1]!).filter((l) => vms.includes(l));
    const numbers = labels.map((l) => Number(l.replace(/\D+/g, "")));
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
  });
});
