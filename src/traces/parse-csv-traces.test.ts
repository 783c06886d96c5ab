import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { parseCsvTraces } from "./parse-csv-traces.js";

const CANONICAL = `app,function,input_bytes,runtime_ms,memory_mb,output_bytes,fanout,memory_setting_mb,cold
sort,split,1000000,120.5,64,1000000,30,1024,true
sort,map,33333,40,70,33333,1,1024,false
`;

function issueOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("parseCsvTraces", () => {
  it("reads the canonical header", () => {
    const { records, report } = parseCsvTraces(CANONICAL, { file: "t.csv" });
    expect(report).toEqual({ file: "t.csv", rowsRead: 2, rowsKept: 2, skipped: [] });
    expect(records[0]).toEqual({ app: "sort", function: "split", inputBytes: 1e6, runtimeMs: 120.5, memoryMb: 64, outputBytes: 1e6, fanout: 30, memorySettingMb: 1024, cold: true });
    expect(records[1]?.cold).toBe(false);
  });

  it.each([
    // header, row, field, expected value (arithmetic in the comment)
    ["duration_ms", "250", "runtimeMs", 250],
    ["duration_s", "1.5", "runtimeMs", 1500], // 1.5 s · 1000
    ["duration_us", "2500", "runtimeMs", 2.5], // 2500 µs / 1000
    ["download_bytes", "4096", "inputBytes", 4096],
    ["input_kib", "4", "inputBytes", 4096], // 4 · 1024
    ["input_mb", "1.5", "inputBytes", 1.5e6], // decimal MB
    ["upload_bytes", "10", "outputBytes", 10],
    ["output_gib", "1", "outputBytes", 1073741824], // 1024³
    ["max_mem_used_mb", "300", "memoryMb", 300],
    ["max_rss_kib", "2048", "memoryMb", 2], // 2048 KiB / 1024
    ["peak_memory_bytes", "1048576", "memoryMb", 1], // 2^20 bytes = 1 platform MB
  ] as const)("maps column %s=%s onto %s", (header, value, field, expected) => {
    const base: Record<string, string> = { function_name: "f", app: "a", input_bytes: "1", runtime_ms: "1", memory_mb: "1", output_bytes: "1", fanout: "1" };
    const drop: Record<string, string> = { runtimeMs: "runtime_ms", inputBytes: "input_bytes", outputBytes: "output_bytes", memoryMb: "memory_mb" };
    delete base[drop[field]!];
    base[header] = value;
    const text = Object.keys(base).join(",") + "\n" + Object.values(base).join(",") + "\n";
    const { records } = parseCsvTraces(text);
    expect(records[0]?.[field]).toBeCloseTo(expected, 9);
  });

  it("takes a user column map with units and constants", () => {
    const text = "fn,dl,ul,took,rss\nresize,2,1,0.25,90\n";
    const { records } = parseCsvTraces(text, {
      columns: { app: { value: "video" }, function: "fn", inputBytes: { column: "dl", unit: "MiB" }, outputBytes: { column: "ul", unit: "KiB" }, runtimeMs: { column: "took", unit: "s" }, memoryMb: "rss", fanout: { value: 1 } },
    });
    // 2 MiB = 2·1024² = 2097152 B; 1 KiB = 1024 B; 0.25 s = 250 ms
    expect(records[0]).toEqual({ app: "video", function: "resize", inputBytes: 2097152, outputBytes: 1024, runtimeMs: 250, memoryMb: 90, fanout: 1 });
  });

  it.each([
    ["a non-number", "sort,split,abc,1,1,1,1,,", "line 2", "input_bytes", "a number"],
    ["a negative", "sort,split,1,-5,1,1,1,,", "line 2", "runtime_ms", "a number ≥ 0"],
    ["an empty required cell", "sort,split,1,1,,1,1,,", "line 2", "memory_mb", "a value"],
    ["a bad flag", "sort,split,1,1,1,1,1,,maybe", "line 2", "cold", "true/false, 1/0, yes/no or cold/warm"],
    ["NaN", "sort,split,NaN,1,1,1,1,,", "line 2", "input_bytes", "a number"],
  ])("rejects %s with file, line and column", (_label, row, line, column, expected) => {
    const header = CANONICAL.split("\n")[0]!;
    const err = issueOf(() => parseCsvTraces(`${header}\n${row}\n`, { file: "bad.csv" }));
    expect(err.issues[0]?.path).toEqual(["bad.csv", line, column]);
    expect(err.issues[0]?.expected).toBe(expected);
    expect(err.message).toContain("bad.csv.line 2");
  });

  it("rejects a row with the wrong number of columns and an unclosed quote", () => {
    const header = CANONICAL.split("\n")[0]!;
    expect(issueOf(() => parseCsvTraces(`${header}\nsort,split,1\n`, { file: "x.csv" })).issues[0]?.path).toEqual(["x.csv", "line 2"]);
    expect(issueOf(() => parseCsvTraces(`${header}\nsort,"split,1,1,1,1,1,,\n`, { file: "q.csv" })).issues[0]?.code).toBe("parse_error");
  });

  it("names the missing fields when the header cannot be mapped", () => {
    const err = issueOf(() => parseCsvTraces("app,function,bytes\na,f,1\n", { file: "h.csv" }));
    expect(err.issues.map((i) => i.path[2])).toEqual(["inputBytes", "runtimeMs", "memoryMb", "outputBytes", "fanout"]);
  });

  it("skips and counts bad rows when asked", () => {
    const text = CANONICAL + "sort,map,x,1,1,1,1,,\nsort,map,5,1,1,1,1,,\n";
    const { records, report } = parseCsvTraces(text, { file: "s.csv", onInvalid: "skip" });
    expect(records).toHaveLength(3);
    expect(report.rowsRead).toBe(4);
    expect(report.skipped.map((i) => i.path)).toEqual([["s.csv", "line 4", "input_bytes"]]);
  });
});
