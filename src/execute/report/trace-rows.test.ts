import { describe, expect, it } from "vitest";
import { parseCsvTraces } from "../../traces/parse-csv-traces.js";
import { TRACE_HEADER } from "../../workloads/trace-row.js";
import { appendTraceCsv, runTraceRows } from "./trace-rows.js";

const DAG = {
  name: "wordcount",
  stages: [
    { id: "map", function: "wc-map" },
    { id: "reduce", function: "wc-reduce" },
  ],
  edges: [{ from: "map", to: "reduce", pattern: "shuffle" as const }],
};

const inst = (stageId: string, index: number, inputBytes: number, runtimeMs: number, memoryMb: number, outputBytes: number) =>
  ({ stageId, index, vm: "vm-0", readyMs: 0, startMs: 0, computeStartMs: 5, computeEndMs: 5 + runtimeMs, finishMs: 10 + runtimeMs, inputBytes, outputBytes, runtimeMs, memoryMb, transfers: [] });

const REPORT = {
  instances: [inst("map", 0, 1000, 12.5, 3, 600), inst("map", 1, 1000, 13, 3.5, 580), { ...inst("reduce", 0, 400, 4, 1.25, 90), cold: true }, inst("reduce", 1, 390, 4.5, 1, 80), inst("reduce", 2, 390, 3.75, 1, 85)],
  stages: [
    { stageId: "map", instances: 2, startMs: 0, finishMs: 30, vms: ["vm-0"], peakPerVm: 1, outputBytes: 1180, overBilledMemory: 0 },
    { stageId: "reduce", instances: 3, startMs: 30, finishMs: 50, vms: ["vm-0"], peakPerVm: 1, outputBytes: 255, overBilledMemory: 0 },
  ],
};

describe("runTraceRows", () => {
  const rows = runTraceRows(DAG, REPORT);

  it.each([
    // A map instance: fanout = the reduce stage's 3 instances (its consumer), runtime = computeEnd − computeStart.
    { k: 0, fn: "wc-map", inputBytes: 1000, runtimeMs: 12.5, memoryMb: 3, outputBytes: 600, fanout: 3, cold: false },
    { k: 1, fn: "wc-map", inputBytes: 1000, runtimeMs: 13, memoryMb: 3.5, outputBytes: 580, fanout: 3, cold: false },
    // A reducer is a sink: fanout 1; the first reducer was its thread's first call of wc-reduce.
    { k: 2, fn: "wc-reduce", inputBytes: 400, runtimeMs: 4, memoryMb: 1.25, outputBytes: 90, fanout: 1, cold: true },
    { k: 4, fn: "wc-reduce", inputBytes: 390, runtimeMs: 3.75, memoryMb: 1, outputBytes: 85, fanout: 1, cold: false },
  ])("row $k: $fn, $inputBytes B in, fanout $fanout, cold $cold", ({ k, fn, inputBytes, runtimeMs, memoryMb, outputBytes, fanout, cold }) => {
    expect(rows[k]).toEqual({ app: "wordcount", function: fn, inputBytes, runtimeMs, memoryMb, outputBytes, fanout, cold });
  });

  it("one row per instance, named by the app given", () => {
    expect(runTraceRows(DAG, REPORT, "wc-here").map((r) => r.app)).toEqual(Array(5).fill("wc-here"));
  });

  it("the CSV reads back through the trace reader as the same records", async () => {
    const read = await parseCsvTraces(appendTraceCsv(undefined, rows), { file: "run.csv" });
    expect(read.records.map((r) => [r.function, r.inputBytes, r.runtimeMs, r.memoryMb, r.outputBytes, r.fanout])).toEqual(rows.map((r) => [r.function, r.inputBytes, r.runtimeMs, r.memoryMb, r.outputBytes, r.fanout]));
  });
});

describe("appendTraceCsv", () => {
  const rows = runTraceRows(DAG, REPORT);
  const header = TRACE_HEADER.join(",");

  it.each([
    // A new file: the header, then 5 rows.
    { name: "new file", existing: undefined, lines: 1 + 5 },
    { name: "empty file", existing: "", lines: 1 + 5 },
    // One earlier run of 5 rows: the header once, 5 + 5 rows.
    { name: "earlier run", existing: appendTraceCsv(undefined, rows), lines: 1 + 5 + 5 },
    // An earlier file without its last newline still gets whole lines.
    { name: "no final newline", existing: `${header}\nwordcount,wc-map,1,1,1,1,1,,false`, lines: 1 + 1 + 5 },
  ])("$name → $lines lines", ({ existing, lines }) => {
    const text = appendTraceCsv(existing, rows);
    const all = text.trimEnd().split("\n");
    expect(all).toHaveLength(lines);
    expect(all.filter((l) => l === header)).toHaveLength(1);
  });

  it("refuses a file with another header, naming what it expected", () => {
    expect(() => appendTraceCsv("a,b,c\n1,2,3\n", rows)).toThrow(/expected a trace CSV starting with "app,function,input_bytes/);
  });
});
