import { describe, expect, it } from "vitest";
import type { ReadReport } from "../../traces/read-report.js";
import { describeFiles } from "./train-summary.js";

const report = (file: string, over: Partial<ReadReport> = {}): ReadReport => ({
  file, rowsRead: 10, rowsKept: 10, rowsFiltered: 0, rowsSkipped: {}, skipped: [], fieldsSkipped: {}, targets: {} as ReadReport["targets"], columns: "function←func, inputBytes←blob.download", ...over,
});

describe("describeFiles: what train says of each file it read", () => {
  it("a file mapped as the one before it says so instead of repeating its columns and hints", () => {
    const text = describeFiles([report("a.csv", { hints: ["fanout: …"] }), report("b.csv", { hints: ["fanout: …"] }), report("c.csv", { columns: "function←fn" })]);
    expect(text.split("\n")).toEqual(["a.csv: 10 of 10 rows kept", "  columns: function←func, inputBytes←blob.download", "  hint: fanout: …", "b.csv: 10 of 10 rows kept", "  columns: as above", "c.csv: 10 of 10 rows kept", "  columns: function←fn", ""]);
  });

  it("counts one row in the singular", () => {
    expect(describeFiles([report("one.csv", { rowsRead: 1, rowsKept: 1 })]).split("\n")[0]).toBe("one.csv: 1 of 1 row kept");
    expect(describeFiles([report("one.csv", { rowsRead: 3, rowsKept: 1 })]).split("\n")[0]).toBe("one.csv: 1 of 3 rows kept");
  });

  it("a folder of many files: the first five in full, the rest summed in one line", () => {
    const reports = Array.from({ length: 9 }, (_, i) => report(`run-${i}.csv`, i === 7 ? { rowsKept: 8, rowsSkipped: { "wrong number of columns": 2 } } : {}));
    const lines = describeFiles(reports).trimEnd().split("\n");
    expect(lines).toHaveLength(5 * 2 + 2);
    expect(lines.slice(-2)).toEqual(["… and 4 more files: 38 of 40 rows kept, skipped 2 (2 wrong number of columns)", "  columns: as above"]);
    const mixed = describeFiles(reports.map((r, i) => (i === 8 ? { ...r, columns: "function←fn" } : r)));
    expect(mixed.trimEnd().split("\n").at(-1)).toBe("  columns: 2 different mappings over the 9 files (their headers differ)");
  });
});
