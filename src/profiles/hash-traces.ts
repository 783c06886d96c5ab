/**
 * SHA-256 of trace rows, function by function in first-seen order, over a fixed field order, so a
 * model folder can say exactly which traces made it and a re-run can be checked against them. The
 * same rows give the same hash whether they arrive as records or as a streamed table.
 */
import { createHash } from "node:crypto";
import { TARGET_FIELDS, type TraceRecord } from "../traces/trace-record.js";
import { TraceTable } from "../traces/trace-table.js";

const FIELDS = ["app", "function", "inputBytes", ...TARGET_FIELDS, "stageInputBytes", "memorySettingMb", "cold"] as const;

export function hashTraces(input: readonly TraceRecord[] | TraceTable): string {
  const table = input instanceof TraceTable ? input : TraceTable.fromRecords(input);
  const h = createHash("sha256");
  h.update(FIELDS.join(",") + "\n");
  const num = (v: number) => (Number.isNaN(v) ? "" : String(v));
  for (const g of table.functions.values()) {
    const c = g.columns;
    let chunk = "";
    for (let i = 0; i < c.inputBytes.length; i++) {
      const cold = c.cold.get(i);
      chunk += `${g.apps[g.app.get(i)]},${g.name},${num(c.inputBytes.get(i))},${TARGET_FIELDS.map((t) => num(c[t].get(i))).join(",")},${num(c.stageInputBytes.get(i))},${num(c.memorySettingMb.get(i))},${Number.isNaN(cold) ? "" : cold === 1}\n`;
      if (chunk.length > 1 << 16) {
        h.update(chunk);
        chunk = "";
      }
    }
    h.update(chunk);
  }
  return h.digest("hex");
}
