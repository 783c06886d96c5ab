import { describe, expect, it } from "vitest";
import { compareKeys, generateSortRecords, RECORD_BYTES } from "../inputs/gen-sort-records.js";
import { sortMap } from "./sort-map.js";
import { sortReduce } from "./sort-reduce.js";
import { concatBytes } from "../types.js";

function records(bytes: Uint8Array): string[] {
  return Array.from({ length: bytes.length / RECORD_BYTES }, (_, r) => Buffer.from(bytes.subarray(r * RECORD_BYTES, (r + 1) * RECORD_BYTES)).toString("hex"));
}

function isSorted(bytes: Uint8Array): boolean {
  for (let r = 1; r < bytes.length / RECORD_BYTES; r++) if (compareKeys(bytes, r - 1, bytes, r) > 0) return false;
  return true;
}

describe("sortReduce", () => {
  it("outputs a sorted permutation of its records", () => {
    const input = generateSortRecords(30_000, 11);
    const [out] = sortReduce(input).outputs;
    expect(isSorted(out!)).toBe(true);
    expect(records(out!).sort()).toEqual(records(input).sort());
  });

  it("sorts records that share a key prefix by the key's last bytes", () => {
    const input = new Uint8Array(3 * RECORD_BYTES);
    [3, 1, 2].forEach((last, r) => (input[r * RECORD_BYTES + 9] = last));
    input[RECORD_BYTES * 2 + 6] = 0; // equal high parts: the order comes from bytes 6–9
    const [out] = sortReduce(input).outputs;
    expect([out![9], out![109], out![209]]).toEqual([1, 2, 3]);
  });

  it("after sort-map, the reduced partitions concatenated in order are the sorted input", () => {
    const input = generateSortRecords(40_000, 2);
    const partitions = sortMap(input, { partitionUnitBytes: 2_500 }).outputs;
    const whole = concatBytes(partitions.map((p) => sortReduce(p).outputs[0]!));
    expect(isSorted(whole)).toBe(true);
    expect(records(whole).sort()).toEqual(records(input).sort());
  });
});
