/**
 * The rows one JSON record holds: a row per span of an OpenTelemetry export (otlp-spans.ts), a row
 * per segment of an X-Ray batch-get-traces document (xray-segments.ts), else the record itself.
 */
import { otlpSpans } from "./otlp-spans.js";
import { xraySegments } from "./xray-segments.js";

export function rowsOfRecord(record: Record<string, unknown>): Record<string, unknown>[] {
  return otlpSpans(record) ?? xraySegments(record) ?? [record];
}
