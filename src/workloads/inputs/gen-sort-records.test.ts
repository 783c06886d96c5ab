import { describe, expect, it } from "vitest";
import { compareKeys, generateSortRecords, RECORD_BYTES } from "./gen-sort-records.js";

describe("generateSortRecords", () => {
  it("fills whole 100-byte records and is deterministic per seed", () => {
    const a = generateSortRecords(10_050, 3);
    expect(a.length).toBe(10_000); // floor(10050 / 100) = 100 records
    expect(generateSortRecords(10_050, 3)).toEqual(a);
    expect(generateSortRecords(10_050, 4)).not.toEqual(a);
  });

  it("ends every record with a newline and labels it with its index", () => {
    const a = generateSortRecords(5 * RECORD_BYTES, 1);
    for (let r = 0; r < 5; r++) {
      expect(a[(r + 1) * RECORD_BYTES - 1]).toBe(10);
      expect(Buffer.from(a.subarray(r * RECORD_BYTES + 10, r * RECORD_BYTES + 22)).toString("latin1")).toBe(String(r).padStart(12, "0"));
    }
  });

  it("compares keys bytewise", () => {
    const x = new Uint8Array(2 * RECORD_BYTES);
    x[9] = 1; // record 0 key ends in 1, record 1 key is all zeros
    expect(compareKeys(x, 0, x, 1)).toBeGreaterThan(0);
    expect(compareKeys(x, 1, x, 0)).toBeLessThan(0);
    expect(compareKeys(x, 0, x, 0)).toBe(0);
  });
});
