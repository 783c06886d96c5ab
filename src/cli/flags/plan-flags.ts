/**
 * The flags that describe a planning request — shared by `sluice plan` and `sluice simulate` —
 * their help text, and turning them into plan() arguments (reading the DAG, platform and profile
 * files). Bad values are catalogued usage errors naming the flag (exit 64).
 */
import type { ParseArgsConfig } from "node:util";
import type { Objective } from "../../model/types.js";
import type { PlanOptions } from "../../plan/options.js";
import { TRANSFER_MODES, type PlatformOverrides } from "../../platform/schema.js";
import type { SolverName } from "../../solve/solver.js";
import { show, sluiceError } from "../../errors.js";
import { checkChoice, missingFlag, parseNumberFlag, parseWholeFlag } from "./cli-error.js";
import { loadProfilesOption } from "./load-profiles-option.js";
import { parseCliArgs, type ParsedValues } from "./parse-cli-args.js";
import { readInputJson } from "../io/read-input.js";
import type { FallbackProfile } from "../../plan/fallback-profiles.js";
import { parseNameFlags } from "./count-flags.js";

export { parseCliArgs, type ParsedValues };

export const PLAN_FLAGS = {
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
  "memory-sizes": { type: "string" },
  "cold-fraction": { type: "string" },
  profiles: { type: "string" },
  platform: { type: "string" },
  timings: { type: "boolean" },
  "max-stages": { type: "string" },
  "max-edges": { type: "string" },
  "max-instances": { type: "string" },
  "fallback-profile": { type: "string" },
  fallback: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

export const PLAN_FLAGS_HELP = `  --dag FILE          DAG JSON: {"name", "stages": [{"id", "function", "instances"?, "memoryMb"?, "inputFraction"?}], "edges": [{"from", "to", "pattern"}]};
                      "instances": "auto" or {"min", "max"} leaves a count for plan() to choose
  --input SIZE        input size: bytes or e.g. "10 GiB", "1.5 GB"
  --budget USD        cost ceiling (objective latency)
  --deadline MS       makespan ceiling (objective cost)
  --objective NAME    latency (default) | cost | perf-per-dollar
  --modes LIST        allowed modes, comma-separated: ${TRANSFER_MODES.join(",")}
  --no-splits         never split an edge across modes
  --solver NAME       auto (default) | exact | heuristic | dp | brute-force
  --time-limit MS     search time limit (default 10000)
  --quantile Q        plan memory and output size at this quantile (e.g. 0.95)
  --memory-sizes LIST memory sizes (MB) a stage may be configured with, e.g. 512,1024,1769,3008:
                      each stage gets one (the smallest holding its peak, larger where it pays)
  --cold-fraction F   share of invocations that start cold (default 0), for cold-start profiles
  --profiles DIR      trained profiles (a folder under models/); default: bundled profiles
  --platform FILE     JSON platform overrides merged over the AWS-like defaults
  --timings           put each planning phase's wall-clock time in the plan (off: same input, same bytes)
  --max-stages N      size limits (defaults 100000 stages, 400000 edges, 100000 instances a stage)
  --max-edges N
  --max-instances N
  --fallback-profile P  for functions without a profile: "default" (a stated placeholder,
                      listed in the plan's warnings) or a known function whose profile to borrow
  --fallback FN=P     the same for one function (repeatable)`;

function parseFraction(flag: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === "" || !(n >= 0 && n <= 1)) throw sluiceError("cli.badFlagValue", { path: [flag], expected: "a number in [0, 1]", actual: show(raw) });
  return n;
}

const OBJECTIVES: readonly Objective[] = ["latency", "cost", "perf-per-dollar"];
const SOLVERS: readonly SolverName[] = ["auto", "exact", "heuristic", "dp", "brute-force"];

type PlanFlagValues = ParsedValues<typeof PLAN_FLAGS>;

export interface PlanRequest {
  readonly dag: unknown;
  readonly input: number | string;
  readonly options: PlanOptions;
}

