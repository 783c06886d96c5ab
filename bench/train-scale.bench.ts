/**
 * Training at scale: `sluice train` on a generated trace of 1,000,000 invocations in the shape of
 * published per-invocation workflow traces (func, start, end, is_cold, request_id, blob.download,
 * blob.upload, provider.execution_duration, max_mem_used, billing.mem; test/support/workflow-traces.ts:
 * map-reduce runs, every 10th run cold, memory settings 512/1024/2048 MB), with the flags a user of
 * such a trace needs: runtime derived from end − start, fanout counted per run. Measures wall time, CPU time and
 * peak resident memory of the CLI process (target: ≤ 60 s within 1 GB on this 2-core machine), the
 * size of profiles.json per function (target ≤ 100 KB) and of the --plot SVG (target ≤ 200 KB).
 * The same invocations are then trained from the two other shapes users have them in, side by side in
 * the same run: JSON Lines (one object a line, blob sizes nested) with the same flags, and a Lambda
 * log in the JSON log format (platform.start and platform.report events, one Lambda request id per
 * invocation) joined with a sizes CSV (`--report-log --sizes`), both streamed; the CSV gzip-compressed;
 * and a Parquet file (hyparquet-writer, doubles and strings, snappy, one row group of up to
 * 1,048,576 rows as pyarrow writes by default: the reader's worst case for memory).
 * Writes the "Training at scale" section of bench/RESULTS.md.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { parquetWriteBuffer } from "hyparquet-writer";
import { createInterface } from "node:readline";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { workflowTraceLines } from "../test/support/workflow-traces.js";
import { machineLine } from "./machine.js";
import { writeResultsSection } from "./write-section.js";

const ROWS = Number(process.env.TRAIN_SCALE_ROWS ?? 1_000_000);

async function writeTrace(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  let n = -1; // the header
  // More runs than needed (a run has ≥ 3 rows); the loop stops at the first whole run past `rows`.
  for (const line of workflowTraceLines({ runs: rows, sizesMb: [1, 2, 4, 8, 16, 24, 32], coldEvery: 10, memorySettingsMb: [512, 1024, 2048], seed: 3 })) {
    if (n >= rows && line.startsWith("split,")) break; // whole runs only
    if (!out.write(line + "\n")) await once(out, "drain");
    n++;
  }
  out.end();
  await once(out, "finish");
  return n;
}

/** The CSV trace written again as JSON Lines, and as a Lambda JSON-format log plus a sizes CSV. */
async function writeOtherShapes(csv: string, jsonl: string, log: string, sizes: string): Promise<void> {
  const outs = [jsonl, log, sizes].map((f) => createWriteStream(f));
  const put = async (k: number, line: string) => {
    if (!outs[k]!.write(line + "\n")) await once(outs[k]!, "drain");
  };
  await put(2, "aws_request_id,run_id,func,blob.download,blob.upload");
  const lines = createInterface({ input: createReadStream(csv), crlfDelay: Infinity });
  let n = -1;
  for await (const line of lines) {
    if (++n === 0) continue;
    const [func, start, end, cold, run, down, up, , mem, setting] = line.split(",");
    await put(0, JSON.stringify({ func, start: Number(start), end: Number(end), is_cold: cold === "True", request_id: run, blob: { download: Number(down), upload: Number(up) }, max_mem_used: Number(mem), billing: { mem: Number(setting) } }));
    const id = `inv-${String(n).padStart(8, "0")}`;
    const durationMs = Math.round((Number(end) - Number(start)) * 1e6) / 1e3;
    await put(1, JSON.stringify({ time: "2024-05-01T10:00:00.000Z", type: "platform.start", record: { requestId: id, version: "$LATEST" } }));
    await put(1, JSON.stringify({ time: "2024-05-01T10:00:01.000Z", type: "platform.report", record: { requestId: id, metrics: { durationMs, billedDurationMs: Math.ceil(durationMs), memorySizeMB: Number(setting), maxMemoryUsedMB: Math.round(Number(mem)), ...(cold === "True" ? { initDurationMs: 180.5 } : {}) }, status: "success" } }));
    await put(2, `${id},${run},${func},${down},${up}`);
  }
  for (const o of outs) o.end();
  await Promise.all(outs.map((o) => once(o, "finish")));
}

