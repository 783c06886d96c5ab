/**
 * Units per column. Sizes: decimal kB/MB/GB (powers of 1000) and binary KiB/MiB/GiB (powers of 1024);
 * memory fields are in the platform's MB (Lambda's: 2^20 bytes), so MB and MiB both mean 1 there;
 * times in ns, µs, ms, s. A header's unit can also be read from its suffix (`duration_ms`, `upload_kib`),
 * and a cell can carry its own (`61 MB`, `12.5ms`, `128Mi` as Kubernetes writes it, a TimeSpan
 * `00:00:00.1234567` as Application Insights writes a duration), which then wins over the column's.
 */
import type { TraceField } from "../trace-record.js";

export const VALUE_UNITS = ["B", "KB", "KiB", "MB", "MiB", "GB", "GiB", "ns", "us", "ms", "s"] as const;
export type ValueUnit = (typeof VALUE_UNITS)[number];

export type Dimension = "text" | "size" | "time" | "memory" | "count" | "flag";

export const FIELD_DIMENSION: Readonly<Record<TraceField, Dimension>> = {
  app: "text", function: "text", inputBytes: "size", runtimeMs: "time", memoryMb: "memory",
  outputBytes: "size", fanout: "count", memorySettingMb: "memory", cold: "flag",
};

const FACTORS: Readonly<Record<Dimension, Partial<Record<ValueUnit, number>>>> = {
  size: { B: 1, KB: 1e3, KiB: 1024, MB: 1e6, MiB: 1024 ** 2, GB: 1e9, GiB: 1024 ** 3 },
  memory: { B: 1 / 1024 ** 2, KB: 1e3 / 1024 ** 2, KiB: 1 / 1024, MB: 1, MiB: 1, GB: 1024, GiB: 1024 },
  time: { ns: 1e-6, us: 1e-3, ms: 1, s: 1e3 },
  text: {}, count: {}, flag: {},
};

export const DEFAULT_UNIT: Readonly<Record<Dimension, ValueUnit | undefined>> = { size: "B", memory: "MB", time: "ms", text: undefined, count: undefined, flag: undefined };

/** The unit a field's values are read in when none is given (`unit` undefined): its dimension's default; undefined when one is given or the field has no unit. */
export function assumedUnit(field: TraceField, unit: ValueUnit | undefined): ValueUnit | undefined {
  return unit === undefined ? DEFAULT_UNIT[FIELD_DIMENSION[field]] : undefined;
}

/** Units that fit a field's dimension (empty for text, counts and flags). */
export function unitsFor(field: TraceField): ValueUnit[] {
  return Object.keys(FACTORS[FIELD_DIMENSION[field]]) as ValueUnit[];
}

/** The factor from `unit` (or the field's default unit) to the field's own unit; undefined when the unit does not fit. */
export function unitFactor(field: TraceField, unit: ValueUnit | undefined): number | undefined {
  const dim = FIELD_DIMENSION[field];
  const u = unit ?? DEFAULT_UNIT[dim];
  if (u === undefined) return unit === undefined ? 1 : undefined;
  return FACTORS[dim][u];
}

const SUFFIX_UNITS: readonly (readonly [string, ValueUnit])[] = [
  ["bytes", "B"], ["b", "B"], ["kib", "KiB"], ["kb", "KB"], ["mib", "MiB"], ["mb", "MB"], ["gib", "GiB"], ["gb", "GB"],
  ["ms", "ms"], ["millis", "ms"], ["us", "us"], ["micros", "us"], ["ns", "ns"], ["nanos", "ns"], ["s", "s"], ["sec", "s"], ["seconds", "s"],
];

/** Splits a normalised name `duration_ms` into stem `duration` and unit `ms`; a bare stem has no unit. */
export function splitUnitSuffix(name: string): { readonly stem: string; readonly unit: ValueUnit | undefined } {
  for (const [suffix, unit] of SUFFIX_UNITS) {
    if (name.endsWith("_" + suffix)) return { stem: name.slice(0, -suffix.length - 1), unit };
  }
  return { stem: name, unit: undefined };
}

/** Unit words a cell may end in, lower-cased (Kubernetes quantities Ki/Mi/Gi included). */
const CELL_UNITS: ReadonlyMap<string, ValueUnit> = new Map([
  ["b", "B"], ["byte", "B"], ["bytes", "B"], ["kb", "KB"], ["kib", "KiB"], ["ki", "KiB"], ["mb", "MB"], ["mib", "MiB"], ["mi", "MiB"],
  ["gb", "GB"], ["gib", "GiB"], ["gi", "GiB"], ["ns", "ns"], ["us", "us"], ["µs", "us"], ["μs", "us"], ["ms", "ms"], ["s", "s"], ["sec", "s"], ["secs", "s"],
]);
const WITH_UNIT = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-zµμ]+)$/i;

/**
 * A .NET TimeSpan as text, `[d.]hh:mm:ss[.fffffff]`: Application Insights writes a request's duration
 * so in its telemetry ("Request duration in format: DD.HH:MM:SS.MMMMMM", learn.microsoft.com
 * azure-monitor/app/data-model-request-telemetry), and Kusto exports timespan columns so.
 */
const TIMESPAN = /^(?:(\d+)\.)?(\d{1,2}):([0-5]\d):([0-5]\d(?:\.\d+)?)$/;

/** A cell such as `61 MB`, `12.5ms` or `00:00:00.1234567`: its number and unit, or undefined when it is no number with a known unit. */
export function cellWithUnit(text: string): { readonly value: number; readonly unit: ValueUnit } | undefined {
  const span = TIMESPAN.exec(text.trim());
  if (span !== null) return { value: Number(span[1] ?? 0) * 86_400 + Number(span[2]) * 3600 + Number(span[3]) * 60 + Number(span[4]), unit: "s" };
  const m = WITH_UNIT.exec(text.trim());
  const unit = m === null ? undefined : CELL_UNITS.get(m[2]!.toLowerCase());
  return unit === undefined ? undefined : { value: Number(m![1]), unit };
}
