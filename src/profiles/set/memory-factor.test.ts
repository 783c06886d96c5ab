import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plan } from "../../plan/plan.js";
import { trainProfiles } from "../train/train-profiles.js";
import type { TraceRecord } from "../../traces/trace-record.js";
import { mulberry32 } from "../../util/mulberry32.js";
import { fitMemoryFactor, memoryScale } from "./memory-factor.js";

const SETTINGS_MB = [512, 1024, 2048];

/** Runtime (offset + slope · x) · (m / 1024)^γ with ±2.5% noise; sizes from `sizeOf`, settings drawn at random. */
function rows(gamma: number, offsetMs: number, sizeOf: (i: number) => number, n = 90) {
  const random = mulberry32(3);
  const x: number[] = [], y: number[] = [], m: number[] = [];
  for (let i = 0; i < n; i++) {
    const size = sizeOf(i);
    const mb = SETTINGS_MB[Math.floor(random() * SETTINGS_MB.length)]!;
    x.push(size);
    m.push(mb);
    y.push(offsetMs * (1 + 2.5e-6 * size) * (mb / 1024) ** gamma * (1 + 0.05 * (random() - 0.5)));
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y), m: Float64Array.from(m) };
}

describe("fitMemoryFactor", () => {
  // Runtimes of a few milliseconds and below are where a law on ln(1 + y) read γ near 0
  // (a true −1 as −0.73 at 2 ms, −0.10 at 0.05 ms).
  it.each([
    { gamma: -1, offsetMs: 0.05 },
    { gamma: -1, offsetMs: 2 },
    { gamma: -0.5, offsetMs: 0.05 },
    { gamma: -0.5, offsetMs: 200 },
    { gamma: 0, offsetMs: 2 },
  ])("reads γ $gamma from the same sizes at several settings, runtimes from $offsetMs ms", ({ gamma, offsetMs }) => {
    const r = rows(gamma, offsetMs, (i) => 3072 * 2 ** (i % 12));
    expect(fitMemoryFactor(r.x, r.y, r.m)!.exponent).toBeCloseTo(gamma, 1);
  });

  it.each([
    { gamma: -1, offsetMs: 0.05 },
    { gamma: -0.5, offsetMs: 2 },
    { gamma: 0, offsetMs: 200 },
  ])("reads γ $gamma when no size was traced at two settings, runtimes from $offsetMs ms", ({ gamma, offsetMs }) => {
    // every size 10% above the last: no two rows share a size
    const r = rows(gamma, offsetMs, (i) => 3072 * 1.1 ** i);
    expect(fitMemoryFactor(r.x, r.y, r.m)!.exponent).toBeCloseTo(gamma, 1);
  });

  it("keeps γ within [−1, 0]: more memory never slows a function, nor speeds it beyond perfect scaling", () => {
    const slower = rows(0.4, 2, (i) => 3072 * 2 ** (i % 12));
    expect(fitMemoryFactor(slower.x, slower.y, slower.m)!.exponent).toBe(0);
    const superLinear = rows(-1.6, 2, (i) => 3072 * 2 ** (i % 12));
    expect(fitMemoryFactor(superLinear.x, superLinear.y, superLinear.m)!.exponent).toBe(-1);
  });

  it("has no law with fewer than two usable settings; rows without a positive runtime or a setting do not count", () => {
    const x = Float64Array.from([1e3, 2e3, 4e3, 8e3]);
    expect(fitMemoryFactor(x, Float64Array.from([1, 2, 4, 8]), Float64Array.from([512, 512, 512, 512]))).toBeUndefined();
    // the only rows at 2048 MB have a zero or NaN runtime
    expect(fitMemoryFactor(x, Float64Array.from([1, 2, 0, Number.NaN]), Float64Array.from([512, 512, 2048, 2048]))).toBeUndefined();
    expect(fitMemoryFactor(x, Float64Array.from([1, 2, 4, 8]), Float64Array.from([512, 512, Number.NaN, 0]))).toBeUndefined();
  });

  it("has no law from too few rows at distinct sizes to separate memory from size", () => {
    const r = rows(-1, 2, (i) => 3072 * 1.1 ** i, 7);
    expect(fitMemoryFactor(r.x, r.y, r.m)).toBeUndefined();
    // the same seven rows read at the same sizes pair up: a law
    const paired = rows(-1, 2, (i) => 3072 * 2 ** (i % 2), 7);
    expect(fitMemoryFactor(paired.x, paired.y, paired.m)!.exponent).toBeCloseTo(-1, 1);
  });

  it("names the reference (most common) setting and the traced range; memoryScale clamps to it", () => {
    const r = rows(-1, 2, (i) => 3072 * 2 ** (i % 12));
    const f = fitMemoryFactor(r.x, r.y, r.m)!;
    expect([f.minMb, f.maxMb]).toEqual([512, 2048]);
    const counts = SETTINGS_MB.map((s) => r.m.filter((v) => v === s).length);
    expect(f.referenceMb).toBe(SETTINGS_MB[counts.indexOf(Math.max(...counts))]);
    expect(memoryScale(f, 8192)).toBe(memoryScale(f, 2048));
    expect(memoryScale(f, 128)).toBe(memoryScale(f, 512));
    expect(memoryScale(f, undefined)).toBe(1);
    expect(memoryScale(undefined, 1024)).toBe(1);
  });
});

