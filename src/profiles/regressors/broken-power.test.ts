import { describe, expect, it } from "vitest";
import { refuseExtrapolation } from "../train/extrapolation-guard.js";
import { formatModel } from "../report/format-model.js";
import { storedModelSchema } from "../store/stored-profiles-schema.js";
import { createRandom } from "../../../test/support/synthetic-traces.js";
import { fitBrokenPower, predictBrokenPower } from "./broken-power.js";
import { predictModel } from "./predict-model.js";
import type { BrokenPowerArtifact, FitOutcome } from "./types.js";

const MB = 1e6;
const SIZES = [1, 2, 4, 8, 16, 32, 64].map((m) => m * MB);

/** a·(1+x)^b up to the knee k, slope c above it: the law this family fits. */
const hinge = (a: number, b: number, k: number, c: number) => (x: number) => a * (1 + x) ** b * Math.max(1, (1 + x) / (1 + k)) ** (c - b);

function fitted(o: FitOutcome): BrokenPowerArtifact {
  if (o.status !== "fitted" || o.model.family !== "broken-power") throw new Error(o.status === "fitted" ? o.model.family : o.reason);
  return o.model;
}

describe("broken power law", () => {
  it.each([
    // a, b, knee, c: the fit recovers the knee and both slopes; value 2× beyond the data (128 MB)
    // 1e-3·(1+4e6)^0.8 = 191.27 at the knee; ×(1.28e8 / 4e6)^1.25 = 32^1.25 = 76.11 → 14,557 at 128 MB
    [1e-3, 0.8, 4 * MB, 1.25, 14557.45],
    // a single law (no bend) is the hinge with c = b: 5e-5·(1+1.28e8)^1.1 = 5e-5·1.028e9 = 51,420
    [5e-5, 1.1, 4 * MB, 1.1, 5e-5 * (1 + 128 * MB) ** 1.1],
    // cache step late: 2e-4·(1+x)^1 to 16 MB (3,200 ms), then slope 1.5: 3,200·(128/16)^1.5 = 3,200·22.63 = 72,408
    [2e-4, 1, 16 * MB, 1.5, 72408.2],
  ])("recovers a = %f, b = %f, knee %f B, c = %f; %f at 128 MB within 1e-3", (a, b, knee, c, at128) => {
    const law = hinge(a, b, knee, c);
    const m = fitted(fitBrokenPower({ inputBytes: SIZES, values: SIZES.map(law) }));
    expect(m.exponent).toBeCloseTo(b, 3);
    expect(m.exponentAbove).toBeCloseTo(c, 3);
    if (b !== c) expect(m.kneeBytes).toBe(knee);
    expect(predictBrokenPower(m, 128 * MB) / at128).toBeCloseTo(1, 3);
  });

  it("with ±5% noise: the slope above the knee within 0.1, and 2× beyond the data within 10%", () => {
    const random = createRandom(7);
    const law = hinge(1e-3, 0.8, 4 * MB, 1.25);
    const xs = SIZES.flatMap((x) => [x, x, x]);
    const m = fitted(fitBrokenPower({ inputBytes: xs, values: xs.map((x) => law(x) * (1 + 0.05 * (2 * random() - 1))) }));
    expect(Math.abs(m.exponentAbove - 1.25)).toBeLessThan(0.1);
    expect(Math.abs(predictBrokenPower(m, 128 * MB) / law(128 * MB) - 1)).toBeLessThan(0.1);
  });

  it.each([
    // 4 distinct sizes: each side needs 3 counting the knee, so 2·3 − 1 = 5
    ["too few sizes", [1, 2, 4, 8].map((m) => m * MB), (x: number) => x, "needs 5 distinct input sizes, got 4"],
    // 5 sizes over 1.0–1.4 MB: no knee has ≥ 2× of sizes below and above it
    ["too narrow a range", [1, 1.1, 1.2, 1.3, 1.4].map((m) => m * MB), (x: number) => x, "needs a knee size with 3 sizes spanning ≥ 2× on each side"],
    // y = 1e9 / x falls everywhere: every knee has a negative slope somewhere
    ["falling values", SIZES, (x: number) => 1e9 / x, "no knee gives a law with non-negative slopes on both sides"],
  ])("not applicable: %s", (_why, xs, law, reason) => {
    expect(fitBrokenPower({ inputBytes: xs, values: xs.map(law) })).toEqual({ status: "not-applicable", reason });
  });

  it.each([
    // e^(ln 2 + 0.5·ln(1 + 99)) − 0 = 2·10 = 20: below the knee (999), the lower law alone
    [99, 0, 20],
    // at the knee both laws agree: 2·(1 + 999)^0.5 = 2·31.623 = 63.246
    [999, 0, 63.246],
    // above: 63.246·((1 + 9999)/(1 + 999))^1.5 = 63.246·10^1.5 = 63.246·31.623 = 2,000
    [9999, 0, 2000],
    // offset 1 (fitted on ln(1 + y)): one less, 2,000 − 1 = 1,999
    [9999, 1, 1999],
  ] as const)("predicts at %d B (offset %d): %f", (x, offset, expected) => {
    const m: BrokenPowerArtifact = { family: "broken-power", logScale: Math.log(2), exponent: 0.5, kneeBytes: 999, exponentAbove: 1.5, offset };
    expect(predictBrokenPower(m, x)).toBeCloseTo(expected, 2);
    expect(predictModel(m, x)).toBe(predictBrokenPower(m, x));
  });

  const STEEP: BrokenPowerArtifact = { family: "broken-power", logScale: Math.log(2), exponent: 0.5, kneeBytes: 999, exponentAbove: 1.5, offset: 0 };

  it("is written as predict evaluates it", () => {
    // a = e^(ln 2) = 2, slope 0.5, then 1.5 − 0.5 = 1 more above the knee
    expect(formatModel(STEEP)).toBe("2·(1+x)^0.500·max(1, (1+x)/(1+999))^1.000");
    // a bend of −0.0001 rounds to nothing and is written 0.000, not −0.000; offset 1 adds " − 1"
    expect(formatModel({ ...STEEP, exponentAbove: 0.4999, offset: 1 })).toBe("2·(1+x)^0.500·max(1, (1+x)/(1+999))^0.000 − 1");
  });

  it.each([
    // beyond xMax = 1e4 the law grows as x^1.5 (in ln(1 + y): ≈ 1.5); data slope 1.0 → limit max(1, 1.0) + 0.25 = 1.25: refused
    [1.0, "refused"],
    // data slope 1.4 → limit 1.65 ≥ 1.5: kept
    [1.4, "kept"],
  ] as const)("the explosion guard judges its upper slope (data slope %f: %s)", (dataSlope, verdict) => {
    const why = refuseExtrapolation(STEEP, 1e4, dataSlope);
    if (verdict === "refused") expect(why).toMatch(/^grows as x\^1\.50 beyond the data/);
    else expect(why).toBeUndefined();
  });

  it("round-trips through the stored schema; a negative knee is rejected", () => {
    expect(storedModelSchema.parse(STEEP)).toEqual(STEEP);
    expect(storedModelSchema.safeParse({ ...STEEP, kneeBytes: -1 }).success).toBe(false);
  });
});

