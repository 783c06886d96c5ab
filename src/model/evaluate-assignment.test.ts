/**
 * evaluateAssignment on a hand-made diamond a → {b, c} → d with hand-made options, so every number
 * is checkable: stage base times a 100, b 200, c 50, d 10 ms; per-edge options
 *   vm-local  2 ms (localWaves 3), $0.0005 compute fixed, not splittable
 *   direct    max(5, 40 f) ms, $0.004 compute per fraction
 *   remote    R ms (30, or 500 on a → c), $0.01 object store fixed + $0.02 per fraction
 *   cache     8 ms, $0.001 cache per fraction, needs admission
 */
import { describe, expect, it } from "vitest";
import { validateDag } from "../dag/validate-dag.js";
import { modeOption } from "./modes/mode-module.js";
import { resolvePlatform } from "../platform/resolve-platform.js";
import type { TransferMode } from "../platform/schema.js";
import { evaluateAssignment } from "./evaluate-assignment.js";
import { pointAtoms } from "../physics/distribution.js";
import type { Assignment, EdgeCandidates, ModeOption, ModeShare, Problem, StageTerms, Violation } from "./types.js";

const dag = validateDag({
  stages: ["a", "b", "c", "d"].map((id) => ({ id, function: "f" })),
  edges: [
    { from: "a", to: "b", pattern: "one-to-one" },
    { from: "a", to: "c", pattern: "one-to-one" },
    { from: "b", to: "d", pattern: "one-to-one" },
    { from: "c", to: "d", pattern: "one-to-one" },
  ],
});

function stage(id: string, baseMs: number, computeUsd: number, extra: Partial<StageTerms> = {}): StageTerms {
  return { stageId: id, baseMs, spanMs: baseMs, meanInstanceMs: baseMs, durationAtoms: pointAtoms(baseMs), waves: 1, vms: 2, slotsPerVm: 4, billedMemoryMb: 1024, computeUsd, ioUsd: 0, cacheBytes: 1000, admissionFixedUsd: 0.1, admissionUsdPerMs: 0.001, ...extra };
}

const STAGES = new Map<string, StageTerms>([
  ["a", stage("a", 100, 1, { ioUsd: 0.5, vms: 3 })],
  ["b", stage("b", 200, 2)],
  ["c", stage("c", 50, 3)],
  ["d", stage("d", 10, 4, { ioUsd: 0.25 })],
]);

function options(remoteMs: number): ModeOption[] {
  return [
    modeOption("vm-local", [{ fixedMs: 2, perFractionMs: 0 }], { computeUsd: { fixedUsd: 0.0005, perFractionUsd: 0 } }, { splittable: false, requiresAdmission: false }, { localWaves: 3 }),
    modeOption("direct", [{ fixedMs: 5, perFractionMs: 0 }, { fixedMs: 0, perFractionMs: 40 }], { computeUsd: { fixedUsd: 0, perFractionUsd: 0.004 } }, { splittable: true, requiresAdmission: false }, {}),
    modeOption("remote", [{ fixedMs: remoteMs, perFractionMs: 0 }], { objectStoreUsd: { fixedUsd: 0.01, perFractionUsd: 0.02 } }, { splittable: true, requiresAdmission: false }, {}),
    modeOption("cache", [{ fixedMs: 8, perFractionMs: 0 }], { cacheUsd: { fixedUsd: 0, perFractionUsd: 0.001 } }, { splittable: true, requiresAdmission: true }, {}),
  ];
}

function problem(over: Partial<Problem> = {}, edges?: EdgeCandidates[]): Problem {
  return {
    dag,
    estimates: { inputBytes: 1, warnings: [], stages: new Map(), flows: [] },
    // function billing: the VM pool is not billed, so costs are the terms' sums
    platform: resolvePlatform({ billing: { compute: "function" } }),
    edges:
      edges ??
      dag.edges.map((e, i) => ({ edgeIndex: i, from: e.from, to: e.to, options: options(e.from === "a" && e.to === "c" ? 500 : 30), rejected: [], nicOffsetsMs: [] })),
    stages: STAGES,
    objective: "latency",
    budgetUsd: Infinity,
    deadlineMs: Infinity,
    allowSplits: true,
    cacheCapacityBytes: 1e6,
    ...over,
  };
}

