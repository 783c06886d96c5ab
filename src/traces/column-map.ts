/**
 * Column maps: which CSV column fills which trace field, in which unit. A header is resolved by
 * the user's map first, then by recognising common names with a unit suffix (`duration_ms`,
 * `download_bytes`, `upload_kib`, `max_mem_used_mb`, `runtime_s`), so a per-invocation export
 * loads without editing it. A field can also be a constant (`{ value: "my-app" }`).
 *
 * Units: sizes use decimal kB/MB/GB (powers of 1000) and binary KiB/MiB/GiB (powers of 1024);
 * memory fields are in the platform's MB (Lambda's: 2^20 bytes), so MB and MiB both mean 1.
 */
import { InputError, type Issue } from "../errors.js";
import { REQUIRED_TRACE_FIELDS, TRACE_FIELDS, type TraceField } from "./trace-record.js";
import { columnMapSchema } from "./column-map-schema.js";

export type ValueUnit = "B" | "KB" | "KiB" | "MB" | "MiB" | "GB" | "GiB" | "us" | "ms" | "s";
export type ColumnSpec = string | { readonly column: string; readonly unit?: ValueUnit } | { readonly value: string | number | boolean };
export type ColumnMap = Partial<Record<TraceField, ColumnSpec>>;

export type ResolvedColumn =
  | { readonly kind: "column"; readonly index: number; readonly header: string; readonly factor: number }
  | { readonly kind: "constant"; readonly value: string | number | boolean };
export type ResolvedColumns = Partial<Record<TraceField, ResolvedColumn>>;

type Dimension = "text" | "size" | "time" | "memory" | "count" | "flag";
const DIMENSION: Readonly<Record<TraceField, Dimension>> = {
  app: "text", function: "text", inputBytes: "size", runtimeMs: "time", memoryMb: "memory",
  outputBytes: "size", fanout: "count", memorySettingMb: "memory", cold: "flag",
};

const FACTORS: Readonly<Record<Dimension, Partial<Record<ValueUnit, number>>>> = {
  size: { B: 1, KB: 1e3, KiB: 1024, MB: 1e6, MiB: 1024 ** 2, GB: 1e9, GiB: 1024 ** 3 },
  memory: { B: 1 / 1024 ** 2, KB: 1e3 / 1024 ** 2, KiB: 1 / 1024, MB: 1, MiB: 1, GB: 1024, GiB: 1024 },
  time: { us: 1e-3, ms: 1, s: 1e3 },
  text: {}, count: {}, flag: {},
};
const DEFAULT_UNIT: Readonly<Record<Dimension, ValueUnit | undefined>> = { size: "B", memory: "MB", time: "ms", text: undefined, count: undefined, flag: undefined };

const SUFFIX_UNITS: readonly (readonly [string, ValueUnit])[] = [
  ["bytes", "B"], ["b", "B"], ["kib", "KiB"], ["kb", "KB"], ["mib", "MiB"], ["mb", "MB"], ["gib", "GiB"], ["gb", "GB"],
  ["ms", "ms"], ["millis", "ms"], ["us", "us"], ["s", "s"], ["sec", "s"], ["seconds", "s"],
];

/** Recognised column stems per field; the first is the canonical one. */
const STEMS: Readonly<Record<TraceField, readonly string[]>> = {
  app: ["app", "application", "app_name", "application_name", "workflow"],
  function: ["function", "function_name", "fn", "func", "stage", "stage_name", "step"],
  inputBytes: ["input", "input_size", "download", "downloaded", "read", "in", "input_data"],
  runtimeMs: ["runtime", "duration", "elapsed", "execution_time", "exec_time", "compute_time", "wall_time"],
  memoryMb: ["memory", "max_mem_used", "max_memory_used", "peak_memory", "peak_mem", "max_rss", "mem_used", "memory_used"],
  outputBytes: ["output", "output_size", "upload", "uploaded", "written", "out", "output_data"],
  fanout: ["fanout", "fan_out", "next_instances", "children"],
  memorySettingMb: ["memory_setting", "memory_size", "configured_memory", "memory_limit", "memory_configured"],
  cold: ["cold", "cold_start", "is_cold", "coldstart"],
};

