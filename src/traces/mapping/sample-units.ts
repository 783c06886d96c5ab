/**
 * What the first rows settle that a header cannot. A duration column named without a unit is read
 * in ms, which is right for CloudWatch and wrong for harnesses that store µs (SeBS's
 * `provider.execution_duration`): where the header also has a start and an end time, the median
 * ratio of the duration to end − start over the sample names the duration's unit (a power of 1000
 * away), so a µs column is not read as 1000× the runtime. Where no column gives the runtime, such a
 * pair gives it: end − start, read as epoch or ISO times (time-pair.ts). Last, a runtime or memory
 * whose sampled median no invocation can have (over a day, over a terabyte, a peak over 1.5× the
 * configured memory beside it) is a unit mistake, raised with the column, the median and how to
 * give the unit, instead of training on it. A unit still read by default (none in the name, none
 * from the caller, none from a pair, none in the cells) stays marked as assumed (FieldSource.assumedUnit).
 */
import { issue, type Issue } from "../../errors.js";
import { CellError, cellValue, type CellValue } from "./cell-value.js";
import type { FieldSource } from "./field-source.js";
import { mappingRef, withUnit, type MappingOrigin } from "./mapping-labels.js";
import { normaliseName } from "./names.js";
import { cellSeconds, describeTimeCells, findTimePair, timeCellsOf, type TimeCells, type TimePair } from "./time-pair.js";
import type { TraceField } from "../trace-record.js";
import { cellWithUnit, splitUnitSuffix } from "./units.js";
import { countOf } from "../../util/count-of.js";
import { median } from "../../util/median.js";

/** Rows read before the mapping is compiled, to settle units from values (those the row filter keeps). */
export const SAMPLE_ROWS = 200;

/** Medians beyond these are no invocation's: more than a day of runtime, more than a terabyte (10^6 MB) of memory. */
export const PLAUSIBLE_MEDIAN: Readonly<Partial<Record<TraceField, { readonly limit: number; readonly what: string; readonly example: string }>>> = {
  runtimeMs: { limit: 86_400_000, what: "a day", example: "us" },
  memoryMb: { limit: 1_000_000, what: "a terabyte", example: "B" },
  memorySettingMb: { limit: 1_000_000, what: "a terabyte", example: "B" },
};
/** Peak memory over the configured memory by more than this (median over the sample) is no invocation's: the platform stops one that outgrows its setting. */
const PEAK_OVER_SETTING = 1.5;
/**
 * Peak memory at least this share of the configured memory (median) bears out the MB it was read in,
 * so it is not said to be assumed: read as MB, a peak in KB would be ~1000× over its setting, and a
 * 128 MB function's runtime alone exceeds 2 MB. A peak below it (a large setting barely used) stays
 * marked as assumed, which costs only a hint.
 */
const PEAK_UNDER_SETTING = 1 / 64;

/** Duration units a power of 1000 apart: the duration's count per second → its factor to ms. */
const DURATION_UNITS: readonly { readonly perSecond: number; readonly name: string; readonly factor: number }[] = [
  { perSecond: 1, name: "s", factor: 1e3 },
  { perSecond: 1e3, name: "ms", factor: 1 },
  { perSecond: 1e6, name: "µs", factor: 1e-3 },
  { perSecond: 1e9, name: "ns", factor: 1e-6 },
];
/** A ratio within this factor of a unit's names it (a platform's duration and a harness's end − start differ by overheads). */
const RATIO_TOLERANCE = 4;

/** A row's raw value, or undefined where the cell cannot serve. */
function rawValue(get: (row: readonly string[]) => CellValue, row: readonly string[]): CellValue {
  try {
    return get(row);
  } catch (e) {
    if (e instanceof CellError) return undefined;
    throw e;
  }
}

