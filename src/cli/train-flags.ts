/**
 * `sluice train`'s flags, their help, and turning them into the trace mapping (the same object
 * the API takes, validated by the same schema) and training options. Bad flags are one-line
 * usage errors naming the flag; mapping problems found against a file's header are InputErrors
 * that name the flag too (the readers are told the mapping came from the CLI).
 */
import { readFile } from "node:fs/promises";
import { dagInputSchema } from "../dag/schema.js";
import { MODEL_CHOICES } from "../profiles/regressors/types.js";
import { fieldNamed, type ColumnSpec, type TraceMapping } from "../traces/mapping-schema.js";
import { TRACE_FIELDS } from "../traces/trace-record.js";
import { VALUE_UNITS, type ValueUnit } from "../traces/units.js";
import { show, sluiceError } from "../errors.js";

export const TRAIN_FLAGS = {
  traces: { type: "string", multiple: true },
  "report-log": { type: "string" },
  sizes: { type: "string" },
  column: { type: "string", multiple: true },
  derive: { type: "string", multiple: true },
  constant: { type: "string", multiple: true },
  where: { type: "string" },
  "fanout-run": { type: "string" },
  next: { type: "string", multiple: true },
  dag: { type: "string" },
  "id-column": { type: "string" },
  "skip-invalid": { type: "boolean" },
  model: { type: "string" },
  folds: { type: "string" },
  seed: { type: "string" },
  backend: { type: "string" },
  out: { type: "string" },
  plot: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export const TRAIN_HELP = `Usage: sluice train --traces FILE.csv [--traces …] --out DIR [options]
       sluice train --report-log LOG --sizes SIZES.csv --out DIR [options]

Trains per-function profiles (runtime, peak memory, output size, fanout as functions of input
bytes; warm and cold invocations apart; runtime also of the memory setting when traced at several)
from traces, and saves them to DIR (profiles.json + weights.bin). Files are streamed: millions of
rows train in bounded memory.

Input:
  --traces FILE        trace CSV, one invocation a row (repeatable). Headers are matched in any
                       style (input_bytes, inputBytes, blob.download, max-mem-used) and units read
                       from suffixes (duration_ms, upload_kib, max_mem_used_mb)
  --report-log FILE    AWS Lambda log export with REPORT lines (needs --sizes)
  --sizes FILE         CSV of request sizes joined with the REPORT lines by request id
  --id-column COL      the request-id column of --sizes (default: the column matching most REPORT ids)
  --column F=COL[:U]   read field F from column COL in unit U (${VALUE_UNITS.join(" ")}),
                       e.g. --column runtimeMs=provider.execution_duration:us (repeatable)
  --derive F=EXPR[:U]  compute field F from columns, e.g. --derive 'runtimeMs=(end - start) * 1000'
                       or --derive 'inputBytes=blob.download + extra_bytes' (repeatable)
  --constant F=VALUE   a fixed value for a field missing from the file, e.g. --constant app=video
  --where EXPR         keep only rows where EXPR holds, e.g. --where 'is_cold == 0 and func != "warmup"'
  --fanout-run COL     count fanout per workflow run: COL is the run id; with --next or --dag
  --next F=G[,H]       function F's next stage(s) is G (repeatable); a function without one is a sink
  --dag FILE           take every function's next stages from a DAG JSON's edges
  --skip-invalid       count and skip bad rows and cells instead of stopping at the first

Training:
  --model M            auto (validated on unseen sizes, default) | ${MODEL_CHOICES.filter((m) => m !== "auto").join(" | ")}
  --folds N            cross-validation folds (default 5)
  --seed N             MLP seed (default 7)
  --backend B          auto | tensorflow | wasm | cpu (MLP only; default auto)

Output:
  --out DIR            folder for the profile set (required), e.g. models/mapreduce-sort
  --plot FILE          predicted vs measured per function and target (.svg or .png; large traces
                       are drawn as binned medians and 5–95% ranges)
  --quiet              no progress bar
  -h, --help           this help

Fields (any style): ${TRACE_FIELDS.join(", ")}
`;

function splitFlag(flag: string, raw: string): [string, string] {
  const at = raw.indexOf("=");
  const field = at > 0 ? fieldNamed(raw.slice(0, at)) : undefined;
  if (field === undefined) throw sluiceError("cli.badFlagValue", { path: [flag], expected: `FIELD=…, with FIELD one of ${TRACE_FIELDS.join(", ")}`, actual: show(raw) });
  return [field, raw.slice(at + 1)];
}

function withUnit(flag: string, rest: string): { text: string; unit?: ValueUnit } {
  const colon = rest.lastIndexOf(":");
  if (colon <= 0) return { text: rest };
  const unit = rest.slice(colon + 1);
  if (!(VALUE_UNITS as readonly string[]).includes(unit)) throw sluiceError("cli.badFlagValue", { path: [flag], expected: `a unit, one of ${VALUE_UNITS.join(", ")}`, actual: show(unit) });
  return { text: rest.slice(0, colon), unit: unit as ValueUnit };
}

export interface TrainFlagValues {
  readonly column?: readonly string[];
  readonly derive?: readonly string[];
  readonly constant?: readonly string[];
  readonly where?: string;
  readonly "fanout-run"?: string;
  readonly next?: readonly string[];
  readonly dag?: string;
  readonly "id-column"?: string;
  readonly "skip-invalid"?: boolean;
}

/** Next stages by function from a DAG file's edges. */
async function nextFromDag(file: string): Promise<Record<string, string[]>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    throw sluiceError("cli.badFlagValue", { path: ["--dag"], expected: "a DAG JSON file", actual: `${show(file)} (${(e as Error).message})` });
  }
  const dag = dagInputSchema.safeParse(raw);
  if (!dag.success) throw sluiceError("cli.badFlagValue", { path: ["--dag"], expected: "a DAG JSON file", actual: `${show(file)}: ${dag.error.issues[0]?.path.join(".")}: ${dag.error.issues[0]?.message}` });
  const fnOf = new Map(dag.data.stages.map((s) => [s.id, s.function]));
  const next: Record<string, string[]> = {};
  for (const e of dag.data.edges) {
    const from = fnOf.get(e.from), to = fnOf.get(e.to);
    if (from === undefined || to === undefined) throw sluiceError("cli.badFlagValue", { path: ["--dag"], expected: "edges between the DAG's stages", actual: show(`${e.from}->${e.to}`) });
    const list = (next[from] ??= []);
    if (!list.includes(to)) list.push(to);
  }
  return next;
}

