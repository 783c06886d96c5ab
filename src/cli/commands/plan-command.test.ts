import { afterEach, describe, expect, it, vi } from "vitest";
import { runPlanCommand } from "./plan-command.js";
import { captureStdout } from "../../../test/support/capture-stdout.js";

const DAG = "examples/dags/mapreduce-sort.json";

afterEach(() => vi.restoreAllMocks());

describe("sluice plan", () => {
  it("prints a table with every edge and stage by default", async () => {
    const out = captureStdout();
    expect(await runPlanCommand(["--dag", DAG, "--input", "1.5 GiB"])).toBe(0);
    expect(out.text()).toMatch(/Plan for mapreduce-sort at 1\.50 GiB/);
    expect(out.text()).toMatch(/map -> reduce/);
    expect(out.text()).toMatch(/why not the others/);
  });

  it("prints JSON that parses back to a plan", async () => {
    const out = captureStdout();
    expect(await runPlanCommand(["--dag", DAG, "--input", "10 GiB", "--budget", "0.2", "--format", "json"])).toBe(0);
    const plan = JSON.parse(out.text());
    expect(plan.edges[0].from).toBe("map");
    expect(plan.budgetUsd).toBe(0.2);
  });

  it("prints DOT with edges labelled and coloured by mode", async () => {
    const out = captureStdout();
    expect(await runPlanCommand(["--dag", DAG, "--input", "1 GB", "--format", "dot"])).toBe(0);
    expect(out.text()).toMatch(/^digraph "mapreduce-sort" \{/);
    expect(out.text()).toMatch(/"map" -> "reduce" \[label="[a-z-]+.*color=/);
  });

  it("plans with the trained profile set given by --profiles, and only its functions", async () => {
    const out = captureStdout();
    expect(await runPlanCommand(["--dag", DAG, "--input", "1 GiB", "--profiles", "models/mapreduce-sort", "--format", "json"])).toBe(0);
    expect(JSON.parse(out.text()).placement.map((s: { stageId: string }) => s.stageId)).toEqual(["map", "reduce"]);
    // The word-count set does not know sort-map: the DAG's function is reported with its path.
    await expect(runPlanCommand(["--dag", DAG, "--input", "1 GiB", "--profiles", "models/wordcount"])).rejects.toThrow(/stages\.0\.function/);
  });

  it("names the folder when --profiles does not hold a profile set", async () => {
    await expect(runPlanCommand(["--dag", DAG, "--input", "1 GiB", "--profiles", "examples"])).rejects.toThrow(/examples/);
  });

  it("returns 3 when no plan fits the budget, naming the cheapest cost", async () => {
    const out = captureStdout();
    expect(await runPlanCommand(["--dag", DAG, "--input", "1 GB", "--budget", "0.0000001"])).toBe(3);
    expect(out.text()).toMatch(/cheapest achievable cost/);
  });

  it("prints timings only with --timings, and applies --max-stages", async () => {
    let out = captureStdout();
    await runPlanCommand(["--dag", DAG, "--input", "1 GB", "--format", "json"]);
    expect(out.text()).not.toContain("timingsMs");
    vi.restoreAllMocks();
    out = captureStdout();
    await runPlanCommand(["--dag", DAG, "--input", "1 GB", "--format", "json", "--timings"]);
    expect(JSON.parse(out.text()).timingsMs).toHaveProperty("solve");
    await expect(runPlanCommand(["--dag", DAG, "--input", "1 GB", "--max-stages", "1"])).rejects.toThrow(/SLU2101 stages: too many stages; expected ≤ 1 stages; got 2 stages/);
  });

  it.each([
    [["--dag", DAG, "--input", "1 GB", "--max-edges", "0"], /SLU1204 --max-edges: bad flag value; expected a whole number > 0; got "0"/],
    [["--input", "1 GB"], /SLU1203 --dag: a required flag is missing; expected --dag FILE/],
    [["--dag", DAG], /SLU1203 --input: a required flag is missing/],
    [["--dag", DAG, "--input", "1 GB", "--format", "xml"], /SLU1204 --format: bad flag value; expected one of table, json, dot; got "xml"/],
    [["--dag", DAG, "--input", "1 GB", "--budget=-1"], /SLU1204 --budget: bad flag value; expected a positive number; got "-1"/],
    [["--dag", DAG, "--input", "1 GB", "--frobnicate"], /SLU1206 --frobnicate: unknown flag; expected one of --dag/],
    [["--dag", DAG, "--input", "1 GB", "--budgte", "1"], /SLU1206 --budgte: unknown flag; did you mean "--budget"\?/],
    [["--dag", DAG, "--input", "1 GB", "--modes", "teleport"], /SLU1204 --modes: .*got "teleport"/],
    [["--dag", DAG, "--input", "1 GB", "--objective", "fun"], /SLU1204 --objective: .*expected one of latency, cost, perf-per-dollar/],
  ])("rejects bad arguments %j with a usage error (exit 64) naming the flag", async (argv, message) => {
    await expect(runPlanCommand(argv as string[])).rejects.toMatchObject({ category: "usage", exitCode: 64 });
    await expect(runPlanCommand(argv as string[])).rejects.toThrow(message);
  });
});
