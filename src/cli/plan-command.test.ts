import { afterEach, describe, expect, it, vi } from "vitest";
import { runPlanCommand } from "./plan-command.js";
import { captureStdout } from "./capture-stdout.js";
import { CliUsageError } from "./cli-error.js";

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

  it.each([
    [["--input", "1 GB"], /--dag FILE is required/],
    [["--dag", DAG], /--input SIZE is required/],
    [["--dag", DAG, "--input", "1 GB", "--format", "xml"], /--format must be/],
    [["--dag", DAG, "--input", "1 GB", "--budget=-1"], /--budget must be a positive number/],
    [["--dag", DAG, "--input", "1 GB", "--frobnicate"], /Unknown option '--frobnicate'/],
    [["--dag", DAG, "--input", "1 GB", "--modes", "teleport"], /unknown mode "teleport"/],
    [["--dag", DAG, "--input", "1 GB", "--objective", "fun"], /--objective must be/],
  ])("rejects bad arguments %j with a one-line usage error", async (argv, message) => {
    await expect(runPlanCommand(argv as string[])).rejects.toThrow(CliUsageError);
    await expect(runPlanCommand(argv as string[])).rejects.toThrow(message);
  });
});
