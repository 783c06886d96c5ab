/**
 * `sluice run`: plans a DAG (or reads a saved plan) and runs it on real backends — BullMQ workers
 * (started here with --start-workers, or already running `sluice worker`), an S3-API store and a
 * Redis cache — then prints predicted vs measured. `--start-servers` starts redis-server and s3rver
 * for the length of the command. Its flags and help are in ../flags/run-flags.ts.
 */
import { readFile } from "node:fs/promises";
import { validateDag } from "../../dag/validate-dag.js";
import type { ExecuteOptions } from "../../execute/execute-options.js";
import type { Plan } from "../../plan/types.js";
import { plan } from "../../plan/plan.js";
import { renderTimelineSvg } from "../../simulate/plot-timeline.js";
import { show, sluiceError } from "../../errors.js";
import { backendsFromFlags } from "../flags/backend-flags.js";
import { checkChoice, parseNumberFlag } from "../flags/cli-error.js";
import { formatRunSummary } from "../format/format-run-summary.js";
import { checkOutputTarget, writeOutputFile } from "../io/output-target.js";
import { parseCliArgs, readPlanRequest } from "../flags/plan-flags.js";
import { plotFormatOf, writePlot } from "../io/plot-file.js";
import { readInputBytes, readInputJson } from "../io/read-input.js";
import { parseFunctionFlags, RUN_FLAGS, RUN_HELP } from "../flags/run-flags.js";
import { appendTraceCsv, runTraceRows } from "../../execute/report/trace-rows.js";
import { TRACE_HEADER } from "../../workloads/trace-row.js";

export async function runRunCommand(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, RUN_FLAGS);
  if (values.help) {
    process.stdout.write(RUN_HELP);
    return 0;
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const format = checkChoice("--format", values.format ?? "table", ["table", "json"] as const);
  if (values.plot !== undefined) {
    plotFormatOf(values.plot);
    await checkOutputTarget(values.plot, "--plot", "file");
  }
  if (values.out !== undefined) await checkOutputTarget(values.out, "--out", "file");
  const inputFile = values["input-file"] !== undefined ? new Uint8Array(await readInputBytes(values["input-file"], "--input-file")) : undefined;
  const earlierTraces = values.traces === undefined ? undefined : await readEarlierTraces(values.traces);
  const functions = parseFunctionFlags(values.function ?? []);
  const saved = values.plan !== undefined ? ((await readInputJson(values.plan, "--plan")) as Plan) : undefined;
  const request = await readPlanRequest({ ...values, ...(saved !== undefined && values.input === undefined ? { input: String(saved.inputBytes) } : {}) });
  const planned: Plan = saved ?? (await plan(request.dag, request.input, request.options));
  const workersWanted = values["start-workers"] !== undefined ? parseNumberFlag("--start-workers", values["start-workers"]) : values["start-servers"] ? 2 : 0;
  const backends = await backendsFromFlags(values);
  let cluster: { stop(): Promise<void>; vms: readonly string[] } | undefined;
  try {
    const redisUrl = backends.config.redisUrl ?? process.env.SLUICE_REDIS_URL ?? "redis://127.0.0.1:6379";
    if (workersWanted > 0) {
      const { startLocalCluster } = await import("../../execute/worker/local-cluster.js");
      const slots = values.slots !== undefined ? parseNumberFlag("--slots", values.slots) : 1;
      cluster = await startLocalCluster({ redisUrl, count: Math.round(workersWanted), slots: Math.round(slots), prefix: `run-${process.pid}-` });
      process.stderr.write(`started ${cluster.vms.length} worker process(es): ${cluster.vms.join(", ")}\n`);
    }
    const { execute } = await import("../../execute/execute.js");
    const options: ExecuteOptions = {
      backends: backends.config,
      ...(request.options.platform !== undefined ? { platform: request.options.platform } : {}),
      ...(inputFile !== undefined ? { input: inputFile } : {}),
      ...(Object.keys(functions).length > 0 ? { functions } : {}),
      ...(cluster !== undefined ? { vms: cluster.vms } : {}),
      ...(values.nic !== undefined ? { shapeNic: parseNumberFlag("--nic", values.nic) } : values["shape-nic"] ? { shapeNic: true } : {}),
      ...(values.attempts !== undefined ? { attempts: Math.round(parseNumberFlag("--attempts", values.attempts)) } : {}),
    };
    const report = await execute(request.dag, planned, options);
    if (values.plot !== undefined) {
      const svg = renderTimelineSvg(report);
      await writePlot(values.plot, svg);
    }
    if (values.traces !== undefined) {
      const rows = runTraceRows(validateDag(request.dag), report);
      await writeOutputFile(values.traces, appendTraceCsv(earlierTraces, rows), "--traces");
      process.stderr.write(`appended ${rows.length} trace rows to ${values.traces}\n`);
    }
    if (values.out !== undefined) await writeOutputFile(values.out, JSON.stringify({ plan: planned, run: report }, null, 2) + "\n", "--out");
    if (format === "json") process.stdout.write(JSON.stringify({ plan: planned, run: report }, null, 2) + "\n");
    else process.stdout.write(formatRunSummary(planned, report, values.plot));
    return 0;
  } finally {
    await cluster?.stop();
    await backends.stop();
  }
}

/** The trace file's text so far (undefined when new), checked before the run so that a wrong file fails fast. */
async function readEarlierTraces(file: string): Promise<string | undefined> {
  await checkOutputTarget(file, "--traces", "file");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  try {
    appendTraceCsv(text, []);
  } catch (err) {
    throw sluiceError("cli.badFlagValue", { path: ["--traces"], expected: `a new file or a trace CSV from an earlier \`sluice run --traces\` (header ${TRACE_HEADER.join(",")})`, actual: show(text.split("\n", 1)[0]!.slice(0, 80)) }, { cause: err });
  }
  return text;
}
