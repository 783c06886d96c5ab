import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { generateSortRecords, RECORD_BYTES } from "../inputs/gen-sort-records.js";
import { sortMap } from "./sort-map.js";

describe("sortMap", () => {
  it("splits the records into ⌈√(input / partitionUnitBytes)⌉ key ranges, losing none", () => {
    const input = generateSortRecords(50_000, 5); // 500 records
    const { outputs } = sortMap(input, { partitionUnitBytes: 2_500 }); // ⌈√(50000/2500)⌉ = ⌈√20⌉ = ⌈4.47⌉ = 5
    expect(outputs).toHaveLength(5);
    expect(outputs.reduce((s, o) => s + o.length, 0)).toBe(input.length);
    outputs.forEach((o, p) => {
      for (let r = 0; r < o.length / RECORD_BYTES; r++) {
        const k16 = (o[r * RECORD_BYTES]! << 8) | o[r * RECORD_BYTES + 1]!;
        expect(Math.floor((k16 * 5) / 65536)).toBe(p);
      }
    });
  });

  it("rejects input that is not whole records", () => {
    expect(() => sortMap(new Uint8Array(150))).toThrow(expect.objectContaining({ code: codeOf("workloads.malformedInput"), issues: [expect.objectContaining({ path: ["sort-map", "input"], actual: "150 bytes" })] }));
  });
});
