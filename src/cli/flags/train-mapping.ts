/**
 * `sluice train`'s mapping flags (--column, --derive, --constant, --where, --fanout-run with --next
 * or --dag, --id-column, --skip-invalid) turned into the trace mapping: the same object the API
 * takes, validated by the same schema. Bad flags are one-line usage errors naming the flag; mapping
 * problems found against a file's header are InputErrors that name the flag too (the readers are
 * told the mapping came from the CLI).
 */
import { fieldNamed, type ColumnSpec, type TraceMapping } from "../../traces/mapping/mapping-schema.js";
import { TRACE_FIELDS } from "../../traces/trace-record.js";
import { VALUE_UNITS, type ValueUnit } from "../../traces/mapping/units.js";
import { show, sluiceError } from "../../errors.js";
import { nextFromDag } from "./next-from-dag.js";

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
