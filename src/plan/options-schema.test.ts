import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import type { PlanOptions } from "./options.js";
import { plan } from "./plan.js";

const DAG = { name: "d", stages: [{ id: "map", function: "sort-map", instances: 4 }, { id: "reduce", function: "sort-reduce", instances: 4 }], edges: [{ from: "map", to: "reduce", pattern: "shuffle" }] };

async function issuesOf(options: unknown) {
  const err = await plan(DAG, "1 GB", options as PlanOptions).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).exitCode).toBe(64);
  return (err as InputError).issues;
}

describe("plan() options are strict", () => {
  it.each([
    // each of these used to be ignored or coerced, giving a plan for options the caller did not mean
    { options: { budgetUSD: 0.05 }, issue: { code: "SLU1001", path: ["options", "budgetUSD"], message: 'unknown option; did you mean "budgetUsd"?' } },
    { options: { objective: "bogus" }, issue: { code: "SLU1003", path: ["options", "objective"], expected: 'one of "latency", "cost", "perf-per-dollar"', actual: '"bogus"' } },
    { options: { quantile: "0.9" }, issue: { code: "SLU1002", path: ["options", "quantile"], actual: '"0.9"' } },
    { options: { quantile: 1.5 }, issue: { code: "SLU1003", path: ["options", "quantile"], expected: "< 1", actual: "1.5" } },
    { options: { quantile: { memoryMB: 0.9 } }, issue: { code: "SLU1001", path: ["options", "quantile", "memoryMB"], message: 'unknown option; did you mean "memoryMb"?' } },
    { options: { budgetUsd: "0.05" }, issue: { code: "SLU1002", path: ["options", "budgetUsd"], expected: "number", actual: '"0.05"' } },
    { options: { budgetUsd: Number.NaN }, issue: { code: "SLU1002", path: ["options", "budgetUsd"] } },
    { options: { deadlineMs: -1 }, issue: { code: "SLU1003", path: ["options", "deadlineMs"], expected: "> 0", actual: "-1" } },
    { options: { modes: [] }, issue: { code: "SLU1003", path: ["options", "modes"], expected: "at least 1 item(s)" } },
    { options: { modes: ["teleport"] }, issue: { code: "SLU1003", path: ["options", "modes", 0] } },
    { options: { allowSplits: "no" }, issue: { code: "SLU1002", path: ["options", "allowSplits"], expected: "boolean" } },
    { options: { solver: "fastest" }, issue: { code: "SLU1002", path: ["options", "solver"] } },
    { options: { limits: { maxStage: 10 } }, issue: { code: "SLU1001", path: ["options", "limits", "maxStage"], message: 'unknown option; did you mean "maxStages"?' } },
    { options: { timings: 1 }, issue: { code: "SLU1002", path: ["options", "timings"] } },
  ])("$options → $issue.code at $issue.path", async ({ options, issue }) => {
    expect(await issuesOf(options)).toEqual([expect.objectContaining(issue)]);
  });

  it("lists every bad option at once", async () => {
    const issues = await issuesOf({ budgetUSD: 1, objectiv: "cost", quantile: "0.9" });
    expect(issues.map((i) => i.path.join("."))).toEqual(["options.budgetUSD", "options.objectiv", "options.quantile"]);
  });

  it("accepts every documented option", async () => {
    const p = await plan(DAG, "100 MB", { objective: "cost", deadlineMs: 1e7, modes: ["remote", "direct"], allowSplits: false, solver: "heuristic", timeLimitMs: 1000, quantile: { memoryMb: 0.9 }, limits: { maxStages: 10 }, timings: true, platform: {} });
    expect(p.status).toBe("ok");
  });
});

describe("plain profiles in options.profiles", () => {
  // A profile missing a function was a TypeError mid-estimate ("profile.memoryMb is not a function").
  it("names each function a profile lacks", async () => {
    const issues = await issuesOf({ profiles: { "sort-map": { runtimeMs: () => 5 }, "sort-reduce": 3 } });
    expect(issues.map((i) => [i.code, i.path.join("."), i.expected])).toEqual([
      ["SLU1003", "options.profiles.sort-map.memoryMb", "a function"],
      ["SLU1003", "options.profiles.sort-map.outputBytes", "a function"],
      ["SLU1003", "options.profiles.sort-map.fanout", "a function"],
      ["SLU1003", "options.profiles.sort-reduce", "a profile: runtimeMs, memoryMb, outputBytes and fanout functions"],
    ]);
  });
});
