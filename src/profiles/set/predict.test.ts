import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { predict } from "./predict.js";
import { generateTraces, SYNTHETIC_SORT } from "../../../test/support/synthetic-traces.js";
import { trainProfiles } from "../train/train-profiles.js";

const MB = 1e6;

describe("predict", async () => {
  const records = generateTraces(SYNTHETIC_SORT, { inputBytes: [2, 4, 8, 16, 32].map((m) => m * MB), repeats: 2, noise: 0.05, seed: 3 });
  const set = await trainProfiles(records, { model: "auto", backend: "cpu", mlp: { epochs: 50 } });

  it.each([
    // trained sizes span 2–32 MB
    [1 * MB, "below"],
    [2 * MB, "within"],
    [20 * MB, "within"],
    [32 * MB, "within"],
    [64 * MB, "above"], // 2× the largest trained size
  ] as const)("flags %d bytes as %s the trained range", (x, range) => {
    const p = predict(set, "sort", x);
    expect(p.inputRange).toBe(range);
    expect(p.trainedInputBytes).toEqual({ min: 2 * MB, max: 32 * MB });
  });

  it("gives low ≤ median ≤ high for every target, at the requested level", () => {
    const p = predict(set, "merge", 10 * MB, { level: 0.8 });
    expect(p.level).toBe(0.8);
    for (const t of ["runtimeMs", "memoryMb", "outputBytes", "fanout"] as const) {
      expect(p[t]!.low).toBeLessThanOrEqual(p[t]!.median);
      expect(p[t]!.median).toBeLessThanOrEqual(p[t]!.high);
    }
  });

  it("widens the interval beyond the trained sizes and says by how much, per target", () => {
    // Trained on 2–32 MB (a span of ln 16): at 320 MB, 10× beyond, the spread is 1 + ln 10 / ln 16 = 1.83× wider.
    const edge = predict(set, "sort", 32 * MB);
    const far = predict(set, "sort", 320 * MB);
    const width = (p: typeof edge) => Math.log1p(p.memoryMb!.high) - Math.log1p(p.memoryMb!.low);
    expect(width(far) / width(edge)).toBeCloseTo(1 + Math.log(10) / Math.log(16), 2);
    expect(edge.extrapolations).toEqual([]);
    expect(far.extrapolations.find((e) => e.target === "memoryMb")).toMatchObject({ direction: "above", factor: 10, intervalWidening: expect.closeTo(1 + Math.log(10) / Math.log(16), 6) });
  });

  it.each([
    ["an unknown function", "nope", 1, {}, "functionName"],
    ["a negative size", "sort", -1, {}, "inputBytes"],
    ["NaN", "sort", Number.NaN, {}, "inputBytes"],
    ["a level of 1", "sort", 1, { level: 1 }, "level"],
    // a memory size that is no size was ignored before (the runtime read at the reference setting)
    ["a negative memory size", "sort", 1, { memoryMb: -1 }, "memoryMb"],
    ["a NaN memory size", "sort", 1, { memoryMb: Number.NaN }, "memoryMb"],
  ])("rejects %s", (_label, name, x, options, field) => {
    expect(() => predict(set, name, x, options)).toThrow(InputError);
    try {
      predict(set, name, x, options);
    } catch (e) {
      expect((e as InputError).issues[0]?.path).toEqual([field]);
    }
  });
});
