/**
 * SHA-256 of trace rows, so a model folder can say exactly which traces made it and a re-run can
 * be checked against them: function by function in first-seen order, its name and apps, then each
 * column's values as little-endian float64 bytes (missing values are NaN). The same rows give the
 * same hash whether they arrive as records or as a streamed table. A million rows hash as about
 * 70 MB of column bytes, with no string built per row.
 */
import { createHash } from "node:crypto";
import type { TraceRecord } from "../../traces/trace-record.js";
import { TABLE_COLUMNS, TraceTable } from "../../traces/trace-table.js";

export function hashTraces(input: readonly TraceRecord[] | TraceTable): string {
  const table = input instanceof TraceTable ? input : TraceTable.fromRecords(input);
  const h = createHash("sha256");
  h.update(`sluice-traces/2 ${TABLE_COLUMNS.join(",")}\n`);
  for (const g of table.functions.values()) {
    h.update(`${JSON.stringify(g.name)} ${JSON.stringify(g.apps)} ${g.columns.inputBytes.length}\n`);
    const app = g.app.values();
    h.update(new Uint8Array(app.buffer, app.byteOffset, app.byteLength));
    for (const c of TABLE_COLUMNS) {
      const v = g.columns[c].values();
      h.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    }
  }
  return h.digest("hex");
}
