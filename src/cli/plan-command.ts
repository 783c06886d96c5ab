/** `sluice plan`: plans a DAG file and prints the plan as a table, JSON or DOT. */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { plan } from "../plan/plan.js";
import type { Objective } from "../model/types.js";
import { TRANSFER_MODES, type TransferMode } from "../platform/schema.js";
import { formatPlanDot } from "./format-plan-dot.js";
import { formatPlanTable } from "./format-plan-table.js";
import { loadProfilesOption } from "./load-profiles-option.js";
import { CliUsageError, parseNumberFlag } from "./cli-error.js";

export const PLAN_HELP = `Usage: sluice plan --dag FILE --input SIZE [options]

Plans how data moves between the stages of the DAG in FILE at the given input size.

Options:
  --dag FILE          DAG JSON: {"name", "stages": [{"id", "function", "instances"?}], "edges": [{"from", "to", "pattern"}]}
  --input SIZE        input size: bytes or e.g. "10 GiB", "1.5 GB"
  --budget USD        cost ceiling (objective latency)
  --deadline MS       makespan ceiling (objective cost)
  --objective NAME    latency (default) | cost | perf-per-dollar
  --modes LIST        allowed modes, comma-separated: ${TRANSFER_MODES.join(",")}
  --no-splits         never split an edge across modes
  --solver NAME       auto (default) | exact | heuristic | dp | brute-force
  --time-limit MS     search time limit (default 10000)
  --quantile Q        plan memory and output size at this quantile (e.g. 0.95)
  --profiles DIR      trained profiles (a folder under models/); default: bundled profiles
  --platform FILE     JSON platform overrides merged over the AWS-like defaults
  --format FMT        table (default) | json | dot
  -h, --help          this help
`;

function parsePlanArgs(argv: string[]) {
  try {
    return parseArgs({
    args: argv,
    options: {
      dag: { type: "string" },
      input: { type: "string" },
      budget: { type: "string" },
      deadline: { type: "string" },
      objective: { type: "string" },
      modes: { type: "string" },
      "no-splits": { type: "boolean" },
      solver: { type: "string" },
      "time-limit": { type: "string" },
      quantile: { type: "string" },
      profiles: { type: "string" },
      platform: { type: "string" },
      format: { type: "string", default: "table" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    });
  } catch (err) {
    throw new CliUsageError(err instanceof Error ? err.message : String(err));
  }
}

export async function runPlanCommand(argv: string[]): Promise<number> {
  const { values } = parsePlanArgs(argv);
  if (values.help) {
    process.stdout.write(PLAN_HELP);
    return 0;
  }
  if (values.dag === undefined) throw new CliUsageError("--dag FILE is required");
  if (values.input === undefined) throw new CliUsageError("--input SIZE is required");
  const format = values.format;
  if (format !== "table" && format !== "json" && format !== "dot") throw new CliUsageError(`--format must be table, json or dot, got "${format}"`);
  const objective = values.objective;
  if (objective !== undefined && !["latency", "cost", "perf-per-dollar"].includes(objective)) throw new CliUsageError(`--objective must be latency, cost or perf-per-dollar, got "${objective}"`);
  const modes = values.modes?.split(",").map((m) => m.trim());
  for (const m of modes ?? []) if (!(TRANSFER_MODES as readonly string[]).includes(m)) throw new CliUsageError(`--modes: unknown mode "${m}" (expected ${TRANSFER_MODES.join(", ")})`);
  const dag = JSON.parse(await readFile(values.dag, "utf8")) as unknown;
  const platform = values.platform === undefined ? undefined : (JSON.parse(await readFile(values.platform, "utf8")) as object);
  const profiles = values.profiles === undefined ? undefined : await loadProfilesOption(values.profiles);
  const result = await plan(dag, /^\d+$/.test(values.input) ? Number(values.input) : values.input, {
    ...(values.budget !== undefined ? { budgetUsd: parseNumberFlag("--budget", values.budget) } : {}),
    ...(values.deadline !== undefined ? { deadlineMs: parseNumberFlag("--deadline", values.deadline) } : {}),
    ...(objective !== undefined ? { objective: objective as Objective } : {}),
    ...(modes !== undefined ? { modes: modes as TransferMode[] } : {}),
    ...(values["no-splits"] ? { allowSplits: false } : {}),
    ...(values.solver !== undefined ? { solver: values.solver as "auto" } : {}),
    ...(values["time-limit"] !== undefined ? { timeLimitMs: parseNumberFlag("--time-limit", values["time-limit"]) } : {}),
    ...(values.quantile !== undefined ? { quantile: parseNumberFlag("--quantile", values.quantile) } : {}),
    ...(profiles !== undefined ? { profiles } : {}),
    ...(platform !== undefined ? { platform } : {}),
  });
  process.stdout.write(format === "json" ? JSON.stringify(result, null, 2) + "\n" : format === "dot" ? formatPlanDot(result) : formatPlanTable(result) + "\n");
  return result.status === "ok" ? 0 : 3;
}
