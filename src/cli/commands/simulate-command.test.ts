import { mkdtemp, readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { captureStdout } from "../../../test/support/capture-stdout.js";
import { limitsOverrun, runSimulateCommand } from "./simulate-command.js";
import { plan } from "../../plan/plan.js";
import { simulate } from "../../simulate/simulate.js";

const DAG = "examples/dags/video-analytics.json";

afterEach(() => vi.restoreAllMocks());

describe("sluice simulate", () => {
  it("prints help", async () => {
    const out = captureStdout();
    expect(await runSimulateCommand(["--help"])).toBe(0);
    expect(out.text()).toContain("Usage: sluice simulate");
  });

  it.each([
    { argv: ["--input", "15 MB"], message: "SLU1203 --dag" },
    { argv: ["--dag", DAG], message: "SLU1203 --input" },
    { argv: ["--dag", DAG, "--input", "15 MB", "--seed", "1.5"], message: 'SLU1204 --seed: bad flag value; expected an integer ≥ 0; got "1.5"' },
    { argv: ["--dag", DAG, "--input", "15 MB", "--format", "xml"], message: "expected one of table, json" },
    { argv: ["--dag", DAG, "--input", "15 MB", "--bogus"], message: "SLU1206 --bogus" },
    { argv: ["--dag", DAG, "--input", "15 MB", "--plot", "t.jpg"], message: 'SLU1018 --plot: unknown image format; expected a file name ending in .svg or .png; got "t.jpg"' },
  ])("rejects $argv with a usage error naming the flag", async ({ argv, message }) => {
    await expect(runSimulateCommand(argv)).rejects.toMatchObject({ exitCode: 64 });
    await expect(runSimulateCommand(argv)).rejects.toThrow(message);
  });

  it("plans, simulates, prints a summary and writes the timeline", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-sim-"));
    const plot = join(dir, "t.svg");
    const out = captureStdout();
    const code = await runSimulateCommand(["--dag", DAG, "--input", "15 MB", "--seed", "3", "--plot", plot]);
    expect([0, 3]).toContain(code);
    expect(out.text()).toMatch(/makespan/);
    expect(out.text()).toMatch(/predicted\s+simulated/);
    expect((await readFile(plot, "utf8")).startsWith("<svg")).toBe(true);
  });

  it("exits 3 when no plan meets the budget, simulating the cheapest plan and saying so", async () => {
    const out = captureStdout();
    expect(await runSimulateCommand(["--dag", "examples/dags/mapreduce-sort.json", "--input", "1.5 GiB", "--budget", "0.0001", "--noise-cv", "0"])).toBe(3);
    expect(out.text()).toMatch(/plan status infeasible/);
    expect(out.text()).toMatch(/limits: over in this run\n {2}- budget \$0\.0001000: simulated \$[\d.]+, [\d.]+% over/);
  });

  it("exits 0 and says the limits held when the plan and the run keep the budget", async () => {
    const out = captureStdout();
    expect(await runSimulateCommand(["--dag", "examples/dags/mapreduce-sort.json", "--input", "1.5 GiB", "--budget", "0.1", "--noise-cv", "0"])).toBe(0);
    expect(out.text()).toMatch(/limits: kept in this run/);
  });

  it("names each limit the simulated run went over, by how much", async () => {
    const dag = JSON.parse(readFileSync("examples/dags/mapreduce-sort.json", "utf8"));
    const p = await plan(dag, "1.5 GiB", { budgetUsd: 0.1 });
    const r = await simulate(dag, p, { seed: 1, noiseCv: 0 });
    expect(limitsOverrun(p, r)).toEqual([]);
    const tight = { ...p, budgetUsd: r.cost.totalUsd / 2, deadlineMs: r.makespanMs / 4 };
    expect(limitsOverrun(tight, r)).toEqual([
      expect.stringMatching(/^budget \$[\d.]+: simulated \$[\d.]+, 100\.0% over$/),
      expect.stringMatching(/^deadline \d+ ms: simulated \d+ ms, 300\.0% over$/),
    ]);
  });

  it("writes PNG for a .png plot (the format follows the extension)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-sim-"));
    const plot = join(dir, "t.png");
    captureStdout();
    await runSimulateCommand(["--dag", DAG, "--input", "15 MB", "--noise-cv", "0", "--plot", plot]);
    // PNG files start with the 8-byte signature 89 50 4E 47 0D 0A 1A 0A
    expect([...(await readFile(plot)).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it.each([
    { plot: "/proc/t.svg", text: "on procfs" },
    { plot: "/no/such/folder/t.svg", text: "does not exist" },
  ])("refuses --plot $plot before planning, as an I/O error", async ({ plot, text }) => {
    const err = await runSimulateCommand(["--dag", "no/such/dag.json", "--input", "15 MB", "--plot", plot]).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: 74, message: expect.stringContaining(text) });
  });

  it("prints JSON with the plan and the simulation", async () => {
    const out = captureStdout();
    await runSimulateCommand(["--dag", DAG, "--input", "15 MB", "--format", "json", "--noise-cv", "0"]);
    const parsed = JSON.parse(out.text()) as { plan: { edges: unknown[] }; simulation: { makespanMs: number } };
    expect(parsed.plan.edges.length).toBe(2);
    expect(parsed.simulation.makespanMs).toBeGreaterThan(0);
  });
});