const whole = (mode: TransferMode): ModeShare[] => [{ mode, fraction: 1 }];
/** Shares per edge in dag.edges order: a→b, a→c, b→d, c→d. */
const assign = (edges: ModeShare[][], admitted: string[] = []): Assignment => ({ edges, admitted: new Set(admitted) });
const codes = (vs: readonly Violation[]) => vs.map((v) => v.code);
const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 12);

interface RecursionCase {
  name: string;
  edges: ModeShare[][];
  admitted?: string[];
  finish: Record<"a" | "b" | "c" | "d", number>;
  start: Record<"a" | "b" | "c" | "d", number>;
}

describe("makespan recursion on a diamond", () => {
  it.each<RecursionCase>([
    {
      // a = 100; b = 100 + 30 + 200 = 330; c = 100 + 500 + 50 = 650 (the slow remote edge);
      // d = max(330 + 30, 650 + 30) + 10 = 690: the a → c → d path is critical.
      name: "all remote: the slow edge's path is critical",
      edges: [whole("remote"), whole("remote"), whole("remote"), whole("remote")],
      finish: { a: 100, b: 330, c: 650, d: 690 },
      start: { a: 0, b: 130, c: 600, d: 680 },
    },
    {
      // a → c direct: max(5, 40) = 40 → c = 190; d = max(330 + 30, 190 + 30) + 10 = 370: now a → b → d.
      name: "a → c direct: the other path becomes critical",
      edges: [whole("remote"), whole("direct"), whole("remote"), whole("remote")],
      finish: { a: 100, b: 330, c: 190, d: 370 },
      start: { a: 0, b: 130, c: 140, d: 360 },
    },
    {
      // a → c split direct 0.25 / remote 0.75: max(max(5, 40 · 0.25), 500) = 500 → c = 650.
      // b → d vm-local (2 ms), c → d cache (8 ms, c admitted): d = max(330 + 2, 650 + 8) + 10 = 668.
      name: "a split edge takes its slowest share",
      edges: [whole("remote"), [{ mode: "direct", fraction: 0.25 }, { mode: "remote", fraction: 0.75 }], whole("vm-local"), whole("cache")],
      admitted: ["c"],
      finish: { a: 100, b: 330, c: 650, d: 668 },
      start: { a: 0, b: 130, c: 600, d: 658 },
    },
  ])("$name", ({ edges, admitted, finish, start }) => {
    const ev = evaluateAssignment(problem(), assign(edges, admitted));
    expect(ev.violations).toEqual([]);
    expect(ev.feasible).toBe(true);
    for (const s of ev.stages) {
      close(s.finishMs, finish[s.stageId as keyof RecursionCase["finish"]]);
      close(s.startMs, start[s.stageId as keyof RecursionCase["start"]]);
    }
    close(ev.makespanMs, finish.d);
  });

  it("reports the edge time of the slowest share", () => {
    // a → c split direct 0.5 / cache 0.5: max(max(5, 20), 8) = 20.
    const ev = evaluateAssignment(problem(), assign([whole("remote"), [{ mode: "direct", fraction: 0.5 }, { mode: "cache", fraction: 0.5 }], whole("remote"), whole("remote")], ["a"]));
    close(ev.edges[1]!.transferMs, 20);
  });

  it("places a vm-local consumer on its producer's VMs with the queued waves", () => {
    // b → d vm-local: d runs on b's 2 VMs with max(localWaves 3, own waves 1) = 3 waves.
    // a → b vm-local: b runs on a's 3 VMs.
    const ev = evaluateAssignment(problem(), assign([whole("vm-local"), whole("remote"), whole("vm-local"), whole("remote")]));
    const byId = new Map(ev.stages.map((s) => [s.stageId, s]));
    expect(byId.get("d")).toMatchObject({ colocatedWith: "b", waves: 3, vms: 2 });
    expect(byId.get("b")).toMatchObject({ colocatedWith: "a", vms: 3 });
    expect(byId.get("c")!.colocatedWith).toBeUndefined();
  });
});

