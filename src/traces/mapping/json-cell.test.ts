import { describe, expect, it } from "vitest";
import { codeOf, InputError } from "../../errors.js";
import { parseCsvTraces } from "../parse-csv-traces.js";
import { jsonCellPath, valueInJsonCell } from "./json-cell.js";

// As Azure Application Insights exports its requests table: a JSON column beside the flat ones.
const AZURE = [
  "timestamp [UTC],name,duration,success,customDimensions",
  ...[1, 2, 4, 8].map((mb, k) => `"5/1/2024, 12:00:0${k}.000 PM",Resize,${(4 + 3 * mb).toFixed(1)},True,"{""InputBytes"":""${mb * 1e6}"",""Host"":{""MemoryMb"":512},""Category"":""Function.Resize""}"`),
].join("\n");

describe("a field inside a column of JSON text", () => {
  it("reads customDimensions.InputBytes (and nested keys) from the JSON cell", async () => {
    const { records, report } = await parseCsvTraces(AZURE, { file: "requests.csv", columns: { function: "name", runtimeMs: "duration", inputBytes: "customDimensions.InputBytes", memorySettingMb: "customDimensions.Host.MemoryMb" } });
    expect(records.map((r) => [r.function, r.inputBytes, r.runtimeMs, r.memorySettingMb])).toEqual([1, 2, 4, 8].map((mb) => ["Resize", mb * 1e6, 4 + 3 * mb, 512]));
    expect(report.columns).toContain("inputBytes←customDimensions.InputBytes");
  });

  it("a key's name gives its unit as a header's does (customDimensions.durationSeconds is s); without one, the default is said to be assumed", async () => {
    const text = 'name,customDimensions\nResize,"{""InputBytes"":1000,""durationSeconds"":0.5}"\n';
    const { records, report } = await parseCsvTraces(text, { columns: { function: "name", inputBytes: "customDimensions.InputBytes", runtimeMs: "customDimensions.durationSeconds" } });
    expect(records[0]).toMatchObject({ inputBytes: 1000, runtimeMs: 500 });
    expect(report.columns).toContain("runtimeMs←customDimensions.durationSeconds ×1000");
    expect(report.columns).toContain("inputBytes←customDimensions.InputBytes"); // "bytes" in the key's name: B, no assumption
    expect(report.columns).not.toContain("assumed");
  });

  it("reaches into the JSON column from --where and --derive expressions too", async () => {
    const { records } = await parseCsvTraces(AZURE, {
      file: "requests.csv",
      columns: { function: "name", runtimeMs: "duration", inputBytes: { expr: "customDimensions.InputBytes / 2" } },
      where: 'customDimensions.Category == "Function.Resize" and customDimensions.InputBytes > 1000000',
    });
    expect(records.map((r) => r.inputBytes)).toEqual([1e6, 2e6, 4e6]);
  });

  it("a key the object lacks is an empty cell; a cell that is not a JSON object is a bad cell naming the column", async () => {
    const missing = await parseCsvTraces(AZURE, { file: "r.csv", columns: { function: "name", inputBytes: "customDimensions.InputBytes", runtimeMs: "duration", outputBytes: "customDimensions.OutputBytes" } });
    expect(missing.report.targets.outputBytes).toMatchObject({ used: 0, skipped: { "empty cell": 4 } });
    const broken = AZURE.replace(`"{""InputBytes"":""4000000""`, `"{oops""InputBytes"":""4000000""`);
    let err: unknown;
    try {
      await parseCsvTraces(broken, { file: "r.csv", columns: { function: "name", runtimeMs: "duration", inputBytes: "customDimensions.InputBytes" } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]).toMatchObject({ code: codeOf("traces.badCell"), path: ["r.csv", "line 4", "customDimensions"], expected: "a JSON object" });
  });

  it("finds the longest header before a dot, and only when the whole name is no header", () => {
    const header = ["a", "a.b", "c"];
    const find = (c: string) => header.indexOf(c);
    expect(jsonCellPath("a.b.x.y", find)).toEqual({ index: 1, keys: ["x", "y"] });
    expect(jsonCellPath("a.z", find)).toEqual({ index: 0, keys: ["z"] });
    expect(jsonCellPath("d.z", find)).toBeUndefined();
    expect(valueInJsonCell('{"x":{"y":true}}', ["x", "y"], "a")).toBe(true);
    expect(valueInJsonCell('{"x":[1,2]}', ["x"], "a")).toBe("[1,2]");
    expect(valueInJsonCell('{"__proto__":5}', ["__proto__"], "a")).toBe(5);
    expect(valueInJsonCell("", ["x"], "a")).toBeUndefined();
  });
});
