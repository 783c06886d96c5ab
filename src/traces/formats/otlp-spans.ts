/**
 * OpenTelemetry traces as rows: a JSON record that is an OTLP export (`{"resourceSpans": [...]}`, what
 * the collector's file exporter writes a line at a time and what AWS Distro for OpenTelemetry
 * Lambda layers send) becomes one row per span, so the mapping reads spans like any trace table:
 *
 * - `name`, `kind`, `traceId`, `spanId`, `parentSpanId`, `startTimeUnixNano`, `endTimeUnixNano`,
 *   `status.code`, and `durationMs` (end − start, exact from the nanosecond integers);
 * - every span attribute under its own key (`faas.coldstart`, `faas.invocation_id`), every resource
 *   attribute under `resource.` (`resource.faas.name`, `resource.faas.max_memory`), the scope's name
 *   as `scope.name`; values unwrapped from OTLP's `{"stringValue": …}`, `{"intValue": "…"}`,
 *   `{"doubleValue": …}`, `{"boolValue": …}`; arrays and key lists as their JSON text.
 *
 * Pick the invocation spans with `--where` (e.g. `kind == 2`, a
 * server span, or `faas.invocation_id != ""`); an input size must come from an attribute the app
 * sets, since the semantic conventions have none.
 */

import { isJsonObject } from "./json-record.js";

type Json = Record<string, unknown>;


/** OTLP's AnyValue as a plain value. */
function unwrap(v: unknown): unknown {
  if (!isJsonObject(v)) return v;
  if ("stringValue" in v) return v.stringValue;
  if ("boolValue" in v) return v.boolValue;
  if ("intValue" in v) return typeof v.intValue === "string" ? Number(v.intValue) : v.intValue;
  if ("doubleValue" in v) return v.doubleValue;
  if ("bytesValue" in v) return v.bytesValue;
  if ("arrayValue" in v) return JSON.stringify((isJsonObject(v.arrayValue) && Array.isArray(v.arrayValue.values) ? v.arrayValue.values : []).map(unwrap));
  if ("kvlistValue" in v) return JSON.stringify(Object.fromEntries(attributesOf(isJsonObject(v.kvlistValue) ? v.kvlistValue.values : undefined)));
  return undefined;
}

/** An OTLP attribute list as [key, value] pairs. */
function attributesOf(list: unknown): [string, unknown][] {
  if (!Array.isArray(list)) return [];
  return list.filter(isJsonObject).filter((a) => typeof a.key === "string").map((a) => [a.key as string, unwrap(a.value)]);
}

/** Milliseconds between two nanosecond timestamps (strings or numbers), exact; undefined if either is missing. */
function durationMs(start: unknown, end: unknown): number | undefined {
  const big = (v: unknown) => (typeof v === "string" && /^\d+$/.test(v) ? BigInt(v) : typeof v === "number" && Number.isSafeInteger(v) ? BigInt(v) : undefined);
  const s = big(start), e = big(end);
  if (s === undefined || e === undefined || e < s) return undefined;
  const d = e - s;
  return Number(d / 1_000_000n) + Number(d % 1_000_000n) / 1e6;
}

/** The spans of an OTLP export as rows, or undefined when the record is not one. */
export function otlpSpans(record: Json): Json[] | undefined {
  if (!Array.isArray(record.resourceSpans)) return undefined;
  const rows: Json[] = [];
  for (const rs of record.resourceSpans.filter(isJsonObject)) {
    const resource = attributesOf(isJsonObject(rs.resource) ? rs.resource.attributes : undefined);
    const scopes = Array.isArray(rs.scopeSpans) ? rs.scopeSpans : Array.isArray(rs.instrumentationLibrarySpans) ? rs.instrumentationLibrarySpans : [];
    for (const ss of scopes.filter(isJsonObject)) {
      const scope = isJsonObject(ss.scope) ? ss.scope : isJsonObject(ss.instrumentationLibrary) ? ss.instrumentationLibrary : undefined;
      for (const span of (Array.isArray(ss.spans) ? ss.spans : []).filter(isJsonObject)) {
        // Keys with dots (attribute names) stay one key; fromEntries keeps `__proto__` as data, and
        // the later entry wins, so a span's own fields win over an attribute of the same name.
        const entries: [string, unknown][] = [
          ...attributesOf(span.attributes),
          ...resource.map(([k, v]): [string, unknown] => [`resource.${k}`, v]),
          ...["name", "kind", "traceId", "spanId", "parentSpanId", "startTimeUnixNano", "endTimeUnixNano"].map((k): [string, unknown] => [k, span[k]]),
          ["durationMs", durationMs(span.startTimeUnixNano, span.endTimeUnixNano)],
          ["status.code", isJsonObject(span.status) ? span.status.code : undefined],
          ["scope.name", scope?.name],
        ];
        rows.push(Object.fromEntries(entries.filter(([, v]) => v !== undefined)));
      }
    }
  }
  return rows;
}
