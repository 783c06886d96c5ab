/**
 * SHA-256 of trace records in order, over a fixed field order, so a model folder can say exactly
 * which traces made it and a re-run can be checked against them.
 */
import { createHash } from "node:crypto";
import { TRACE_FIELDS, type TraceRecord } from "../traces/trace-record.js";

export function hashTraces(records: readonly TraceRecord[]): string {
  const h = createHash("sha256");
  h.update(TRACE_FIELDS.join(",") + "\n");
  for (const r of records) h.update(TRACE_FIELDS.map((f) => (r[f] === undefined ? "" : String(r[f]))).join(",") + "\n");
  return h.digest("hex");
}