describe("a runtime whose speed-up differs by size and stops at a setting", () => {
  // 20 ms that no memory speeds up, plus compute with CPU ∝ memory up to 1,769 MB (one vCPU on
  // Lambda) and no faster above: the same inputs traced at four settings, 3 runs each, ±2%.
  const law = (x: number, m: number) => 20 + 5e-5 * x * (1769 / Math.min(m, 1769));
  const SETTINGS = [512, 1024, 1769, 3008];
  const sizes = Array.from({ length: 11 }, (_, k) => 65536 * 2 ** k);
  const records: TraceRecord[] = sizes.flatMap((x) =>
    SETTINGS.flatMap((m) => [0, 1, 2].map((r) => ({ app: "a", function: "f", inputBytes: x, runtimeMs: law(x, m) * (1 + 0.02 * Math.sin(x + m + r)), memoryMb: 100, outputBytes: x, fanout: 1, memorySettingMb: m }))),
  );

  it("predicts every traced size and setting within 5%, and settings between them within 5% (one exponent missed by up to 35%)", async () => {
    const set = await trainProfiles(records, { model: "linear" });
    expect(set.data.functions.f!.targets.runtimeMs!.memoryFactor?.table?.settingsMb).toEqual(SETTINGS);
    const p = set.profileFor("f", {})!;
    for (const x of sizes) for (const m of [...SETTINGS, 768, 1400, 2400]) expect(Math.abs(p.runtimeMs(x, m) / law(x, m) - 1)).toBeLessThan(0.05);
    // past 1,769 MB nothing is gained: no plan pays for 3008 MB expecting a speed-up
    expect(p.runtimeMs(sizes[8]!, 3008) / p.runtimeMs(sizes[8]!, 1769)).toBeGreaterThan(0.97);
  });

  it("a plan that configures a setting outside the traced ones says the runtime is held at the nearest", async () => {
    const set = await trainProfiles(records, { model: "linear" });
    const dagAt = (memoryMb: number) => ({ name: "m", stages: [{ id: "work", function: "f", instances: 4, memoryMb }, { id: "sink", function: "f", memoryMb: 1024 }], edges: [{ from: "work", to: "sink", pattern: "gather" as const }] });
    const outside = await plan(dagAt(8192), 16 * 2 ** 20, { profiles: set });
    expect(outside.warnings).toContain("work: f runtimeMs at 8192 MB is taken at the largest traced memory setting, 3008 MB (traced 512–3008 MB; no change with memory is extrapolated beyond them)");
    const inside = await plan(dagAt(2048), 16 * 2 ** 20, { profiles: set });
    expect(inside.warnings.filter((w) => w.includes("traced memory setting"))).toEqual([]);
  });
});


describe("any rows (property)", () => {
  const value = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e-300, 1e300));
  const row = fc.record({ x: value, y: value, m: fc.oneof(fc.constantFrom(128, 512, 1024, 1769, 3008, 10240, 0, -5, Number.NaN), fc.double({ min: 1, max: 1e6, noNaN: true })) });

  it("give no law or a physical one: γ in [−1, 0], every factor finite, never slower with more memory", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.double({ min: 0, max: 1e13, noNaN: true }), (rows, at) => {
        const f = fitMemoryFactor(Float64Array.from(rows, (r) => r.x), Float64Array.from(rows, (r) => r.y), Float64Array.from(rows, (r) => r.m));
        if (f === undefined) return;
        expect(f.exponent).toBeGreaterThanOrEqual(-1);
        expect(f.exponent).toBeLessThanOrEqual(0);
        const settings = [f.minMb / 2, f.minMb, f.referenceMb, (f.referenceMb + f.maxMb) / 2, f.maxMb, f.maxMb * 2];
        const scales = settings.map((m) => memoryScale(f, m, at));
        for (const s of scales) expect(Number.isFinite(s) && s > 0).toBe(true);
        for (let i = 1; i < scales.length; i++) expect(scales[i]!).toBeLessThanOrEqual(scales[i - 1]! * (1 + 1e-12));
        // never faster than perfect scaling against the reference
        expect(memoryScale(f, f.maxMb, at)).toBeGreaterThanOrEqual((f.referenceMb / f.maxMb) * (1 - 1e-12));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
