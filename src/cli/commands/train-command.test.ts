import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadProfiles } from "../../profiles/store/load-profiles.js";
import { runTrainCommand } from "./train-command.js";
import { workflowTraceCsv } from "../../../test/support/workflow-traces.js";
import { csvToJsonl } from "../../../test/support/csv-to-jsonl.js";

let dir: string;

function capture() {
  const out: string[] = [], err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => (err.push(String(c)), true));
  return { out: () => out.join(""), err: () => err.join("") };
}

// 6 sizes, 2 runs each: runtime 10 + 2 ms/MB, memory 50 + 1 MB/MB, output = input.
const CSV = ["app,function,input_bytes,runtime_ms,memory_mb,output_bytes,fanout"]
  .concat([1, 2, 4, 8, 16, 32].flatMap((m) => [0.98, 1.02].map((k) => `t,f,${m * 1e6},${(10 + 2 * m) * k},${(50 + m) * k},${m * 1e6},1`)))
  .join("\n");

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-train-"));
  await writeFile(path.join(dir, "t.csv"), CSV + "\n");
  await writeFile(path.join(dir, "bad.csv"), CSV + "\nt,f,oops,1,1,1,1\n");
  await writeFile(path.join(dir, "export.csv"), "fn,took_s,dl,rss\nf,0.5,1,60\nf,1.0,2,70\nf,2.0,4,90\n");
  await writeFile(path.join(dir, "wf.csv"), workflowTraceCsv({ runs: 30, sizesMb: [1, 2, 4, 8, 16, 32], coldEvery: 5 }));
  // the same records as a structured logger writes them: nested blob/provider/billing objects, in a .jsonl and a .log
  await mkdir(path.join(dir, "json"));
  await writeFile(path.join(dir, "json", "wf.jsonl"), csvToJsonl(workflowTraceCsv({ runs: 30, sizesMb: [1, 2, 4, 8, 16, 32], coldEvery: 5 }), { nest: true }));
  await writeFile(path.join(dir, "json", "bad.log"), csvToJsonl(CSV) + "not json\n");
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe("sluice train", () => {
  it("trains, saves a loadable set, prints the metrics table, and plots", async () => {
    const io = capture();
    const out = path.join(dir, "models", "t");
    const plot = path.join(dir, "fit.svg");
    expect(await runTrainCommand(["--traces", path.join(dir, "t.csv"), "--out", out, "--model", "linear", "--plot", plot, "--quiet"])).toBe(0);
    expect(io.out()).toMatch(/function\s+segment\s+target\s+model \(as predict uses it; x in bytes\)\s+fit MAPE %\s+extrap\. MAPE %/);
    // 10 ms + 2 ms/MB with ±2% noise: the line predict uses, written out
    expect(io.out()).toMatch(/f\s+warm\s+runtimeMs\s+linear: (9\.9|10\.0)\d* \+ (1\.99|2\.00)\d*e-6·x/);
    expect(io.err()).toContain("12 of 12 rows kept");
    expect((await loadProfiles(out)).functionNames).toEqual(["f"]);
    expect(await readFile(plot, "utf8")).toMatch(/^<svg/);
  });

  it("maps an export's own columns with --column and --constant", async () => {
    const io = capture();
    const code = await runTrainCommand(["--traces", path.join(dir, "export.csv"), "--out", path.join(dir, "m2"), "--model", "linear", "--quiet",
      "--column", "runtimeMs=took_s:s", "--column", "inputBytes=dl:MiB", "--column", "memoryMb=rss", "--constant", "app=a", "--constant", "fanout=1", "--constant", "outputBytes=0"]);
    expect(code).toBe(0);
    // 0.5 s = 500 ms at 1 MiB, 2000 ms at 4 MiB: a line through both gives 500 ms/MiB
    const set = await loadProfiles(path.join(dir, "m2"));
    expect(set.profileFor("f", {})!.runtimeMs(3 * 1024 ** 2)).toBeCloseTo(1500, 0);
    // one function: counted in the singular
    expect(io.out()).toMatch(/\n1 function from 3 rows in \d+ ms/);
  });

  it("joins a Lambda log in the JSON log format (platform.report events) and skips a timed-out invocation", async () => {
    // 16 requests over 8 sizes: runtime 0.1 ms per KB, one timeout whose 3 s must not be trained on.
    const id = (k: number) => `5a6b7c8d-0000-4000-8000-0000000000${String(k).padStart(2, "0")}`;
    const log: string[] = [];
    const sizes = ["aws_request_id,run_id,func,in_bytes"];
    for (let k = 0; k < 16; k++) {
      const bytes = 1e6 * (1 + (k % 8));
      const timeout = k === 5;
      log.push(JSON.stringify({ time: "2024-05-01T10:00:00Z", type: "platform.start", record: { requestId: id(k) } }));
      log.push(JSON.stringify({ time: "2024-05-01T10:00:01Z", type: "platform.report", record: { requestId: id(k), metrics: { durationMs: timeout ? 3000 : bytes / 1e4, billedDurationMs: 1, memorySizeMB: 1024, maxMemoryUsedMB: 50 + bytes / 1e6 }, status: timeout ? "timeout" : "success" } }));
      sizes.push(`${id(k)},run-${k},map,${bytes}`);
    }
    await writeFile(path.join(dir, "lambda.json"), log.join("\n") + "\n");
    await writeFile(path.join(dir, "lambda-sizes.csv"), sizes.join("\n") + "\n");
    const io = capture();
    const out = path.join(dir, "lambda-model");
    expect(await runTrainCommand(["--report-log", path.join(dir, "lambda.json"), "--sizes", path.join(dir, "lambda-sizes.csv"), "--constant", "app=a", "--model", "linear", "--out", out, "--quiet"])).toBe(0);
    expect(io.err()).toContain("15 of 16 rows kept, skipped 1 (1 invocation timeout)");
    expect(io.err()).toContain("SLU5023");
    expect((await loadProfiles(out)).profileFor("map", {})!.runtimeMs(4e6)).toBeCloseTo(400, 3);
  });

  it("reports a malformed row with file and line (exit 65), or skips it with --skip-invalid", async () => {
    let io = capture();
    expect(await runTrainCommand(["--traces", path.join(dir, "bad.csv"), "--out", path.join(dir, "m3"), "--quiet"])).toBe(65);
    expect(io.err()).toContain("bad.csv.line 14.input_bytes");
    vi.restoreAllMocks();
    io = capture();
    expect(await runTrainCommand(["--traces", path.join(dir, "bad.csv"), "--out", path.join(dir, "m3"), "--model", "linear", "--skip-invalid", "--quiet"])).toBe(0);
    expect(io.err()).toContain("12 of 13 rows kept, skipped 1 (1 inputBytes: not a number)");
  });

  it.each([
    [[], "SLU1203 --traces: a required flag is missing"],
    [["--traces", "x.csv"], "SLU1203 --out: a required flag is missing; expected --out DIR"],
    [["--traces", "x.csv", "--out", "o", "--model", "spline"], "SLU1204 --model: bad flag value; expected one of auto, "],
    [["--traces", "x.csv", "--out", "o", "--folds", "1"], 'SLU1204 --folds: bad flag value; expected at least 2; got "1"'],
    [["--traces", "x.csv", "--out", "o", "--plot", "fit.jpg"], "SLU1018 --plot: unknown image format"],
    [["--report-log", "r.log", "--out", "o"], "SLU1205 --sizes"],
    [["--traces", "x.csv", "--out", "o", "--bogus"], "SLU1206 --bogus: unknown flag"],
    [["--traces", "x.csv", "--out", "o", "--id-column", "rid"], "SLU1205 --id-column"],
    [["--traces", "x.csv", "--out", "o", "--column", "runtimeMs=x:hours"], 'SLU1204 --column: bad flag value; expected a unit, one of B, KB, KiB, MB, MiB, GB, GiB, ns, us, ms, s; got "hours"'],
    [["--traces", "x.csv", "--out", "o", "--fanout-run", "rid"], "SLU1205 --fanout-run"],
    [["--traces", "x.csv", "--out", "o", "--next", "a=b"], "SLU1205 --next"],
  ])("rejects %j with a usage error naming the flag, exit 64", async (argv, message) => {
    const io = capture();
    expect(await runTrainCommand(argv)).toBe(64);
    expect(io.err()).toContain(message);
    expect(io.err()).toMatch(/\n {4}hint: /);
  });

  it.each([
    { out: "/proc/sluice-model", text: "SLU8004 /proc/sluice-model: not a place for an output: /proc is on procfs" },
    { out: "package.json", text: "SLU8004 package.json: not a place for an output: it exists and is not a folder" },
  ])("checks --out $out before reading or training (exit 74)", async ({ out, text }) => {
    const io = capture();
    // The traces file does not exist: an --out checked first fails with 74, not 66.
    expect(await runTrainCommand(["--traces", "no/such.csv", "--out", out, "--quiet"])).toBe(74);
    expect(io.err()).toContain(text);
  });

  it("prints help", async () => {
    const io = capture();
    expect(await runTrainCommand(["--help"])).toBe(0);
    expect(io.out()).toContain("Usage: sluice train");
  });

  it("trains a published-shape workflow trace: derived runtime, fanout per run, cold apart, a --where filter", async () => {
    const io = capture();
    const out = path.join(dir, "wf-model");
    const code = await runTrainCommand(["--traces", path.join(dir, "wf.csv"), "--out", out, "--quiet", "--model", "linear",
      "--derive", "runtimeMs=(end - start) * 1000", "--fanout-run", "request_id", "--next", "split=map", "--next", "map=reduce", "--where", 'func != "nothing"']);
    expect(code).toBe(0);
    expect(io.err()).toMatch(/fanout\s+\d+\s+.*counted once per run/);
    const set = await loadProfiles(out);
    expect(set.segments!("map")).toEqual(["warm", "cold"]);
    // a 16 MB run has ⌈16 / 8⌉ = 2 maps: the split's fanout at 16 MB of stage input
    expect(set.profileFor("split", {})!.fanout(16e6)).toBeCloseTo(2, 0);
  });

  it("trains the same runtimes from the published trace with no mapping at all: the µs duration column read as µs", async () => {
    const io = capture();
    const flags = ["--quiet", "--model", "linear", "--fanout-run", "request_id", "--next", "split=map", "--next", "map=reduce"];
    expect(await runTrainCommand(["--traces", path.join(dir, "wf.csv"), "--out", path.join(dir, "wf-bare"), ...flags])).toBe(0);
    expect(io.err()).toContain("runtimeMs←provider.execution_duration in µs, as end − start (epoch s) shows ×0.001");
    expect(await runTrainCommand(["--traces", path.join(dir, "wf.csv"), "--out", path.join(dir, "wf-derived"), ...flags, "--derive", "runtimeMs=(end - start) * 1000"])).toBe(0);
    const bare = await loadProfiles(path.join(dir, "wf-bare"));
    const derived = await loadProfiles(path.join(dir, "wf-derived"));
    // split: 50 + 2 ms/MB; the two sources differ only by the generator's rounding of end − start
    expect(bare.profileFor("split", {})!.runtimeMs(16e6)).toBeCloseTo(82, -1);
    expect(bare.profileFor("split", {})!.runtimeMs(16e6) / derived.profileFor("split", {})!.runtimeMs(16e6)).toBeCloseTo(1, 2);
  });

  it("a dry run on the published trace with no flags says how to count its fanout per run", async () => {
    const io = capture();
    expect(await runTrainCommand(["--traces", path.join(dir, "wf.csv"), "--dry-run", "--quiet"])).toBe(0);
    expect(io.err()).toContain("  hint: fanout: if request_id names a workflow run, count each function's next-stage invocations per run: --fanout-run request_id with --next F=G or --dag FILE");
  });

  it("trains from JSON Lines exactly what it trains from the same records as CSV", async () => {
    const flags = ["--quiet", "--model", "linear", "--derive", "runtimeMs=(end - start) * 1000", "--fanout-run", "request_id", "--next", "split=map", "--next", "map=reduce"];
    const io = capture();
    expect(await runTrainCommand(["--traces", path.join(dir, "json", "wf.jsonl"), "--out", path.join(dir, "wf-json"), ...flags])).toBe(0);
    expect(io.err()).toContain("inputBytes←blob.download"); // the nested key, dotted
    expect(await runTrainCommand(["--traces", path.join(dir, "wf.csv"), "--out", path.join(dir, "wf-csv"), ...flags])).toBe(0);
    const saved = async (d: string) => {
      const data = JSON.parse(await readFile(path.join(dir, d, "profiles.json"), "utf8")) as { metadata: Record<string, unknown>; functions: unknown };
      return { functions: data.functions, rows: data.metadata.traceRows, sha: data.metadata.tracesSha256 };
    };
    expect(await saved("wf-json")).toEqual(await saved("wf-csv"));
  });

  it("names the line of a JSON trace that is not an object (exit 65), or counts it with --skip-invalid", async () => {
    let io = capture();
    const file = path.join(dir, "json", "bad.log"); // no JSON extension: recognised by its first character
    expect(await runTrainCommand(["--traces", file, "--out", path.join(dir, "m6"), "--quiet"])).toBe(65);
    expect(io.err()).toContain("SLU5030 " + file + ".line 13: not JSON");
    vi.restoreAllMocks();
    io = capture();
    expect(await runTrainCommand(["--traces", file, "--out", path.join(dir, "m6"), "--model", "linear", "--skip-invalid", "--quiet"])).toBe(0);
    expect(io.err()).toContain("12 of 13 rows kept, skipped 1 (1 not JSON)");
  });

  it("never trains a model on nothing: a --where that keeps no row is an error (exit 65)", async () => {
    const io = capture();
    expect(await runTrainCommand(["--traces", path.join(dir, "wf.csv"), "--out", path.join(dir, "m5"), "--quiet", "--where", "blob.download < 0"])).toBe(65);
    expect(io.err()).toMatch(/filtered by --where/);
    expect(io.err()).toContain("no trace records");
  });

  it("names the CLI flag when the mapping does not fit the file (exit 65)", async () => {
    const io = capture();
    expect(await runTrainCommand(["--traces", path.join(dir, "wf.csv"), "--out", path.join(dir, "m4"), "--quiet", "--derive", "runtimeMs=(stop - start) * 1000"])).toBe(65);
    expect(io.err()).toContain("--derive runtimeMs=…");
    expect(io.err()).toContain('"stop", named in the expression, is not in the header');
    expect(io.err()).not.toContain("columns option");
  });
});

