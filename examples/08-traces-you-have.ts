/**
 * Notebook-style: the same invocations in the shapes users have them in — a harness's CSV, the same
 * table as a gzip-compressed TSV and as a spreadsheet's semicolon export with decimal commas, a
 * structured logger's JSON Lines with nested keys and ISO 8601 times, OpenTelemetry spans, and a
 * CloudWatch Logs Insights export of Lambda REPORT fields joined with a sizes file — each read and
 * trained, the runtime laws side by side. Run: `npx tsx examples/08-traces-you-have.ts`.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { readLambdaTraces, readTraceTable, trainProfiles } from "../src/index.js";

// 24 invocations of one function: 4 ms + 3 ms per MB (±2%), memory 60 MB + 1 MB per MB, every 6th cold.
// The JSON logger writes its times to the millisecond (toISOString), so its laws differ a little.
const T0 = Date.UTC(2024, 4, 1, 12);
const rows = Array.from({ length: 24 }, (_, k) => {
  const mb = 2 ** (k % 6); // 1–32 MB
  const ms = (4 + 3 * mb) * (1 + 0.01 * ((k * 7) % 5 - 2));
  return { id: `1f2e3d4c-0000-4000-8000-${String(k).padStart(12, "0")}`, func: "resize", start: T0 / 1000 + k, ms, bytes: mb * 1e6, mem: 60 + mb, cold: k % 6 === 0 };
});
const header = ["func", "start", "end", "is_cold", "request_id", "blob.download", "max_mem_used"];
const cells = (r: (typeof rows)[number]) => [r.func, r.start.toFixed(6), (r.start + r.ms / 1000).toFixed(6), r.cold ? "True" : "False", r.id, String(r.bytes), r.mem.toFixed(1)];

const dir = await mkdtemp(path.join(tmpdir(), "sluice-traces-"));
try {
  const file = (name: string) => path.join(dir, name);
  await writeFile(file("harness.csv"), [header, ...rows.map(cells)].map((c) => c.join(",")).join("\n") + "\n");
  await writeFile(file("harness.tsv.gz"), gzipSync([header, ...rows.map(cells)].map((c) => c.join("\t")).join("\n") + "\n"));
  await writeFile(file("spreadsheet.csv"), [header, ...rows.map(cells)].map((c) => c.map((v) => v.replace(/^(\d+)\.(\d+)$/, "$1,$2")).join(";")).join("\n") + "\n");
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
  await writeFile(file("logger.jsonl"), rows.map((r) => JSON.stringify({ func: r.func, start: iso(r.start), end: iso(r.start + r.ms / 1000), is_cold: r.cold, request_id: r.id, blob: { download: r.bytes }, max_mem_used: r.mem })).join("\n") + "\n");
  // Logs Insights: `filter @type = "REPORT" | fields @requestId, @duration, @maxMemoryUsed, @initDuration` (memory in bytes, 10^6 per MB).
  await writeFile(file("insights.csv"), ["@requestId,@duration,@maxMemoryUsed,@initDuration", ...rows.map((r) => `${r.id},${r.ms.toFixed(2)},${Math.round(r.mem) * 1e6},${r.cold ? "180.2" : ""}`)].join("\n") + "\n");
  // OpenTelemetry: the collector's file exporter, one OTLP export a line; the app sets app.input_bytes on its span.
  const ns = (seconds: number) => String(BigInt(Math.round(seconds * 1e6)) * 1000n);
  const attr = (key: string, value: unknown) => ({ key, value: typeof value === "boolean" ? { boolValue: value } : typeof value === "number" ? { intValue: String(value) } : { stringValue: String(value) } });
  await writeFile(file("otel.jsonl"), rows.map((r) => JSON.stringify({ resourceSpans: [{ resource: { attributes: [attr("faas.name", r.func)] }, scopeSpans: [{ spans: [{ name: r.func, kind: 2, startTimeUnixNano: ns(r.start), endTimeUnixNano: ns(r.start + r.ms / 1000), attributes: [attr("faas.coldstart", r.cold), attr("app.input_bytes", r.bytes)] }] }] }] })).join("\n") + "\n");
  await writeFile(file("sizes.csv"), ["request_id,function,input_bytes", ...rows.map((r) => `${r.id},${r.func},${r.bytes}`)].join("\n") + "\n");

  // One mapping for every table: the runtime from the two times (epoch seconds or ISO text alike).
  const mapping = { columns: { runtimeMs: { expr: "(end - start) * 1000" } } };
  const shapes: [string, () => Promise<{ kept: number; records: Parameters<typeof trainProfiles>[0] }>][] = [
    ["harness CSV", async () => { const r = await readTraceTable([file("harness.csv")], { mapping }); return { kept: r.reports[0]!.rowsKept, records: r.table }; }],
    ["gzip-compressed TSV", async () => { const r = await readTraceTable([file("harness.tsv.gz")], { mapping }); return { kept: r.reports[0]!.rowsKept, records: r.table }; }],
    ["semicolons, decimal commas", async () => { const r = await readTraceTable([file("spreadsheet.csv")], { mapping }); return { kept: r.reports[0]!.rowsKept, records: r.table }; }],
    ["JSON Lines, ISO times", async () => { const r = await readTraceTable([file("logger.jsonl")], { mapping }); return { kept: r.reports[0]!.rowsKept, records: r.table }; }],
    ["OpenTelemetry spans", async () => {
      const r = await readTraceTable([file("otel.jsonl")], { mapping: { columns: { function: "resource.faas.name", runtimeMs: "durationMs", inputBytes: "app.input_bytes", cold: "faas.coldstart" }, where: "kind == 2" } });
      return { kept: r.reports[0]!.rowsKept, records: r.table };
    }],
    ["Logs Insights + sizes", async () => { const r = await readLambdaTraces(file("insights.csv"), file("sizes.csv")); return { kept: r.report.rowsKept, records: r.records }; }],
  ];
  for (const [name, read] of shapes) {
    const { kept, records } = await read();
    const set = await trainProfiles(records, { model: { runtimeMs: "linear", memoryMb: "linear" } });
    const at = (mb: number) => set.profileFor("resize", {})!.runtimeMs(mb * 1e6).toFixed(1);
    const cold = set.data.functions.resize!.cold === undefined ? "" : ", cold starts apart";
    console.log(`${name.padEnd(28)} ${String(kept).padStart(2)} rows: runtime ${at(8)} ms at 8 MB, ${at(64)} ms at 64 MB${cold}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