describe("cost breakdown", () => {
  it("sums stage terms, edge shares and admitted outputs' residency until the last cache reader finishes", () => {
    // Edges: a → b remote (0.01 + 0.02 = 0.03 object store); a → c split direct 0.5 (0.004 · 0.5 = 0.002
    // compute) / cache 0.5 (0.001 · 0.5 = 0.0005 cache); b → d vm-local (0.0005 compute); c → d remote (0.03).
    // Timings: a 100; b 330; a → c = max(max(5, 20), 8) = 20 → c = 170; d reads both inputs once both
    // are written (these options are all read phase): 330 + max(vm-local 2, remote 30) + 10 = 370.
    // Stages: compute 1 + 2 + 3 + 4 = 10; object store (root/sink I/O) 0.5 + 0.25 = 0.75.
    // Admitted a: 0.1 write + 0.001 $/ms · (last cache reader's finish: c 170 − 100) = 0.1 + 0.07 = 0.17
    // (b reads a remotely, so a's output need not stay in the cache until b finishes).
    //   compute = 10 + 0.002 + 0.0005 = 10.0025
    //   objectStore = 0.75 + 0.03 + 0.03 = 0.81
    //   cache = 0.0005 + 0.17 = 0.1705
    const ev = evaluateAssignment(problem(), assign([whole("remote"), [{ mode: "direct", fraction: 0.5 }, { mode: "cache", fraction: 0.5 }], whole("vm-local"), whole("remote")], ["a"]));
    expect(ev.violations).toEqual([]);
    close(ev.makespanMs, 370);
    close(ev.cost.computeUsd, 10.0025);
    close(ev.cost.objectStoreUsd, 0.81);
    close(ev.cost.cacheUsd, 0.1705);
    close(ev.cost.totalUsd, 10.0025 + 0.81 + 0.1705);
    close(ev.costUsd, ev.cost.totalUsd);
    close(ev.cacheBytes, 1000);
    // Per-edge costs add up to the edge part of the breakdown.
    close(ev.edges.reduce((a, e) => a + e.costUsd, 0), 0.03 + 0.0025 + 0.0005 + 0.03);
  });

  it("a sink's admitted output stays for no time: it pays only the write", () => {
    // d admitted: 0.1 + 0.001 · 0. All remote: edges 4 · 0.03 = 0.12 object store.
    const ev = evaluateAssignment(problem(), assign([whole("remote"), whole("remote"), whole("remote"), whole("remote")], ["d"]));
    close(ev.cost.cacheUsd, 0.1);
    close(ev.cost.objectStoreUsd, 0.75 + 0.12);
  });
});