function numeric(get: (row: readonly string[]) => CellValue, row: readonly string[]): number | undefined {
  const v = rawValue(get, row);
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** The source with its unit no longer an assumption. */
function settled(source: FieldSource): FieldSource {
  const { assumedUnit: _, ...rest } = source;
  return rest;
}

/** Every sampled value carries its own unit (`0.123456s`, `61 MB`): the column's default unit reads none of them. */
function cellsCarryUnits(source: FieldSource, sample: readonly (readonly string[])[]): boolean {
  const values = sample.map((row) => rawValue(source.get, row)).filter((v) => v !== undefined);
  return values.length > 0 && values.every((v) => typeof v === "string" && cellWithUnit(v) !== undefined);
}

/** end − start in seconds for one row; undefined when both cells are empty, a CellError when one is unreadable. */
function elapsedSeconds(header: readonly string[], pair: TimePair, cells: TimeCells, row: readonly string[]): number | undefined {
  const [start, end] = [pair.start, pair.end].map((i) => cellSeconds(row[i], cells));
  if (start !== undefined && end !== undefined) return end - start;
  for (const i of [pair.start, pair.end]) {
    if (cellSeconds(row[i], cells) === undefined && cellValue(row[i]) !== undefined) throw new CellError(header[i]!, `a time (${describeTimeCells(cells)})`, JSON.stringify(row[i]));
  }
  return undefined;
}

/** The unit a duration column's values are in, by their median ratio to end − start; undefined when no unit fits. */
function durationUnit(source: FieldSource, header: readonly string[], pair: TimePair, cells: TimeCells, sample: readonly (readonly string[])[]) {
  const ratios: number[] = [];
  for (const row of sample) {
    const d = numeric(source.get, row);
    let elapsed: number | undefined;
    try {
      elapsed = elapsedSeconds(header, pair, cells, row);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
    }
    if (d !== undefined && d > 0 && elapsed !== undefined && elapsed > 0) ratios.push(d / elapsed);
  }
  if (ratios.length === 0) return undefined;
  const ratio = median(ratios);
  return DURATION_UNITS.find((u) => ratio >= u.perSecond / RATIO_TOLERANCE && ratio <= u.perSecond * RATIO_TOLERANCE);
}

/**
 * Settles the runtime's unit or source from `sample`, in place on `fields`, and returns the issues
 * of values no invocation can have. Only what the mapping left to recognition is changed: a column
 * the caller mapped keeps the unit the caller gave.
 */
export function refineBySample(header: readonly string[], fields: Map<TraceField, FieldSource>, sample: readonly (readonly string[])[], file: string, origin: MappingOrigin): Issue[] {
  const pair = findTimePair(header);
  const cells = pair === undefined ? undefined : timeCellsOf(pair, sample);
  const runtime = fields.get("runtimeMs");
  const derived = new Set<FieldSource>();
  if (pair !== undefined && cells !== undefined) {
    const times = `${header[pair.end]} − ${header[pair.start]} (${describeTimeCells(cells)})`;
    if (runtime === undefined) {
      const source: FieldSource = { field: "runtimeMs", label: times, kind: "recognised", get: (row) => elapsedSeconds(header, pair, cells, row), factor: 1e3 };
      fields.set("runtimeMs", source);
      derived.add(source);
    } else if (runtime.kind === "recognised" && splitUnitSuffix(normaliseName(runtime.label)).unit === undefined) {
      const unit = durationUnit(runtime, header, pair, cells, sample);
      // settled by the pair: in another unit, relabelled; in the default one, no longer an assumption
      if (unit !== undefined) fields.set("runtimeMs", unit.factor === runtime.factor ? settled(runtime) : { ...settled(runtime), label: `${runtime.label} in ${unit.name}, as ${times} shows`, factor: unit.factor });
    } else if (runtime.kind === "column" && runtime.assumedUnit !== undefined && durationUnit(runtime, header, pair, cells, sample)?.factor === runtime.factor) {
      // mapped without a unit: never changed, but no longer an assumption where the pair agrees
      fields.set("runtimeMs", settled(runtime));
    }
  }
  for (const [field, source] of fields) if (source.assumedUnit !== undefined && cellsCarryUnits(source, sample)) fields.set(field, settled(source));
  const issues: Issue[] = [];
  const flagged = new Set<TraceField>();
  for (const [field, bound] of Object.entries(PLAUSIBLE_MEDIAN) as [TraceField, NonNullable<(typeof PLAUSIBLE_MEDIAN)[TraceField]>][]) {
    const source = fields.get(field);
    if (source === undefined || source.kind === "constant") continue;
    const values = sample.map((row) => numeric(source.get, row)).filter((v): v is number => v !== undefined).map((v) => v * source.factor);
    if (values.length === 0) continue;
    const m = median(values);
    if (m <= bound.limit) continue;
    flagged.add(field);
    const fix = derived.has(source) ? `map it with ${mappingRef(origin, { kind: "columns", field, spec: { expr: "" } })}` : withUnit(origin, field, source, bound.example);
    issues.push(
      issue("columns.implausibleValue", {
        path: [file, source.kind === "recognised" ? "header" : mappingRef(origin, { kind: "columns", field }), source.label],
        expected: `a median ≤ ${bound.limit.toLocaleString("en-US")} (${bound.what})`,
        actual: `${m.toPrecision(4)} over the first ${countOf(values.length, "row")}`,
        params: { field, fix: `e.g. ${fix}` },
      }),
    );
  }
  const memory = fields.get("memoryMb"), setting = fields.get("memorySettingMb");
  // Only a peak read in MB by default (a bare recognised name): a unit the file or the caller gave is kept, so a
  // platform whose setting is a request rather than a limit (Kubernetes) can map its peaks as they are.
  if (memory?.kind === "recognised" && splitUnitSuffix(normaliseName(memory.label)).unit === undefined && setting !== undefined && !flagged.has("memoryMb") && !flagged.has("memorySettingMb")) {
    const ratios: number[] = [];
    for (const row of sample) {
      const m = numeric(memory.get, row), c = numeric(setting.get, row);
      if (m !== undefined && c !== undefined && m > 0 && c > 0) ratios.push((m * memory.factor) / (c * setting.factor));
    }
    const over = ratios.length === 0 ? 0 : median(ratios);
    if (over > PEAK_OVER_SETTING) {
      issues.push(
        issue("columns.implausibleValue", {
          path: [file, memory.kind === "recognised" ? "header" : mappingRef(origin, { kind: "columns", field: "memoryMb" }), memory.label],
          expected: `a peak at most the configured memory (${setting.label})`,
          actual: `a median of ${over.toPrecision(3)}× it over the first ${countOf(ratios.length, "row")}`,
          params: { field: "memoryMb", fix: `e.g. ${withUnit(origin, "memoryMb", memory, over <= 1500 ? "KB" : "B")}` },
        }),
      );
    } else if (over >= PEAK_UNDER_SETTING && memory.assumedUnit !== undefined) {
      // a peak between 1/64 of the setting and 1.5× it: MB is borne out (in KB it would be ~1000× over, in bytes a million×)
      fields.set("memoryMb", settled(memory));
    }
  }
  return issues;
}
