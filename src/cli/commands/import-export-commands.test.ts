import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { InputError, SluiceError } from "../../errors.js";
import { captureStdout } from "../../../test/support/capture-stdout.js";
import { runExportCommand } from "./export-command.js";
import { runHistoryCommand } from "./history-command.js";
import { runImportCommand } from "./import-command.js";

afterEach(() => vi.restoreAllMocks());
const quietStderr = () => vi.spyOn(process.stderr, "write").mockImplementation(() => true);

describe("sluice import / export / history", () => {
  it.each([
    ["import", runImportCommand, /Usage: sluice import --from FORMAT FILE/],
    ["export", runExportCommand, /Usage: sluice export --to asl/],
    ["history", runHistoryCommand, /Usage: sluice history FILE/],
  ] as const)("%s --help prints its usage", async (_name, run, usage) => {
    const out = captureStdout();
    expect(await run(["--help"])).toBe(0);
    expect(out.text()).toMatch(usage);
  });

  it("imports to a file, writes the report as JSON, then plans and exports from that file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sluice-import-"));
    const dag = join(dir, "dag.json");
    const report = join(dir, "report.json");
    expect(await runImportCommand(["--from", "sebs-flow", "examples/sebs-flow/wordcount-mapreduce.definition.json", "--out", dag, "--report", report, "--fanout", "count-state=6"])).toBe(0);
    expect(JSON.parse(readFileSync(dag, "utf8")).stages.find((s: { id: string }) => s.id === "count").instances).toBe(6);
    expect(JSON.parse(readFileSync(report, "utf8")).format).toBe("sebs-flow");
    const out = captureStdout();
    expect(await runExportCommand(["--to", "asl", "--dag", dag, "--input", "1 GiB", "--fallback-profile", "default", "--bucket", "runs"])).toBe(0);
    const machine = JSON.parse(out.text());
    expect(machine.StartAt).toBeDefined();
    expect(out.text()).toContain("s3://runs/sluice/wordcount-mapreduce/");
  });

  it("exports a saved plan, and refuses a plan of another DAG", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sluice-export-"));
    const planFile = join(dir, "plan.json");
    const { plan } = await import("../../plan/plan.js");
    const saved = await plan(JSON.parse(readFileSync("examples/dags/mapreduce-sort.json", "utf8")), "1 GiB");
    writeFileSync(planFile, JSON.stringify(saved));
    const out = captureStdout();
    expect(await runExportCommand(["--to", "asl", "--dag", "examples/dags/mapreduce-sort.json", "--plan", planFile])).toBe(0);
    // The example's mapper count is open: the plan chose it.
    expect(Object.keys(JSON.parse(out.text()).States)).toContain(`map ×${saved.placement.find((s) => s.stageId === "map")!.instances}`);
    await expect(runExportCommand(["--to", "asl", "--dag", "examples/dags/wordcount.json", "--plan", planFile])).rejects.toThrow(/the plan was made for another DAG/);
    writeFileSync(planFile, JSON.stringify({ dagName: "x" }));
    await expect(runExportCommand(["--to", "asl", "--dag", "examples/dags/mapreduce-sort.json", "--plan", planFile])).rejects.toThrow(/Invalid plan file/);
  });

  it("writes nothing when the import fails, and names the fault's JSON path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sluice-bad-"));
    const bad = join(dir, "bad.asl.json");
    writeFileSync(bad, JSON.stringify({ StartAt: "A", States: { A: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Next: "B" } } }));
    const out = join(dir, "dag.json");
    const err = await runImportCommand(["--from", "asl", bad, "--out", out, "--report", join(dir, "r.json")]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/SLU8504 States\.A\.Next: reference to a missing state/);
    expect((err as InputError).exitCode).toBe(65);
    expect(readdirSync(dir)).toEqual(["bad.asl.json"]);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [["--from", "bpmn", "x.json"], /--from: bad flag value; expected one of asl, sebs-flow, serverless-workflow; got "bpmn"/],
    [["--from", "asl"], /expected one workflow file, got 0/],
    [["--from", "asl", "x.json", "--fanout", "Map=0"], /--fanout: bad flag value; expected NAME=N with N a positive integer/],
  ])("import %j is a usage error (exit 64)", async (argv, message) => {
    const err = await runImportCommand([...argv]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SluiceError);
    expect((err as SluiceError).exitCode).toBe(64);
    expect((err as Error).message).toMatch(message);
  });

  it("history writes a trace CSV that names each function", async () => {
    quietStderr();
    const out = captureStdout();
    expect(await runHistoryCommand(["examples/history/video-encode.execution-history.json", "--app", "video"])).toBe(0);
    const lines = out.text().trim().split("\n");
    expect(lines[0]).toBe("app,function,input_bytes,runtime_ms,output_bytes,fanout");
    expect(lines.slice(1)).toEqual(["video,split-video,45,812,50,3", "video,encode-segment,44,1510,39,1", "video,encode-segment,44,1720,39,1", "video,encode-segment,44,1390,39,1", "video,merge-segments,47,640,24,1"]);
  });
});
