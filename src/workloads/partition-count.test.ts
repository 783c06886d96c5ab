import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { DEFAULT_MAX_PARTITIONS, DEFAULT_PARTITION_UNIT_BYTES, partitionCount } from "./partition-count.js";

const KIB = 1024;
const MIB = 1048576;

describe("partitionCount", () => {
  it.each([
    // [inputBytes, partitionUnitBytes, max, expected]
    [0, 256 * KIB, 64, 1], // √0 = 0, clamped up to 1
    [1, 256 * KIB, 64, 1], // ⌈√(1/262144)⌉ = 1
    [256 * KIB, 256 * KIB, 64, 1], // √1 = 1: exactly one part
    [256 * KIB + 1, 256 * KIB, 64, 2], // √(1 + 4e-6) just over 1 → 2
    [4 * MIB, 256 * KIB, 64, 4], // √16 = 4 parts of 1 MiB
    [20 * MIB, 256 * KIB, 64, 9], // √80 = 8.94 → 9
    [128 * MIB, 256 * KIB, 64, 23], // √512 = 22.6 → 23 parts of ~5.6 MiB
    [1024 * MIB, 256 * KIB, 64, 64], // √4096 = 64, the cap
    [4096 * MIB, 256 * KIB, 64, 64], // √16384 = 128, clamped to 64
  ])("%i bytes at a %i-byte unit (max %i) → %i", (inputBytes, unit, max, expected) => {
    expect(partitionCount(inputBytes, unit, max)).toBe(expected);
  });

  it("grows both the count and the part size with the input (default rule, 256 KiB – 128 MiB roots)", () => {
    const sizes = [256 * KIB, 1 * MIB, 4 * MIB, 16 * MIB, 64 * MIB, 128 * MIB];
    const parts = sizes.map((s) => partitionCount(s, DEFAULT_PARTITION_UNIT_BYTES, DEFAULT_MAX_PARTITIONS));
    expect(parts).toEqual([1, 2, 4, 8, 16, 23]); // ⌈√(s / 256 KiB)⌉: √1, √4, √16, √64, √256, √512
    const partBytes = sizes.map((s, i) => s / parts[i]!);
    for (let i = 1; i < sizes.length; i++) expect(partBytes[i]!).toBeGreaterThan(partBytes[i - 1]!);
    expect(partBytes[partBytes.length - 1]! / partBytes[0]!).toBeGreaterThan(10); // 5.57 MiB / 256 KiB ≈ 22
  });

  it("rejects a non-positive unit", () => {
    expect(() => partitionCount(10, 0, 4)).toThrow(expect.objectContaining({ code: codeOf("workloads.badArgument"), issues: [expect.objectContaining({ path: ["partitionUnitBytes"], actual: "0" })] }));
  });
});
