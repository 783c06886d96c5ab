import { describe, expect, it } from "vitest";
import { codeOf, InputError, type ErrorKey } from "../../errors.js";
import { parseCsvTraces, type CsvTraceOptions } from "../parse-csv-traces.js";

// Two runs of a split → map workflow: run 1 has 1 split and 2 maps, run 2 has 1 split and 1 map.
const TEXT = `run,function,input_bytes,runtime_ms,memory_mb,output_bytes
1,split,1000,10,64,1000
1,map,500,20,64,500
1,map,500,21,64,500
2,split,400,8,64,400
2,map,400,19,64,400
`;

async function firstIssue(options: CsvTraceOptions) {
  const err = await parseCsvTraces(TEXT, { file: "t.csv", ...options }).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  return (err as InputError).issues[0]!;
}

describe("compileMapping: a mapping that cannot be applied is a named error", () => {
  it("reads the file when the mapping fits (fanout counted per run: 2 maps in run 1, 1 in run 2)", async () => {
    const { records } = await parseCsvTraces(TEXT, { file: "t.csv", fanoutFromRuns: { runColumn: "run", next: { split: "map" } } });
    expect(records.filter((r) => r.function === "split").map((r) => r.fanout)).toEqual([2, 1]);
  });

  it.each<{ label: string; options: CsvTraceOptions; key: ErrorKey; actual?: string }>([
    // the schema: a column spec is a name or an object, never a number
    { label: "a number as a column spec", options: { columns: { runtimeMs: 5 as unknown as string } }, key: "columns.badSpec" },
    // the schema: an empty filter expression
    { label: "an empty where", options: { where: "" }, key: "columns.badSpec" },
    // MiB is a size unit; runtime is a time
    { label: "a size unit on a time column", options: { columns: { runtimeMs: { column: "runtime_ms", unit: "MiB" } } }, key: "columns.unitMismatch", actual: "MiB" },
    // ms is a time unit; input is a size
    { label: "a time unit on a size expression", options: { columns: { inputBytes: { expr: "input_bytes * 2", unit: "ms" } } }, key: "columns.unitMismatch", actual: "ms" },
    // an operator with nothing after it
    { label: "an expression that ends in an operator", options: { columns: { runtimeMs: { expr: "runtime_ms +" } } }, key: "columns.badExpression" },
    // an unclosed parenthesis
    { label: "an unclosed parenthesis in where", options: { where: "(runtime_ms > 5" }, key: "columns.badExpression" },
    // "mapp" is no function of the trace (split and map are)
    { label: "a next stage that is not in the trace", options: { fanoutFromRuns: { runColumn: "run", next: { split: "mapp" } } }, key: "columns.unknownNextFunction", actual: '"mapp"' },
    // the key of next is checked too
    { label: "a function in next that is not in the trace", options: { fanoutFromRuns: { runColumn: "run", next: { splitter: "map" } } }, key: "columns.unknownNextFunction", actual: '"splitter"' },
  ])("$label: $key", async ({ options, key, actual }) => {
    const i = await firstIssue(options);
    expect(i.code).toBe(codeOf(key));
    if (actual !== undefined) expect(i.actual).toBe(actual);
  });

  it("suggests the function meant by a near miss in next", async () => {
    const i = await firstIssue({ fanoutFromRuns: { runColumn: "run", next: { split: "mapp" } } });
    expect(i.message).toContain('did you mean "map"');
  });
});
