import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { decodePoints, generatePoints } from "./gen-points.js";

describe("generatePoints", () => {
  it("fills whole 8-D float32 points and is deterministic per seed", () => {
    const a = generatePoints(1_000, 1);
    expect(a.length).toBe(992); // floor(1000 / 32) = 31 points × 32 bytes
    expect(generatePoints(1_000, 1)).toEqual(a);
    expect(generatePoints(1_000, 2)).not.toEqual(a);
  });

  it("draws finite coordinates near the [-20, 20] centres", () => {
    const values = decodePoints(generatePoints(32_000, 3), 8);
    expect(values.every((v) => Number.isFinite(v) && Math.abs(v) < 30)).toBe(true);
  });

  it("rejects bytes that are not whole points", () => {
    expect(() => decodePoints(new Uint8Array(33), 8)).toThrow(expect.objectContaining({ code: codeOf("workloads.malformedInput"), issues: [expect.objectContaining({ expected: "a multiple of 32 bytes (4 · 8 dimensions)", actual: "33 bytes" })] }));
  });
});
