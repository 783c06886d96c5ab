import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { decodeBatches } from "../column-batch.js";
import { generateFactTable } from "../inputs/gen-tables.js";
import { parseFactRows, qScan } from "./q-scan.js";

/** The naive parse: split lines and fields as strings. */
function naiveRows(bytes: Uint8Array): number[][] {
  return Buffer.from(bytes).toString("latin1").split("\n").slice(1).filter((l) => l !== "").map((l) => l.split(",").map(Number));
}

describe("qScan", () => {
  it("parses the same rows as a naive string split", () => {
    const input = generateFactTable(10_000, 6, 40);
    const columns = parseFactRows(input);
    const rows = naiveRows(input);
    expect(columns[0]!.length).toBe(rows.length);
    rows.forEach((row, r) => expect(columns.map((c) => c[r])).toEqual(row));
  });

  it("splits the rows into ⌈√(input / partitionUnitBytes)⌉ contiguous batches in order", () => {
    const input = generateFactTable(10_000, 6, 40);
    const { outputs } = qScan(input, { partitionUnitBytes: 800 }); // ≤ 10000 bytes: ⌈√(10000/800)⌉ = ⌈√12.5⌉ = ⌈3.54⌉ = 4
    expect(outputs).toHaveLength(4);
    const orderIds = outputs.flatMap((o) => Array.from(decodeBatches(o)[0]!.columns[0]!));
    expect(orderIds).toEqual(naiveRows(input).map((r) => r[0]));
  });

  it("rejects a malformed row", () => {
    expect(() => parseFactRows(Buffer.from("1,2,3\n", "latin1"))).toThrow(expect.objectContaining({ code: codeOf("workloads.malformedInput"), issues: [expect.objectContaining({ path: ["q-scan", "row 1", expect.any(String)] })] }));
  });
});
