/**
 * Recognising a field from a header nobody designed for us. A header is normalised (names.ts),
 * its unit suffix split off (units.ts), and its stem compared with the names traces use for each
 * field: whole-name matches rank first, then a stem that ends the name (`blob.download` ends with
 * `download`, `provider.execution_duration` with `duration`), a stem of more words before one of
 * fewer: OpenWhisk's `annotations.limits.memory` ends with the setting's `limits_memory` before the
 * peak's `memory` (apache/openwhisk docs/annotations.md: "limits: the time, memory and log limits
 * that this activation were subject to"). Within a rank, the earlier stem wins.
 */
import { normaliseName } from "./names.js";
import type { TraceField } from "../trace-record.js";
import { splitUnitSuffix, unitFactor, type ValueUnit } from "./units.js";

/** Recognised column stems per field; the first is the canonical one. */
export const FIELD_STEMS: Readonly<Record<TraceField, readonly string[]>> = {
  app: ["app", "application", "app_name", "application_name", "workflow", "benchmark"],
  // faas_name: OpenTelemetry's faas.name resource attribute, "The name of the single function that this
  // runtime instance executes" (opentelemetry-specification, resource/semantic_conventions/faas.md)
  function: ["function", "function_name", "fn", "func", "stage", "stage_name", "step", "step_name", "faas_name"],
  inputBytes: ["input", "input_size", "download", "downloaded", "read", "in", "input_data", "download_size"],
  runtimeMs: ["runtime", "duration", "elapsed", "execution_time", "exec_time", "compute_time", "wall_time", "execution_duration"],
  memoryMb: ["memory", "max_mem_used", "max_memory_used", "peak_memory", "peak_mem", "max_rss", "mem_used", "memory_used"],
  outputBytes: ["output", "output_size", "upload", "uploaded", "written", "out", "output_data", "upload_size"],
  fanout: ["fanout", "fan_out", "next_instances", "children"],
  // faas_max_memory: OpenTelemetry's faas.max_memory, "The amount of memory available to the serverless
  // function" — in MiB in early versions of the convention (example 128), in bytes later (134217728); read
  // as MB, a bytes figure is over a terabyte and raised with its fix (sample-units.ts)
  memorySettingMb: ["memory_setting", "memory_size", "configured_memory", "memory_limit", "memory_configured", "billing_mem", "billing_memory", "allocated_memory", "limits_memory", "limit_memory", "faas_max_memory"],
  // An init time marks a cold start where it is there and > 0 (truthOf: a number is true unless 0; an
  // empty cell leaves the row unmarked, so warm): OpenWhisk's annotations.initTime ("If this value is
  // present, the action required initialization and represents a cold start", apache/openwhisk
  // docs/annotations.md), a Logs Insights export's @initDuration.
  cold: ["cold", "cold_start", "is_cold", "coldstart", "init_time", "init_duration", "initialization_time"],
};

export interface HeaderMatch {
  readonly field: TraceField;
  readonly index: number;
  readonly unit: ValueUnit | undefined;
  readonly factor: number;
  /** Lower is better: 0–99 whole-name matches by stem order, then trailing-stem matches, more words first, then by stem order. */
  readonly rank: number;
}

/** Trailing matches need a stem of at least this length (`timed_out` is not an output size). */
const MIN_TRAILING_STEM = 4;

/** A trailing match's rank: past every whole-name match (0–99), a stem of more words first (the more specific name), then by stem order. */
function trailingRank(stem: string, order: number): number {
  const words = Math.min(stem.split("_").length, 9);
  return 100 * (11 - words) + order;
}

function matchesOf(field: TraceField, header: readonly string[]): HeaderMatch[] {
  const out: HeaderMatch[] = [];
  header.forEach((raw, index) => {
    const name = normaliseName(raw);
    const split = splitUnitSuffix(name);
    const forms: [string, ValueUnit | undefined][] = [[name, undefined]];
    if (split.unit !== undefined) forms.push([split.stem, split.unit]);
    let best: HeaderMatch | undefined;
    for (const [form, unit] of forms) {
      const factor = unitFactor(field, unit);
      if (factor === undefined) continue;
      FIELD_STEMS[field].forEach((stem, k) => {
        const rank = form === stem ? k : stem.length >= MIN_TRAILING_STEM && form.endsWith("_" + stem) ? trailingRank(stem, k) : -1;
        if (rank >= 0 && (best === undefined || rank < best.rank)) best = { field, index, unit, factor, rank };
      });
    }
    if (best !== undefined) out.push(best);
  });
  return out;
}

/**
 * Recognises `fields` among `header`, each column used at most once (`taken` are already mapped by
 * the user): all matches are ranked together and taken best first, so a column goes to the field
 * it names most plainly (`configured_memory` is the memory setting, not the peak memory).
 */
export function recogniseFields(fields: readonly TraceField[], header: readonly string[], taken: ReadonlySet<number> = new Set()): Map<TraceField, HeaderMatch> {
  const all = fields.flatMap((f, order) => matchesOf(f, header).map((m) => ({ m, order })));
  all.sort((a, b) => a.m.rank - b.m.rank || a.order - b.order || a.m.index - b.m.index);
  const used = new Set(taken);
  const out = new Map<TraceField, HeaderMatch>();
  for (const { m } of all) {
    if (out.has(m.field) || used.has(m.index)) continue;
    out.set(m.field, m);
    used.add(m.index);
  }
  return out;
}
