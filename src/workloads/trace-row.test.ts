import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { buildTraceRow, formatTraceCsv, type RowInput, TRACE_HEADER } from "./trace-row.js";

const base: RowInput = { app: "wordcount", functionName: "wc-map", inputBytes: 1024, runtimeMs: 1.23456, memoryBytes: 3 * 1048576 + 524288, outputBytes: 512, outputCount: 2, cold: true };

describe("buildTraceRow", () => {
  it("converts memory to MiB and rounds times to microseconds", () => {
    const row = buildTraceRow(base);
    expect(row.memoryMb).toBe(3.5); // 3.5 MiB = 3·2^20 + 2^19 bytes
    expect(row.runtimeMs).toBe(1.235);
    expect(row.fanout).toBe(2);
    expect(row.memorySettingMb).toBeUndefined();
  });

  it.each([
    ["app", { app: "Word Count" }, "app", "a kebab-case name", '"Word Count"'],
    ["input bytes", { inputBytes: 1.5 }, "input_bytes", "an integer ≥ 0", "1.5"],
    ["runtime", { runtimeMs: Number.NaN }, "runtime_ms", "a finite number ≥ 0", "NaN"],
    ["fanout", { outputCount: 0 }, "fanout", "an integer ≥ 1", "0"],
    ["memory setting", { memorySettingMb: -1 }, "memory_setting_mb", "empty or > 0", "-1"],
  ])("rejects a bad %s as SLU7907 naming the field", (_name, patch, field, expected, actual) => {
    expect(() => buildTraceRow({ ...base, ...patch })).toThrow(expect.objectContaining({ code: codeOf("workloads.badTraceRow"), issues: [expect.objectContaining({ path: ["trace row", field], expected, actual })] }));
  });
});

describe("formatTraceCsv", () => {
  it("writes the header and one line per row, empty memory setting when unset", () => {
    const csv = formatTraceCsv([buildTraceRow(base), buildTraceRow({ ...base, memorySettingMb: 1024, cold: false })]);
    expect(csv).toBe(`${TRACE_HEADER.join(",")}\nwordcount,wc-map,1024,1.235,3.5,512,2,,true\nwordcount,wc-map,1024,1.235,3.5,512,2,1024,false\n`);
    expect(TRACE_HEADER.join(",")).toBe("app,function,input_bytes,runtime_ms,memory_mb,output_bytes,fanout,memory_setting_mb,cold");
  });
});
