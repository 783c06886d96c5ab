import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import { toAssignment } from "../model/decisions.js";
import { bruteForceSolver } from "../solve/referee/brute-force.js";
import { randomDag, randomDagProfiles } from "../../test/support/random-dag.js";
import { evaluate } from "./evaluate.js";
import { plan } from "./plan.js";
import { prepareProblem } from "./prepare-problem.js";
import type { Plan } from "./types.js";

const profiles = randomDagProfiles();
const withoutTimings = (p: Plan) => ({ ...p, timingsMs: {} });

describe("plan() against the brute-force referee", () => {
  it("with gapTolerance 0, is never worse than any whole-mode decision set, keeps the budget, and is deterministic", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1.2, noNaN: true }), fc.constantFrom("5 MB", "200 MB", "3 GB"), async (stages, seed, budgetPos, size) => {
        const dag = randomDag(stages, seed, 3);
        fc.pre(dag.edges !== undefined && dag.edges.length <= 6);
        // Budget between the cheapest and the fastest whole-mode plan's cost (positions > 1 are loose).
        const { problem: free } = await prepareProblem(dag, size, { profiles });
        const cheapest = bruteForceSolver({ ...free, objective: "cost" }, { timeLimitMs: 1e4 }) as { assignment: NonNullable<unknown> };
        const fastest = bruteForceSolver(free, { timeLimitMs: 1e4 }) as { assignment: NonNullable<unknown> };
        const cCheap = evaluateAssignment(free, cheapest.assignment as never).costUsd;
        const cFast = evaluateAssignment(free, fastest.assignment as never).costUsd;
        const budgetUsd = cCheap + budgetPos * Math.max(0, cFast - cCheap) + 1e-12;

        // gapTolerance 0: search until optimal (the default stops within 1%; autoSolver's tests cover that)
        const p = await plan(dag, size, { profiles, budgetUsd, gapTolerance: 0 });
        const { problem } = await prepareProblem(dag, size, { profiles, budgetUsd });
        const referee = bruteForceSolver(problem, { timeLimitMs: 1e4 }) as { status: string; assignment?: never };
        expect(referee.status).not.toBe("infeasible");
        const best = evaluateAssignment(problem, referee.assignment!);
        expect(p.status).toBe("ok");
        const mine = evaluateAssignment(problem, toAssignment(problem.dag, p));
        expect(mine.feasible).toBe(true);
        expect(mine.costUsd).toBeLessThanOrEqual(budgetUsd * (1 + 1e-9));
        expect(mine.makespanMs).toBeLessThanOrEqual(best.makespanMs * (1 + 1e-6) + 1e-6);
        expect(p.predicted.makespanMs).toBeCloseTo(mine.makespanMs, 6);
        const again = await plan(dag, size, { profiles, budgetUsd, gapTolerance: 0 });
        expect(withoutTimings(again)).toEqual(withoutTimings(p));
      }),
      { numRuns: 40, seed: 20261127 },
    );
  });
});

describe("SONIC's qualitative finding, NICs at their baseline", () => {
  // A 40 MB output broadcast to n receivers running 2 s each on 4-core VMs, SONIC's three modes, on
  // the default platform with NICs that do not burst (burst rate = baseline, as once the credit is
  // spent): vm-local needs no copy but queues beyond 4 receivers (a second 2 s wave); direct sends
  // n × 40 MB through one 156 MB/s NIC (0.26 s per receiver); remote pays ~1 s to write and ~1 s to
  // read at 41 MB/s.
  const MB = 1e6;
  const bcast = { src: { runtimeMs: () => 500, memoryMb: () => 512, outputBytes: () => 40 * MB, fanout: () => 1 }, work: { runtimeMs: () => 2000, memoryMb: () => 1024, outputBytes: () => MB, fanout: () => 1 } };
  const bestMode = async (n: number, nicBytesPerSecond: number) => {
    const dag = { name: "b", stages: [{ id: "s", function: "src", instances: 1 }, { id: "w", function: "work", instances: n }], edges: [{ from: "s", to: "w", pattern: "broadcast" }] };
    const p = await plan(dag, "100 MB", { profiles: bcast, modes: ["vm-local", "direct", "remote"], allowSplits: false, platform: { vm: { nicBytesPerSecond, nicBurstBytesPerSecond: nicBytesPerSecond } } });
    return p.edges[0]!.mode;
  };
  const fanouts = [1, 2, 4, 6, 8, 12, 16, 24, 32, 64];
  const firstRemote = async (nic: number) => {
    for (const n of fanouts) if ((await bestMode(n, nic)) === "remote") return n;
    return Infinity;
  };

  it("moves from vm-local to direct to remote as fanout grows", async () => {
    const modes: ("vm-local" | "direct" | "remote" | "cache")[] = [];
    for (const n of fanouts) modes.push(await bestMode(n, 1.25e9 / 8));
    expect(modes[0]).toBe("vm-local");
    expect(modes).toContain("direct");
    expect(modes[modes.length - 1]).toBe("remote");
    // The order never goes back: once past vm-local, never vm-local again; once remote, always remote.
    const rank = { "vm-local": 0, direct: 1, remote: 2, cache: 3 } as const;
    for (let i = 1; i < modes.length; i++) expect(rank[modes[i]!]).toBeGreaterThanOrEqual(rank[modes[i - 1]!]);
  });

  it("moves the direct/remote crossover to a higher fanout when the NIC is faster", async () => {
    const slow = await firstRemote(1.25e9 / 8);
    const fast = await firstRemote(2.5e9 / 8);
    expect(slow).toBeLessThan(Infinity);
    expect(fast).toBeGreaterThan(slow);
  });
});

