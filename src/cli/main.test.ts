import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DAG = "examples/dags/mapreduce-sort.json";

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI from source; `closeStdout` closes the reading end at once, as `| head -c 0` would. */
function sluice(args: string[], options: { closeStdout?: boolean; stdoutFile?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const stdio: ("ignore" | "pipe" | number)[] = ["ignore", "pipe", "pipe"];
    if (options.stdoutFile !== undefined) stdio[1] = openSync(options.stdoutFile, "w");
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { stdio });
    let stdout = "", stderr = "";
    if (options.closeStdout) child.stdout!.destroy();
    else child.stdout?.on("data", (c) => (stdout += c));
    child.stderr!.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("sluice (the process)", () => {
  it("prints its version", async () => {
    const r = await sluice(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`sluice ${JSON.parse(readFileSync("package.json", "utf8")).version}\n`);
  });

  it("ends quietly when the reader closes the pipe (EPIPE)", async () => {
    const r = await sluice(["plan", "--dag", DAG, "--input", "1.5 GiB", "--format", "json"], { closeStdout: true });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("reports a full disk on stdout as an I/O error, exit 74, without a stack", async () => {
    const r = await sluice(["plan", "--dag", DAG, "--input", "1.5 GiB"], { stdoutFile: "/dev/full" });
    expect(r.code).toBe(74);
    expect(r.stderr).toContain("SLU8003 stdout: cannot write: ENOSPC");
    expect(r.stderr).not.toMatch(/internal error|    at /);
  });

  it("trains from a JSON Lines trace and saves the profiles (sluice train --traces x.jsonl --out DIR)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sluice-main-jsonl-"));
    try {
      // runtime 10 ms + 2 ms/MB, as a structured logger writes it: nested sizes, a boolean cold flag
      const lines = [1, 2, 4, 8].map((mb) => JSON.stringify({ function: "f", blob: { download: mb * 1e6 }, duration_ms: 10 + 2 * mb, is_cold: false }));
      writeFileSync(path.join(dir, "x.jsonl"), lines.join("\n") + "\n");
      const r = await sluice(["train", "--traces", path.join(dir, "x.jsonl"), "--out", path.join(dir, "out"), "--model", "linear", "--quiet"]);
      expect(r.stderr).toContain("4 of 4 rows kept");
      expect(r.code).toBe(0);
      expect(JSON.parse(readFileSync(path.join(dir, "out", "profiles.json"), "utf8")).metadata.traceRows).toBe(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    { args: ["plna"], code: 64, text: 'SLU1201 plna: unknown command; did you mean "plan"?' },
    { args: [], code: 64, text: "Usage: sluice <command>" },
    { args: ["plan", "--dag", "no/such.json", "--input", "1 GB"], code: 66, text: "SLU8001 no/such.json: cannot read the file" },
    { args: ["plan", "--dag", "package-lock.json", "--input", "1 GB"], code: 65, text: "SLU2" },
    { args: ["plan", "--dag", "README.md", "--input", "1 GB"], code: 65, text: "SLU8002 README.md: not valid JSON" },
    { args: ["simulate", "--dag", DAG, "--input", "1 GB", "--plot", "/proc/x.svg"], code: 74, text: "SLU8004 /proc/x.svg: not a place for an output: /proc is on procfs" },
  ])("exits $code for $args", async ({ args, code, text }) => {
    const r = await sluice(args);
    expect(r.stderr).toContain(text);
    expect(r.stderr).not.toMatch(/internal error|    at /);
    expect(r.code).toBe(code);
  });
});
