import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonlTraces } from "../parse-jsonl-traces.js";
import { rowsOfRecord } from "./record-rows.js";

const NS = 1_700_000_000_000_000_000n;
const str = (v: string) => ({ stringValue: v });
/** One OTLP export line, as the collector's file exporter writes it: a Lambda invocation span with a child S3 span. */
const exportLine = (k: number) => JSON.stringify({
  resourceSpans: [{
    resource: { attributes: [{ key: "faas.name", value: str("thumbnail") }, { key: "faas.max_memory", value: { intValue: String(512 * 1048576) } }, { key: "cloud.provider", value: str("aws") }] },
    scopeSpans: [{
      scope: { name: "opentelemetry.instrumentation.aws_lambda" },
      spans: [
        {
          traceId: `t${k}`, spanId: `s${k}`, name: "thumbnail", kind: 2,
          startTimeUnixNano: String(NS + BigInt(k) * 1_000_000_000n), endTimeUnixNano: String(NS + BigInt(k) * 1_000_000_000n + BigInt(20_000_000 + k * 2_500_000) + 123n),
          attributes: [{ key: "faas.coldstart", value: { boolValue: k === 0 } }, { key: "faas.invocation_id", value: str(`inv-${k}`) }, { key: "app.input_bytes", value: { intValue: String(1_000_000 * (k + 1)) } }],
          status: { code: 1 },
        },
        { traceId: `t${k}`, spanId: `c${k}`, parentSpanId: `s${k}`, name: "S3.GetObject", kind: 3, startTimeUnixNano: String(NS), endTimeUnixNano: String(NS + 5_000_000n), attributes: [{ key: "rpc.service", value: str("S3") }] },
      ],
    }],
  }],
});

describe("OpenTelemetry (OTLP) exports", () => {
  it("are a row per span: span fields, attributes unwrapped under their keys, resource attributes under resource., an exact duration", () => {
    const rows = rowsOfRecord(JSON.parse(exportLine(1)) as Record<string, unknown>);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ name: "thumbnail", kind: 2, "faas.coldstart": false, "faas.invocation_id": "inv-1", "app.input_bytes": 2_000_000, "resource.faas.name": "thumbnail", "resource.faas.max_memory": 512 * 1048576, "scope.name": "opentelemetry.instrumentation.aws_lambda", "status.code": 1 });
    expect(rows[0]!.durationMs).toBeCloseTo(22.500123, 9);
    expect(rows[1]).toMatchObject({ name: "S3.GetObject", parentSpanId: "s1", durationMs: 5 });
    expect(rowsOfRecord({ function: "f", input_bytes: 1 })).toEqual([{ function: "f", input_bytes: 1 }]);
  });

  it("train from the invocation spans of a file exporter's lines, picked with --where", async () => {
    const text = Array.from({ length: 6 }, (_, k) => exportLine(k)).join("\n") + "\n";
    const { records, report } = await parseJsonlTraces(text, {
      file: "otel.jsonl",
      columns: { function: "resource.faas.name", runtimeMs: "durationMs", inputBytes: "app.input_bytes", cold: "faas.coldstart", memorySettingMb: { column: "resource.faas.max_memory", unit: "B" } },
      where: "kind == 2",
    });
    expect(report.rowsFiltered).toBe(6); // the S3 child spans
    expect(records.map((r) => [r.function, r.inputBytes, r.cold, r.memorySettingMb])).toEqual(Array.from({ length: 6 }, (_, k) => ["thumbnail", 1_000_000 * (k + 1), k === 0, 512]));
    records.forEach((r, k) => expect(r.runtimeMs).toBeCloseTo(20 + 2.5 * k + 0.000123, 9));
  });
});

describe("OTLP exports of any shape", () => {
  it("never throw: whatever sits under resourceSpans, the result is a list of plain rows", () => {
    const anyJson = fc.jsonValue({ maxDepth: 6 });
    const otlpish = fc.record({ resourceSpans: fc.array(fc.record({ resource: fc.record({ attributes: fc.array(fc.record({ key: fc.oneof(fc.string(), anyJson), value: anyJson })) }), scopeSpans: fc.array(fc.record({ scope: anyJson, spans: fc.array(fc.dictionary(fc.constantFrom("name", "kind", "startTimeUnixNano", "endTimeUnixNano", "attributes", "status", "__proto__"), anyJson)) })) }, { requiredKeys: [] })) });
    fc.assert(
      fc.property(fc.oneof(otlpish, fc.record({ resourceSpans: anyJson })), (record) => {
        const rows = rowsOfRecord(record as Record<string, unknown>);
        expect(Array.isArray(rows)).toBe(true);
        for (const row of rows) {
          expect(typeof row).toBe("object");
          if ("durationMs" in row) expect(Number.isFinite(row.durationMs)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });
});