describe("plan() outcomes", () => {
  const sort = { name: "mapreduce-sort", stages: [{ id: "map", function: "sort-map", instances: 30 }, { id: "reduce", function: "sort-reduce" }], edges: [{ from: "map", to: "reduce", pattern: "shuffle" }] };

  it("plans the bundled MapReduce sort with no options", async () => {
    const p = await plan(sort, "1.5 GB");
    expect(p.status).toBe("ok");
    expect(p.edges).toHaveLength(1);
    expect(p.predicted.makespanMs).toBeGreaterThan(0);
    expect(p.explanations[0]!.options.map((o) => o.mode)).toEqual(["vm-local", "direct", "remote", "cache"]);
    expect(p.explanations[0]!.options.filter((o) => o.verdict === "chosen").length).toBeGreaterThanOrEqual(1);
    for (const o of p.explanations[0]!.options) expect(o.reason.length).toBeGreaterThan(0);
  });

  it("names the cheapest achievable cost when the budget is below it", async () => {
    const p = await plan(sort, "1.5 GB", { budgetUsd: 1e-9 });
    expect(p.status).toBe("infeasible");
    expect(p.message).toMatch(/below the cheapest achievable cost, \$[0-9.e-]+/);
    const cheapest = Number(/\$([0-9.e-]+)/.exec(p.message!.split("cheapest achievable cost, ")[1]!)![1]);
    // the message shows 4 significant digits
    expect(Math.abs(cheapest / p.predicted.costUsd - 1)).toBeLessThan(1e-3);
  });

  it("accepts byte counts and size strings alike", async () => {
    const a = await plan(sort, 1.5e9);
    const b = await plan(sort, "1.5 GB");
    expect(withoutTimings(a)).toEqual(withoutTimings(b));
  });

  it.each([
    ["a negative size", -5],
    ["a size without a number", "lots"],
    ["an infinite size", Infinity],
  ])("rejects %s with a typed error naming inputSize", async (_label, size) => {
    await expect(plan(sort, size as number)).rejects.toThrow(InputError);
    await expect(plan(sort, size as number)).rejects.toThrow(/inputSize/);
  });

  it.each([["1.5", 1.5], ["a negative tolerance", -0.01], ["NaN", NaN], ["a string", "1%"]])("rejects gapTolerance %s with a typed error naming the option", async (_label, gapTolerance) => {
    await expect(plan(sort, "1 GB", { gapTolerance: gapTolerance as number })).rejects.toThrow(InputError);
    await expect(plan(sort, "1 GB", { gapTolerance: gapTolerance as number })).rejects.toThrow(/gapTolerance/);
  });

  it("rejects an unknown function with the stage's path", async () => {
    const bad = { ...sort, stages: [{ id: "map", function: "nope", instances: 3 }, { id: "reduce", function: "sort-reduce" }] };
    await expect(plan(bad, "1 GB")).rejects.toThrow(/stages\.0\.function/);
  });

  it("evaluate() allows a vm-local chain only where the middle stage's own placement has its producer's VM count", async () => {
    const video = { name: "v", stages: [{ id: "split", function: "video-split" }, { id: "extract", function: "video-extract" }, { id: "classify", function: "video-classify" }], edges: [{ from: "split", to: "extract", pattern: "scatter" }, { from: "extract", to: "classify", pattern: "one-to-one" }] };
    const allLocal = { edges: video.edges.map((e) => ({ from: e.from, to: e.to, mode: "vm-local" as const })), admitted: [] };
    // 15 MB: 19 extracts would take 5 VMs of their own but sit on the split's 1 VM, so classify,
    // priced on 5 VMs, cannot run beside them.
    const chain = await evaluate(video, "15 MB", allLocal);
    expect(chain.violations.map((v) => [v.code, v.path])).toEqual([["vm-local-chain", ["edges", "extract->classify"]]]);
    // 2 MB: 3 extracts fit one VM either way; the chain is priced right and allowed.
    expect((await evaluate(video, "2 MB", allLocal)).violations).toEqual([]);
    const p = await plan(video, "15 MB");
    expect(p.violations).toEqual([]);
  });

  it("evaluate() scores hand-made decisions with the planner's model", async () => {
    const p = await plan(sort, "1.5 GB");
    const e = await evaluate(sort, "1.5 GB", p);
    expect(e.makespanMs).toBeCloseTo(p.predicted.makespanMs, 6);
    const remote = await evaluate(sort, "1.5 GB", { edges: [{ from: "map", to: "reduce", mode: "remote" }], admitted: [] });
    expect(remote.feasible).toBe(true);
    expect(remote.makespanMs).toBeGreaterThanOrEqual(p.predicted.makespanMs);
    const cacheless = await evaluate(sort, "1.5 GB", { edges: [{ from: "map", to: "reduce", mode: "cache" }], admitted: [] });
    expect(cacheless.feasible).toBe(false);
    expect(cacheless.violations.map((v) => v.code)).toContain("not-admitted");
  });
});

