/**
 * AWS X-Ray traces as rows: a JSON record holding `Traces[].Segments[].Document` (what
 * `aws xray batch-get-traces` prints; each Document is a segment's JSON as text) becomes one row per
 * segment:
 *
 * - the segment's fields, nested objects dotted as in any JSON trace (`aws.function_arn`,
 *   `annotations.input_bytes` — where the X-Ray SDK's `putAnnotation` puts an app's own values);
 * - `durationMs` from `start_time` and `end_time` (epoch seconds);
 * - `coldStart`, true when the segment has an `Initialization` subsegment (a Lambda function
 *   segment has one on a cold start only), and `initDurationMs`, that subsegment's length;
 * - `traceId` from the trace. Subsegments are not rows and their JSON is dropped.
 *
 * A Document that is not JSON gives no row. Pick the function segments with
 * `--where 'origin == "AWS::Lambda::Function"'`.
 */

import { isJsonObject } from "./json-record.js";

type Json = Record<string, unknown>;


function parseDocument(text: unknown): Json | undefined {
  if (typeof text !== "string") return isJsonObject(text) ? text : undefined;
  try {
    const v: unknown = JSON.parse(text);
    return isJsonObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

const seconds = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** The rows of an X-Ray batch-get-traces record, or undefined when the record is not one. */
export function xraySegments(record: Json): Json[] | undefined {
  if (!Array.isArray(record.Traces) || !record.Traces.some((t) => isJsonObject(t) && Array.isArray(t.Segments))) return undefined;
  const rows: Json[] = [];
  for (const trace of record.Traces.filter(isJsonObject)) {
    for (const segment of (Array.isArray(trace.Segments) ? trace.Segments : []).filter(isJsonObject)) {
      const doc = parseDocument(segment.Document);
      if (doc === undefined) continue;
      const row: Json = Object.fromEntries(Object.entries(doc).filter(([k]) => k !== "subsegments"));
      const start = seconds(doc.start_time), end = seconds(doc.end_time);
      if (start !== undefined && end !== undefined && end >= start) row.durationMs = (end - start) * 1000;
      const init = (Array.isArray(doc.subsegments) ? doc.subsegments : []).filter(isJsonObject).find((s) => s.name === "Initialization");
      row.coldStart = init !== undefined;
      const initStart = seconds(init?.start_time), initEnd = seconds(init?.end_time);
      if (initStart !== undefined && initEnd !== undefined && initEnd >= initStart) row.initDurationMs = (initEnd - initStart) * 1000;
      if (typeof trace.Id === "string") row.traceId = trace.Id;
      rows.push(row);
    }
  }
  return rows;
}
