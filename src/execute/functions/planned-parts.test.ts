import { describe, expect, it } from "vitest";
import { partitionCount } from "../../workloads/partition-count.js";
import { plannedPartsParams } from "./planned-parts.js";

describe("plannedPartsParams", () => {
  it.each([
    // unit = ⌊1,000,000 / 16⌋ = 62,500 → ⌈√16⌉ = 4, max 4 → 4 parts (the traced rule gave ⌈√(1e6 / 262,144)⌉ = 2).
    { inputBytes: 1_000_000, fanout: 4, parts: 4 },
    // unit = ⌊1,000,000 / 49⌋ = 20,408 → ⌈√49.0⌉ = ⌈7.0001⌉ = 8, capped by max 7 → 7.
    { inputBytes: 1_000_000, fanout: 7, parts: 7 },
    // One part: unit = the whole input, max 1.
    { inputBytes: 1_000_000, fanout: 1, parts: 1 },
    // 16 MiB into 2 (fewer than the traced rule's ⌈√64⌉ = 8): unit = 4 MiB → ⌈√4⌉ = 2.
    { inputBytes: 16 * 1024 * 1024, fanout: 2, parts: 2 },
    // Fewer bytes than fanout²: unit 1 → ⌈√10⌉ = 4 parts, not 5.
    { inputBytes: 10, fanout: 5, parts: 4 },
  ])("$inputBytes bytes, fanout $fanout → $parts parts", ({ inputBytes, fanout, parts }) => {
    const p = plannedPartsParams({ partitionUnitBytes: 262_144 }, inputBytes, fanout) as { partitionUnitBytes: number; maxPartitions: number };
    expect(partitionCount(inputBytes, p.partitionUnitBytes, p.maxPartitions)).toBe(parts);
  });

  it("leaves params without a part rule alone", () => {
    const params = { k: 8 };
    expect(plannedPartsParams(params, 1000, 4)).toBe(params);
    expect(plannedPartsParams(undefined, 1000, 4)).toBeUndefined();
  });
});