describe("options that are not an object", () => {
  // A scheduler passing `null` (a missing config read as JSON null) or a string got a TypeError
  // ("Cannot read properties of null (reading 'memorySizes')") or "unknown option 0" (a string spread
  // into its characters); each is now SLU1002 at path ["options"], naming what it got.
  const sort = { name: "s", stages: [{ id: "map", function: "sort-map", instances: 4 }, { id: "reduce", function: "sort-reduce" }], edges: [{ from: "map", to: "reduce", pattern: "shuffle" }] };
  const decisions = { edges: [{ from: "map", to: "reduce", mode: "remote" as const }], admitted: [] };
  const cases: [string, unknown, string][] = [
    ["null", null, "null"],
    ["a string", "fast", '"fast"'],
    ["a number", 5, "5"],
    ["an array", [], "[]"],
  ];
  for (const [name, options, actual] of cases) {
    it(`plan() and evaluate() throw an InputError for ${name}`, async () => {
      for (const call of [() => plan(sort, "1 GB", options as never), () => evaluate(sort, "1 GB", decisions, options as never)]) {
        const err = await call().then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(InputError);
        expect((err as InputError).issues.map((i) => [i.code, i.path, i.actual])).toEqual([["SLU1002", ["options"], actual]]);
      }
    });
  }

  it("plan() with open counts checks options before sizing", async () => {
    const open = { ...sort, stages: [{ id: "map", function: "sort-map", instances: "auto" }, sort.stages[1]] };
    await expect(plan(open, "1 GB", null as never)).rejects.toBeInstanceOf(InputError);
  });
});

describe("every issue a scheduler meets names its field, what was expected and what was given", () => {
  // A cycle's issue had no actual, and a bad split fraction, an unknown edge and an unknown admitted
  // stage had no expected: each said so only in its message text.
  const sort = { name: "s", stages: [{ id: "map", function: "sort-map", instances: 4 }, { id: "reduce", function: "sort-reduce" }], edges: [{ from: "map", to: "reduce", pattern: "shuffle" }] };
  const remote = { from: "map", to: "reduce", mode: "remote" as const };
  it.each<[string, () => Promise<unknown>, [string, (string | number)[], string, string]]>([
    ["a cycle", () => plan({ ...sort, edges: [...sort.edges, { from: "reduce", to: "map", pattern: "shuffle" }] }, "1 GB"), ["SLU2014", ["edges"], "an acyclic graph", '"map -> reduce -> map"']],
    ["a NaN split fraction", () => evaluate(sort, "1 GB", { edges: [{ ...remote, mode: "direct", split: { direct: Number.NaN } }], admitted: [] }), ["SLU6021", ["decisions", "edges", 0, "split", "direct"], "a finite number ≥ 0", "NaN"]],
    ["an unknown edge", () => evaluate(sort, "1 GB", { edges: [remote, { from: "map", to: "sink", mode: "remote" }], admitted: [] }), ["SLU6022", ["decisions", "edges", 1], "an edge of the DAG (from, to)", '"map->sink"']],
    ["an unknown admitted stage", () => evaluate(sort, "1 GB", { edges: [remote], admitted: ["mapper"] }), ["SLU6023", ["decisions", "admitted", 0], "a stage id of the DAG", '"mapper"']],
  ])("%s", async (_label, run, expected) => {
    const err = await run().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const i = (err as InputError).issues[0]!;
    expect([i.code, i.path, i.expected, i.actual]).toEqual(expected);
  });
});