/** Rows per row group of the Parquet file: pyarrow's default maximum (its writers' common case). */
const PARQUET_ROW_GROUP = 1_048_576;

/** The CSV trace gzip-compressed, and as Parquet (numbers as doubles, text as strings). */
async function writeCompressedShapes(csv: string, gz: string, parquet: string): Promise<void> {
  await pipeline(createReadStream(csv), createGzip(), createWriteStream(gz));
  const columns: string[][] = [];
  let header: string[] = [];
  for await (const line of createInterface({ input: createReadStream(csv), crlfDelay: Infinity })) {
    const cells = line.split(",");
    if (header.length === 0) {
      header = cells;
      for (const _ of cells) columns.push([]);
    } else cells.forEach((c, j) => columns[j]!.push(c));
  }
  const text = new Set(["func", "is_cold", "request_id"]);
  const columnData = header.map((name, j) => (text.has(name) ? { name, type: "STRING" as const, data: columns[j]! } : { name, type: "DOUBLE" as const, data: Float64Array.from(columns[j]!, Number) }));
  writeFileSync(parquet, new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: PARQUET_ROW_GROUP })));
}

interface Measured {
  readonly wallS: number;
  readonly cpuS: number;
  readonly rssMb: number;
  readonly trainMs: string | undefined;
  readonly stdout: string;
}