export async function readPlanRequest(values: PlanFlagValues): Promise<PlanRequest> {
  if (values.dag === undefined) missingFlag("--dag", "--dag FILE, a DAG JSON such as examples/dags/mapreduce-sort.json");
  if (values.input === undefined) missingFlag("--input", '--input SIZE, e.g. --input "10 GiB"');
  const objective = values.objective === undefined ? undefined : checkChoice("--objective", values.objective, OBJECTIVES);
  const solver = values.solver === undefined ? undefined : checkChoice("--solver", values.solver, SOLVERS);
  const modes = values.modes?.split(",").map((m) => checkChoice("--modes", m.trim(), TRANSFER_MODES));
  const limitEntries = ([["max-stages", "maxStages"], ["max-edges", "maxEdges"], ["max-instances", "maxInstances"]] as const).flatMap(([flag, key]) =>
    values[flag] === undefined ? [] : [[key, parseWholeFlag(`--${flag}`, values[flag]!)] as const],
  );
  const limits = limitEntries.length === 0 ? undefined : Object.fromEntries(limitEntries);
  const options: PlanOptions = {
    ...(values.budget !== undefined ? { budgetUsd: parseNumberFlag("--budget", values.budget) } : {}),
    ...(values.deadline !== undefined ? { deadlineMs: parseNumberFlag("--deadline", values.deadline) } : {}),
    ...(objective !== undefined ? { objective } : {}),
    ...(modes !== undefined ? { modes } : {}),
    ...(values["no-splits"] === true ? { allowSplits: false } : {}),
    ...(solver !== undefined ? { solver } : {}),
    ...(values["time-limit"] !== undefined ? { timeLimitMs: parseNumberFlag("--time-limit", values["time-limit"]) } : {}),
    ...(values.quantile !== undefined ? { quantile: parseNumberFlag("--quantile", values.quantile) } : {}),
    ...(values["memory-sizes"] !== undefined ? { memorySizes: values["memory-sizes"].split(",").map((m) => parseNumberFlag("--memory-sizes", m.trim())) } : {}),
    ...(values["cold-fraction"] !== undefined ? { coldFraction: parseFraction("--cold-fraction", values["cold-fraction"]) } : {}),
    ...(values.timings === true ? { timings: true } : {}),
    ...(limits === undefined ? {} : { limits }),
    ...(values["fallback-profile"] !== undefined ? { fallbackProfile: fallbackOf(values["fallback-profile"]) } : {}),
    ...(values.fallback !== undefined ? { fallbackProfiles: Object.fromEntries(Object.entries(parseNameFlags("--fallback", values.fallback)).map(([fn, p]) => [fn, fallbackOf(p)])) } : {}),
  };
  const dag = await readInputJson(values.dag, "--dag");
  const platform = values.platform === undefined ? undefined : await readPlatformFile(values.platform);
  const profiles = values.profiles === undefined ? undefined : await loadProfilesOption(values.profiles);
  const input = /^\d+$/.test(values.input.trim()) ? Number(values.input) : values.input;
  return { dag, input, options: { ...options, ...(platform !== undefined ? { platform } : {}), ...(profiles !== undefined ? { profiles } : {}) } };
}

/** `--platform FILE`, checked against its JSON Schema (the schema modules load only when the flag is given). */
async function readPlatformFile(file: string): Promise<PlatformOverrides> {
  const [{ parseWith }, { platformOverridesSchema }] = await Promise.all([import("../../interop/schemas/parse-with.js"), import("../../interop/schemas/platform-overrides-schema.js")]);
  return parseWith(platformOverridesSchema, await readInputJson(file, "--platform"), `Invalid platform file ${file}`) as PlatformOverrides;
}

/** `default` is the stated placeholder profile; any other name borrows that function's profile. */
function fallbackOf(name: string): FallbackProfile {
  return name === "default" ? "default" : { like: name };
}