export async function buildMapping(v: TrainFlagValues): Promise<TraceMapping> {
  const columns: Record<string, ColumnSpec> = {};
  for (const raw of v.column ?? []) {
    const [field, rest] = splitFlag("--column", raw);
    const { text, unit } = withUnit("--column", rest);
    columns[field] = unit === undefined ? { column: text } : { column: text, unit };
  }
  for (const raw of v.derive ?? []) {
    const [field, rest] = splitFlag("--derive", raw);
    const { text, unit } = withUnit("--derive", rest);
    columns[field] = unit === undefined ? { expr: text } : { expr: text, unit };
  }
  for (const raw of v.constant ?? []) {
    const [field, value] = splitFlag("--constant", raw);
    columns[field] = { value };
  }
  const run = v["fanout-run"];
  if (run === undefined && (v.next !== undefined || v.dag !== undefined)) throw sluiceError("cli.flagsConflict", { path: [v.next !== undefined ? "--next" : "--dag"], expected: "--fanout-run COL (the workflow run id) with --next or --dag" });
  let fanoutFromRuns: TraceMapping["fanoutFromRuns"];
  if (run !== undefined) {
    if (v.next === undefined && v.dag === undefined) throw sluiceError("cli.flagsConflict", { path: ["--fanout-run"], expected: "--next F=G or --dag FILE with --fanout-run, to know each function's next stage" });
    const next: Record<string, string[]> = v.dag === undefined ? {} : await nextFromDag(v.dag);
    for (const raw of v.next ?? []) {
      const at = raw.indexOf("=");
      if (at <= 0 || at === raw.length - 1) throw sluiceError("cli.badFlagValue", { path: ["--next"], expected: "FUNCTION=NEXT[,NEXT…]", actual: show(raw) });
      next[raw.slice(0, at).trim()] = raw.slice(at + 1).split(",").map((s) => s.trim()).filter(Boolean);
    }
    fanoutFromRuns = { runColumn: run, next };
  }
  return {
    ...(Object.keys(columns).length > 0 ? { columns } : {}),
    ...(v.where === undefined ? {} : { where: v.where }),
    ...(fanoutFromRuns === undefined ? {} : { fanoutFromRuns }),
    ...(v["id-column"] === undefined ? {} : { idColumn: v["id-column"] }),
    onInvalid: v["skip-invalid"] ? "skip" : "throw",
  };
}
