import { describe, expect, it } from "vitest";
import { issue } from "../../errors.js";
import { parseCsvTraces } from "../parse-csv-traces.js";
import { SkippedRecords } from "./skipped-records.js";

const at = (line: number) => issue("traces.badJsonRecord", { path: ["t.jsonl", `line ${line}`], actual: "x", params: { reason: "not JSON" } });

describe("SkippedRecords", () => {
  it("leaves a report alone when nothing was skipped", async () => {
    const { report } = await parseCsvTraces("function,input_bytes,runtime_ms\nf,1,2\n", { file: "t.jsonl" });
    expect(new SkippedRecords().applyTo(report)).toBe(report);
  });

  it("adds its records to the rows read and skipped, examples merged in line order", async () => {
    // 3 rows read, line 3 rejected by the mapping (no input size); lines 2 and 5 skipped before it
    const { report } = await parseCsvTraces("function,input_bytes,runtime_ms\nf,1,2\nf,,3\nf,4,5\n", { file: "t.jsonl", onInvalid: "skip" });
    const skipped = new SkippedRecords();
    skipped.add("not JSON", at(5));
    skipped.add("not a JSON object", at(2));
    const merged = skipped.applyTo(report);
    expect(skipped.count).toBe(2);
    expect(merged.rowsRead).toBe(report.rowsRead + 2); // 3 + 2
    expect(merged.rowsSkipped).toEqual({ "inputBytes: empty cell": 1, "not JSON": 1, "not a JSON object": 1 });
    expect(merged.skipped.map((i) => i.path[1])).toEqual(["line 2", "line 3", "line 5"]);
    expect(merged.rowsKept).toBe(report.rowsKept);
  });
});
