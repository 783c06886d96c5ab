import { spawnSync } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { captureStdout } from "./support/capture-stdout.js";
import { runPlanMain } from "../src/cli/commands/plan-main.js";
import { bundlePlanCommand } from "../tools/bundle-cli.js";

// The one-file `sluice plan` that `npm run build` makes (tools/bundle-cli.ts) must print what the
// modules print, byte for byte, and report errors with the catalogue's codes and exit codes. It is
// bundled here from the sources under test, two levels below the package root as in dist/.
const OUT = path.resolve("dist", `cli-bundle-test-${process.pid}`);
let entry = "";

/** Runs the bundled command in a fresh Node process. */
function runBundle(argv: string[]): { status: number | null; stdout: string; stderr: string } {
  const script = `const { runPlanMain } = await import(${JSON.stringify(pathToFileURL(entry).href)}); process.exitCode = await runPlanMain(${JSON.stringify(argv)});`;
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
}

beforeAll(async () => {
  entry = await bundlePlanCommand(OUT);
}, 60_000);

afterAll(async () => {
  await rm(OUT, { recursive: true, force: true });
});

describe("the bundled sluice plan", () => {
  it.each([
    // open instance counts (sizing) and a trained profile set from models/
    ["mapreduce-sort.json", "1.5 GiB", []],
    // a scatter edge and analytic profiles, with memory sizes to choose from
    ["wide-fanout.json", "2 GiB", ["--memory-sizes", "512,1024,1769,3008"]],
    // a deadline under the cost objective
    ["video-analytics.json", "15 MB", ["--objective", "cost", "--deadline", "60000"]],
  ])("%s at %s %j prints the same JSON plan as the modules", async (file, input, extra) => {
    const argv = ["--dag", `examples/dags/${file}`, "--input", input, "--format", "json", ...extra];
    const out = captureStdout();
    const code = await runPlanMain(argv);
    vi.restoreAllMocks();
    const bundled = runBundle(argv);
    expect(bundled.stderr).toBe("");
    expect(bundled.status).toBe(code);
    expect(bundled.stdout).toBe(out.text());
  });

  it.each([
    // a flag no command knows: usage, 64, with its catalogue code (the bundle's own error classes)
    { argv: ["--dag", "examples/dags/mapreduce-sort.json", "--input", "1 GiB", "--bogus"], status: 64, code: "SLU1206" },
    // a DAG file that is not there: no input, 66
    { argv: ["--dag", "examples/dags/no-such.json", "--input", "1 GiB"], status: 66, code: "SLU8001" },
  ])("reports $code with exit $status", ({ argv, status, code }) => {
    const r = runBundle(argv);
    expect(r.status).toBe(status);
    expect(r.stderr).toContain(code);
    expect(r.stderr).not.toContain("internal error");
  });
});