describe("auto selection of the broken power law", () => {
  it("picks it for a runtime whose per-byte cost steps up past a knee, and predicts 2× beyond within 5%", async () => {
    const { generateTraces } = await import("../../../test/support/synthetic-traces.js");
    const { trainProfiles } = await import("../train/train-profiles.js");
    // slope 0.8 up to 8 MB, 1.4 above: one power law fitted to the clean law over 1–64 MB reads slope 1.17
    // and at 128 MB predicts 0.68 of the truth (32% low); the hinge carries 1.4 on.
    const law = hinge(1e-3, 0.8, 8 * MB, 1.4);
    const records = generateTraces(
      [{ app: "knee", function: "cache-bound", runtimeMs: law, memoryMb: (x) => 10 + x / MB, outputBytes: (x) => x, fanout: () => 1 }],
      { inputBytes: [1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64].map((m) => m * MB), noise: 0.03, seed: 4 },
    );
    const set = await trainProfiles(records, { backend: "cpu", mlp: { epochs: 60 } });
    expect(set.data.functions["cache-bound"]!.targets.runtimeMs!.model.family).toBe("broken-power");
    const p = set.profileFor("cache-bound", {})!;
    expect(Math.abs(p.runtimeMs(128 * MB) / law(128 * MB) - 1)).toBeLessThan(0.05);
  });
});
