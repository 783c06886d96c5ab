import { describe, expect, it } from "vitest";
import { partitionCount } from "./partition-count.js";

const MIB = 1048576;

describe("partitionCount", () => {
  it.each([
    // [inputBytes, bytesPerPartition, max, expected]
    [0, 8 * MIB, 64, 1], // clamped up to 1
    [1, 8 * MIB, 64, 1], // ceil(1/8Mi) = 1
    [8 * MIB, 8 * MIB, 64, 1], // exactly one partition
    [8 * MIB + 1, 8 * MIB, 64, 2], // one byte over → 2
    [20 * MIB, 8 * MIB, 64, 3], // ceil(2.5) = 3
    [1024 * MIB, 8 * MIB, 64, 64], // 128 clamped to 64
  ])("%i bytes at %i per partition (max %i) → %i", (inputBytes, per, max, expected) => {
    expect(partitionCount(inputBytes, per, max)).toBe(expected);
  });

  it("rejects a non-positive partition size", () => {
    expect(() => partitionCount(10, 0, 4)).toThrow(/bytesPerPartition: expected > 0, got 0/);
  });
});