function normalise(header: string): string {
  return header.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}

/** Splits `duration_ms` into stem `duration` and unit `ms`; a bare stem has no unit. */
function splitUnit(name: string): { stem: string; unit: ValueUnit | undefined } {
  for (const [suffix, unit] of SUFFIX_UNITS) {
    if (name.endsWith("_" + suffix)) return { stem: name.slice(0, -suffix.length - 1), unit };
  }
  return { stem: name, unit: undefined };
}

function factorFor(field: TraceField, unit: ValueUnit | undefined): number | undefined {
  const dim = DIMENSION[field];
  const u = unit ?? DEFAULT_UNIT[dim];
  if (u === undefined) return unit === undefined ? 1 : undefined;
  return FACTORS[dim][u];
}

/** Resolves which column (or constant) fills each field. Throws InputError naming what is missing. */
export function resolveColumns(header: readonly string[], file: string, map: ColumnMap = {}): ResolvedColumns {
  const checked = columnMapSchema.safeParse(map);
  if (!checked.success) {
    throw new InputError("Invalid column map", checked.error.issues.map((i) => ({ code: "invalid_value" as const, path: ["columns", ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))], message: i.message })));
  }
  const issues: Issue[] = [];
  const out: ResolvedColumns = {};
  const names = header.map(normalise);
  for (const field of TRACE_FIELDS) {
    const spec = map[field];
    if (spec !== undefined && typeof spec === "object" && "value" in spec) {
      out[field] = { kind: "constant", value: spec.value };
      continue;
    }
    if (spec !== undefined) {
      const column = typeof spec === "string" ? spec : spec.column;
      const unit = typeof spec === "string" ? splitUnit(normalise(spec)).unit : spec.unit ?? splitUnit(normalise(spec.column)).unit;
      const index = header.findIndex((h) => h.trim() === column.trim());
      const factor = factorFor(field, unit);
      if (index < 0) issues.push({ code: "unknown_reference", path: [file, "header", field], message: "mapped column not in the header", expected: `one of ${header.join(", ")}`, actual: column });
      else if (factor === undefined) issues.push({ code: "invalid_value", path: [file, "columns", field], message: `unit does not fit a ${DIMENSION[field]} field`, expected: Object.keys(FACTORS[DIMENSION[field]]).join(", "), actual: String(unit) });
      else out[field] = { kind: "column", index, header: header[index]!, factor };
      continue;
    }
    const matches: { index: number; factor: number; rank: number }[] = [];
    names.forEach((name, index) => {
      for (const candidate of [name, splitUnit(name).stem]) {
        const rank = STEMS[field].indexOf(candidate);
        if (rank < 0) continue;
        const factor = factorFor(field, candidate === name ? undefined : splitUnit(name).unit);
        if (factor !== undefined) matches.push({ index, factor, rank });
        break;
      }
    });
    matches.sort((a, b) => a.rank - b.rank || a.index - b.index);
    const best = matches[0];
    if (best !== undefined) out[field] = { kind: "column", index: best.index, header: header[best.index]!, factor: best.factor };
  }
  const missing = REQUIRED_TRACE_FIELDS.filter((f) => out[f] === undefined);
  for (const field of missing) {
    issues.push({ code: "invalid_value", path: [file, "header", field], message: `no column for ${field}; map one with the columns option`, expected: `a column such as ${STEMS[field][0]}${DEFAULT_UNIT[DIMENSION[field]] === undefined ? "" : "_" + (DEFAULT_UNIT[DIMENSION[field]] === "B" ? "bytes" : DEFAULT_UNIT[DIMENSION[field]]!.toLowerCase())}`, actual: header.join(",") });
  }
  if (issues.length > 0) throw new InputError(`Cannot map the columns of ${file}`, issues);
  return out;
}

export function describeColumns(columns: ResolvedColumns): string {
  return TRACE_FIELDS.flatMap((f) => {
    const c = columns[f];
    if (c === undefined) return [];
    return [c.kind === "constant" ? `${f}=${String(c.value)}` : `${f}←${c.header}${c.factor === 1 ? "" : `×${c.factor}`}`];
  }).join(", ");
}
