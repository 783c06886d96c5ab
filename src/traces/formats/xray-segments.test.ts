import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readTraceTable } from "../read-trace-table.js";
import { rowsOfRecord } from "./record-rows.js";

const T0 = 1_714_564_800; // 2024-05-01T12:00:00Z
/** A function segment as X-Ray stores it: an Initialization subsegment on a cold start, the app's input size as an annotation. */
const functionSegment = (k: number) => ({
  id: `f${k}`, name: "thumbnail", origin: "AWS::Lambda::Function", trace_id: `1-t${k}`,
  start_time: T0 + k, end_time: T0 + k + (20 + 2.5 * k) / 1000,
  aws: { function_arn: "arn:aws:lambda:eu-west-1:123456789012:function:thumbnail" },
  annotations: { input_bytes: 1_000_000 * (k + 1) },
  subsegments: [...(k % 3 === 0 ? [{ id: `i${k}`, name: "Initialization", start_time: T0 + k - 0.25, end_time: T0 + k - 0.05 }] : []), { id: `v${k}`, name: "Invocation", start_time: T0 + k, end_time: T0 + k + 0.02 }],
});
const serviceSegment = (k: number) => ({ id: `s${k}`, name: "thumbnail", origin: "AWS::Lambda", start_time: T0 + k - 0.3, end_time: T0 + k + 0.05 });
/** `aws xray batch-get-traces` output: each segment's Document is JSON text. */
const batch = (ks: number[]) => ({ Traces: ks.map((k) => ({ Id: `1-t${k}`, Duration: 0.35, Segments: [serviceSegment(k), functionSegment(k)].map((d) => ({ Id: d.id, Document: JSON.stringify(d) })) })), UnprocessedTraceIds: [] });

describe("X-Ray batch-get-traces documents", () => {
  it("are a row per segment: fields dotted, durationMs, coldStart and initDurationMs from the Initialization subsegment", () => {
    const rows = rowsOfRecord(batch([0, 1]));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatchObject({ name: "thumbnail", origin: "AWS::Lambda::Function", coldStart: true, traceId: "1-t0", annotations: { input_bytes: 1_000_000 } });
    expect(rows[1]!.durationMs).toBeCloseTo(20, 3);
    expect(rows[1]!.initDurationMs).toBeCloseTo(200, 3);
    expect(rows[3]).toMatchObject({ coldStart: false });
    expect("subsegments" in rows[1]!).toBe(false);
    expect(rowsOfRecord({ Traces: [{ Segments: [{ Document: "not json" }] }] })).toEqual([]);
  });

  it("train from the CLI's pretty-printed output (one JSON document over many lines), function segments picked with --where", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sluice-xray-"));
    try {
      const file = path.join(dir, "traces.json");
      // two calls' output saved one after the other, as `aws xray batch-get-traces … >> traces.json` leaves it
      await writeFile(file, JSON.stringify(batch([0, 1, 2]), null, 4) + "\n" + JSON.stringify(batch([3, 4, 5]), null, 4) + "\n");
      const read = await readTraceTable([file], { mapping: { columns: { function: "name", runtimeMs: "durationMs", inputBytes: "annotations.input_bytes", cold: "coldStart" }, where: 'origin == "AWS::Lambda::Function"' } });
      const records = read.table.toRecords();
      expect(read.reports[0]!.rowsFiltered).toBe(6); // the AWS::Lambda service segments
      expect(records.map((r) => [r.function, r.inputBytes, r.cold])).toEqual([0, 1, 2, 3, 4, 5].map((k) => ["thumbnail", 1_000_000 * (k + 1), k % 3 === 0]));
      records.forEach((r, k) => expect(r.runtimeMs).toBeCloseTo(20 + 2.5 * k, 3));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
