import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { batchByteLength, decodeBatches, encodeBatch } from "./column-batch.js";
import { concatBytes } from "./types.js";

describe("column batches", () => {
  it("round-trips, and concatenated encodings decode as a list", () => {
    const a = { rowCount: 3, columns: [Int32Array.of(1, 2, 3), Int32Array.of(-4, 5, 6)] };
    const b = { rowCount: 1, columns: [Int32Array.of(7)] };
    const bytes = concatBytes([encodeBatch(a), encodeBatch(b)]);
    expect(bytes.length).toBe(batchByteLength(3, 2) + batchByteLength(1, 1)); // (8 + 24) + (8 + 4)
    expect(decodeBatches(bytes)).toEqual([a, b]);
  });

  it("decodes at an unaligned byte offset", () => {
    const bytes = concatBytes([new Uint8Array(3), encodeBatch({ rowCount: 2, columns: [Int32Array.of(9, 10)] })]);
    expect(decodeBatches(bytes.subarray(3))[0]!.columns[0]).toEqual(Int32Array.of(9, 10));
  });

  it("rejects a truncated batch and a column of the wrong length", () => {
    expect(() => decodeBatches(encodeBatch({ rowCount: 2, columns: [Int32Array.of(1, 2)] }).subarray(0, 12))).toThrow(expect.objectContaining({ code: codeOf("workloads.malformedInput"), issues: [expect.objectContaining({ expected: "16 ≤ 12 bytes (2 rows × 1 columns)", actual: "12 bytes" })] })); // 8-byte header + 2 rows × 1 column × 4 B = 16 B
    expect(() => encodeBatch({ rowCount: 2, columns: [Int32Array.of(1)] })).toThrow(expect.objectContaining({ code: codeOf("workloads.malformedInput"), issues: [expect.objectContaining({ path: ["column batch", "column 0"], expected: "2 values", actual: "1 values" })] }));
  });
});