function trainCli(args: readonly string[]): Measured {
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
  const full = ["--import", "tsx", "src/cli/main.ts", "train", ...args];
  const t0 = performance.now();
  const run = timeBin === undefined ? spawnSync(process.execPath, full, { encoding: "utf8" }) : spawnSync(timeBin, ["-f", "maxrss_kb=%M user_s=%U sys_s=%S", process.execPath, ...full], { encoding: "utf8" });
  const wallS = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`sluice train failed (${run.status}): ${run.stderr}`);
  return {
    wallS,
    rssMb: Number(/maxrss_kb=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1024,
    cpuS: Number(/user_s=([\d.]+)/.exec(run.stderr)?.[1] ?? Number.NaN) + Number(/sys_s=([\d.]+)/.exec(run.stderr)?.[1] ?? Number.NaN),
    trainMs: /in (\d+) ms/.exec(run.stdout)?.[1],
    stdout: run.stdout,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sluice-train-scale-"));
  try {
    const trace = path.join(dir, "trace.csv");
    const rows = await writeTrace(trace, ROWS);
    const traceMb = statSync(trace).size / 1e6;
    const out = path.join(dir, "model");
    const plot = path.join(dir, "fit.svg");
    const flags = ["--quiet", "--derive", "runtimeMs=(end - start) * 1000", "--fanout-run", "request_id", "--next", "split=map", "--next", "map=reduce"];
    const load = os.loadavg()[0]!;
    const { wallS, rssMb, cpuS, trainMs } = trainCli(["--traces", trace, "--out", out, "--plot", plot, ...flags]);
    const profiles = JSON.parse(readFileSync(path.join(out, "profiles.json"), "utf8")) as { functions: Record<string, unknown> };
    const fnCount = Object.keys(profiles.functions).length;
    const jsonKb = statSync(path.join(out, "profiles.json")).size / 1024;
    const plotKb = statSync(plot).size / 1024;
    // The same invocations in the other shapes, trained side by side in this run (no plot).
    const jsonl = path.join(dir, "trace.jsonl"), log = path.join(dir, "lambda.jsonl"), sizes = path.join(dir, "sizes.csv");
    await writeOtherShapes(trace, jsonl, log, sizes);
    const gz = path.join(dir, "trace.csv.gz"), parquet = path.join(dir, "trace.parquet");
    await writeCompressedShapes(trace, gz, parquet);
    const shapes = [
      { name: "the CSV again, without --plot", file: `${traceMb.toFixed(0)} MB`, m: trainCli(["--traces", trace, "--out", path.join(dir, "m-csv"), ...flags]) },
      { name: "JSON Lines (`--traces trace.jsonl`, same flags)", file: `${(statSync(jsonl).size / 1e6).toFixed(0)} MB`, m: trainCli(["--traces", jsonl, "--out", path.join(dir, "m-jsonl"), ...flags]) },
      { name: "the CSV gzip-compressed (`--traces trace.csv.gz`, same flags)", file: `${(statSync(gz).size / 1e6).toFixed(0)} MB`, m: trainCli(["--traces", gz, "--out", path.join(dir, "m-gz"), ...flags]) },
      { name: `Parquet (\`--traces trace.parquet\`, same flags; snappy, row groups of ${PARQUET_ROW_GROUP.toLocaleString("en")} rows)`, file: `${(statSync(parquet).size / 1e6).toFixed(0)} MB`, m: trainCli(["--traces", parquet, "--out", path.join(dir, "m-parquet"), ...flags]) },
      {
        name: "Lambda JSON-format log + sizes CSV (`--report-log lambda.jsonl --sizes sizes.csv --id-column aws_request_id --fanout-run run_id`)",
        file: `${(statSync(log).size / 1e6).toFixed(0)} MB + ${(statSync(sizes).size / 1e6).toFixed(0)} MB`,
        m: trainCli(["--report-log", log, "--sizes", sizes, "--id-column", "aws_request_id", "--out", path.join(dir, "m-lambda"), "--quiet", "--fanout-run", "run_id", "--next", "split=map", "--next", "map=reduce"]),
      },
    ];
    const rowsOf = (m: Measured) => /from (\d+) rows/.exec(m.stdout)?.[1];
    const body = [
      machineLine("npm run bench:train-scale"),
      "",
      `A generated trace of ${rows.toLocaleString("en")} invocations (${traceMb.toFixed(0)} MB of CSV) in the published per-invocation workflow shape (map-reduce runs of 1–32 MB, every 10th run cold, memory settings 512/1024/2048 MB), trained with \`sluice train --traces trace.csv --derive 'runtimeMs=(end - start) * 1000' --fanout-run request_id --next split=map --next map=reduce --plot fit.svg\` (run with \`node --import tsx\`, so TypeScript is compiled on the fly).`,
      "",
      "| measure | figure | target |",
      "|---|---:|---|",
      `| wall time, end to end (read, train ${fnCount} functions × warm/cold, save, plot) | **${wallS.toFixed(1)} s** | ≤ 60 s |`,
      `| CPU time of the CLI process, user + system (the work runs on one thread, so a quiet run's wall time should be near this: an estimate, not a measurement) | ${Number.isNaN(cpuS) ? "not measured (no /usr/bin/time)" : `${cpuS.toFixed(1)} s`} | |`,
      `| of which training (trainProfiles, as the CLI reports it; wall time) | ${trainMs === undefined ? "–" : `${(Number(trainMs) / 1000).toFixed(1)} s`} | |`,
      `| peak resident memory of the CLI process | **${Number.isNaN(rssMb) ? "not measured (no /usr/bin/time)" : `${rssMb.toFixed(0)} MB`}** | ≤ 1 GB |`,
      `| profiles.json | ${jsonKb.toFixed(1)} KB for ${fnCount} functions (${(jsonKb / fnCount).toFixed(1)} KB per function) | ≤ 100 KB per function |`,
      `| --plot SVG | ${plotKb.toFixed(0)} KB | ≤ 200 KB |`,
      "",
      `The same ${rows.toLocaleString("en")} invocations from the other shapes users have them in, each trained by its own CLI process, one after the other in this run (no --plot; the generator writes the Lambda log with one platform.start and one platform.report event per invocation, memory rounded to whole MB as Lambda reports it):`,
      "",
      "| input | file size | rows trained | wall time | CPU time | peak resident memory |",
      "|---|---:|---:|---:|---:|---:|",
      ...shapes.map(({ name, file, m }) => `| ${name} | ${file} | ${Number(rowsOf(m) ?? Number.NaN).toLocaleString("en")} | ${m.wallS.toFixed(1)} s | ${Number.isNaN(m.cpuS) ? "–" : `${m.cpuS.toFixed(1)} s`} | ${Number.isNaN(m.rssMb) ? "–" : `${m.rssMb.toFixed(0)} MB`} |`),
      "",
      `1-minute load average ${load.toFixed(2)} at the start and ${os.loadavg()[0]!.toFixed(2)} at the end, on ${os.cpus().length} cores: the machine is shared, and a load above 2 inflates the wall time.`,
    ].join("\n");
    writeResultsSection("Training at scale", body);
    process.stdout.write(body + "\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