describe("sluice train --dry-run", () => {
  it("reads and maps the traces, prints each function's rows, cold starts, sizes and memory settings, and writes nothing", async () => {
    const io = capture();
    const out = path.join(dir, "dry-model");
    expect(await runTrainCommand(["--traces", path.join(dir, "wf.csv"), "--derive", "runtimeMs=(end - start) * 1000", "--dry-run", "--out", out])).toBe(0);
    expect(io.err()).toMatch(/wf\.csv: \d+ of \d+ rows kept/);
    expect(io.out()).toMatch(/function\s+rows\s+cold\s+sizes\s+input range\s+memory settings/);
    // 30 runs, every 5th cold, roots of 1–32 MB: the reduce stage ran once a run
    expect(io.out()).toMatch(/\nreduce\s+30\s+6\s+6\s+1\.00 MB – 32\.0 MB\s+1024 MB\n/);
    expect(io.out()).toMatch(/dry run: \d+ rows of 3 functions read; nothing trained or written/);
    await expect(readFile(path.join(out, "profiles.json"))).rejects.toThrow();
  });

  it("needs no --out, and a trace that keeps no row fails as training would (exit 65)", async () => {
    const io = capture();
    expect(await runTrainCommand(["--traces", path.join(dir, "t.csv"), "--dry-run"])).toBe(0);
    expect(io.out()).toContain("dry run: 12 rows of 1 function read");
    expect(await runTrainCommand(["--traces", path.join(dir, "t.csv"), "--where", "runtime_ms < 0", "--dry-run"])).toBe(65);
  });
});