describe("violations", () => {
  const allRemote = [whole("remote"), whole("remote"), whole("remote"), whole("remote")];

  it("budget: total cost above the budget", () => {
    // All remote costs 10 + 0.75 + 0.12 = 10.87 > 10.
    const ev = evaluateAssignment(problem({ budgetUsd: 10 }), assign(allRemote));
    expect(codes(ev.violations)).toEqual(["budget"]);
    expect(ev.violations[0]!.path).toEqual(["budgetUsd"]);
    expect(ev.feasible).toBe(false);
    expect(evaluateAssignment(problem({ budgetUsd: 10.87 }), assign(allRemote)).feasible).toBe(true);
  });

  it("deadline: makespan above the deadline", () => {
    // All remote: 690 ms > 600.
    const ev = evaluateAssignment(problem({ deadlineMs: 600 }), assign(allRemote));
    expect(codes(ev.violations)).toEqual(["deadline"]);
    expect(ev.violations[0]!.path).toEqual(["deadlineMs"]);
  });

  it("cache-capacity: admitted outputs held at the same time exceed the tier", () => {
    // b and c admitted, each read by d from the cache: b is held from 330 (its finish) and c from 650
    // until d finishes (668): both at once from 650, 2 · 1000 B > 1500 B.
    const ev = evaluateAssignment(problem({ cacheCapacityBytes: 1500 }), assign([whole("remote"), whole("remote"), whole("cache"), whole("cache")], ["b", "c"]));
    expect(codes(ev.violations)).toEqual(["cache-capacity"]);
    expect(ev.cacheBytes).toBe(2000);
  });

  it("cache capacity is the peak over time, not the sum: outputs held one after the other fit", () => {
    // a admitted and read by b from the cache: held from 100 until b finishes (100 + 8 + 200 = 308);
    // b admitted with no cache reader: held only at 308, after a is freed. Peak 1000 B ≤ 1500 B.
    const ev = evaluateAssignment(problem({ cacheCapacityBytes: 1500 }), assign([whole("cache"), whole("remote"), whole("remote"), whole("remote")], ["a", "b"]));
    expect(ev.violations).toEqual([]);
    expect(ev.cacheBytes).toBe(1000);
  });

  it("mode-unavailable and mode-infeasible: a rejected option, by the reason it was rejected", () => {
    const edges = problem().edges.map((c, i) =>
      i === 0
        ? { ...c, options: c.options.filter((o) => o.mode !== "vm-local"), rejected: [{ mode: "vm-local" as const, reason: "not offered by the platform (public lambda)" }] }
        : i === 1
          ? { ...c, options: c.options.filter((o) => o.mode !== "direct"), rejected: [{ mode: "direct" as const, reason: "excluded by options.modes" }] }
          : i === 2
            ? { ...c, options: c.options.filter((o) => o.mode !== "vm-local"), rejected: [{ mode: "vm-local" as const, reason: "a shuffle receiver reads from every sender, and the 8 senders span 2 VMs" }] }
            : c,
    );
    const ev = evaluateAssignment(problem({}, edges), assign([whole("vm-local"), whole("direct"), whole("vm-local"), whole("remote")]));
    expect(codes(ev.violations)).toEqual(["mode-unavailable", "mode-unavailable", "mode-infeasible"]);
    expect(ev.violations.map((v) => v.path)).toEqual([
      ["edges", "a->b", "vm-local"],
      ["edges", "a->c", "direct"],
      ["edges", "b->d", "vm-local"],
    ]);
    expect(ev.violations[2]!.message).toContain("span 2 VMs");
  });

  it("not-admitted: cache without the producer's output admitted", () => {
    const ev = evaluateAssignment(problem(), assign([whole("cache"), whole("remote"), whole("remote"), whole("remote")], ["b"]));
    expect(codes(ev.violations)).toEqual(["not-admitted"]);
    expect(ev.violations[0]!.path).toEqual(["edges", "a->b", "cache"]);
  });

  it("not-admitted: an admitted stage that does not exist", () => {
    const ev = evaluateAssignment(problem(), assign(allRemote, ["zz"]));
    expect(codes(ev.violations)).toEqual(["not-admitted"]);
    expect(ev.violations[0]!.path).toEqual(["admitted", "zz"]);
  });

  it("vm-local-conflict: a stage beside two producers' outputs", () => {
    const ev = evaluateAssignment(problem(), assign([whole("remote"), whole("remote"), whole("vm-local"), whole("vm-local")]));
    expect(codes(ev.violations)).toEqual(["vm-local-conflict"]);
    expect(ev.violations[0]!.path).toEqual(["edges", "c->d"]);
  });

  it.each([
    { name: "fractions not summing to 1", shares: [{ mode: "direct" as const, fraction: 0.5 }, { mode: "remote" as const, fraction: 0.4 }], path: ["edges", "a->b"] },
    { name: "vm-local in a split", shares: [{ mode: "vm-local" as const, fraction: 0.5 }, { mode: "remote" as const, fraction: 0.5 }], path: ["edges", "a->b", "vm-local"] },
    { name: "a zero fraction", shares: [{ mode: "direct" as const, fraction: 0 }, { mode: "remote" as const, fraction: 1 }], path: ["edges", "a->b", "direct"] },
    { name: "a fraction above 1", shares: [{ mode: "remote" as const, fraction: 1.5 }], path: ["edges", "a->b", "remote"] },
    { name: "no mode at all", shares: [], path: ["edges", "a->b"] },
  ])("bad-split: $name", ({ shares, path }) => {
    const ev = evaluateAssignment(problem(), assign([shares, whole("remote"), whole("remote"), whole("remote")]));
    expect(codes(ev.violations)).toContain("bad-split");
    expect(new Set(codes(ev.violations))).toEqual(new Set(["bad-split"]));
    expect(ev.violations.map((v) => v.path)).toContainEqual(path);
  });

  it("reports every violation at once", () => {
    // cache on a → b without a admitted, a split of a → c summing to 0.3, vm-local on both inputs
    // of d, b's 1000 B admitted into a 10 B tier, a $1 budget and a 1 ms deadline.
    const ev = evaluateAssignment(
      problem({ budgetUsd: 1, deadlineMs: 1, cacheCapacityBytes: 10 }),
      assign([whole("cache"), [{ mode: "direct", fraction: 0.3 }], whole("vm-local"), whole("vm-local")], ["b"]),
    );
    expect(new Set(codes(ev.violations))).toEqual(new Set(["not-admitted", "bad-split", "vm-local-conflict", "cache-capacity", "budget", "deadline"]));
  });
});
