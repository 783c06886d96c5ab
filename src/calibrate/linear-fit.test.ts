import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitLatencyBandwidth, meanAndSpread, medianAndSpread } from "./linear-fit.js";

describe("fitLatencyBandwidth", () => {
  it.each([
    // 5 ms + bytes at 100 MB/s (1 MB = 10 ms): 1 kB → 5.01, 1 MB → 15, 10 MB → 105: exact, errors 0.
    { latency: 5, bw: 100e6, sizes: [1e3, 1e6, 1e7] },
    // 27 ms + 41 MB/s, SeBS-Flow-like.
    { latency: 27, bw: 41e6, sizes: [1024, 65536, 1 << 20, 16 << 20] },
  ])("recovers $latency ms and $bw B/s from exact samples", ({ latency, bw, sizes }) => {
    // Two samples at the smallest size, so its latency has a spread (0 here).
    sizes = [sizes[0]!, ...sizes];
    const fit = fitLatencyBandwidth(sizes.map((bytes) => ({ bytes, ms: latency + (bytes / bw) * 1000 })))!;
    expect(fit.latencyMs).toBeCloseTo(latency, 6);
    expect(fit.bytesPerSecond / bw).toBeCloseTo(1, 6);
    expect(fit.mape).toBeLessThan(1e-9);
    expect(fit.latencyRelativeError).toBeLessThan(1e-6);
  });

  it("takes the latency as the median intercept: one stretched request at the smallest size does not move it", () => {
    // 2 ms + bytes at 100 MB/s: 1 kB → 2.01 ms (four times, one stretched to 40 ms by a pause), 1 MB → 12, 10 MB → 102.
    // Intercepts at 1 kB after the exact slope (0.01 ms per kB): 2, 2, 2, 39.99 → median 2, MAD 0 → error 0.
    const pts = [2.01, 2.01, 2.01, 40].map((ms) => ({ bytes: 1e3, ms })).concat([{ bytes: 1e6, ms: 12 }, { bytes: 1e7, ms: 102 }]);
    const fit = fitLatencyBandwidth(pts)!;
    // The slope is least squares over all six points, so the outlier tilts it slightly: latency within 0.5 ms of 2 (the mean of intercepts would be ≈ 11.5).
    expect(Math.abs(fit.latencyMs - 2)).toBeLessThan(0.5);
  });

  it("needs at least three samples at two sizes", () => {
    expect(fitLatencyBandwidth([{ bytes: 1, ms: 1 }, { bytes: 2, ms: 2 }])).toBeUndefined();
    expect(fitLatencyBandwidth([{ bytes: 5, ms: 1 }, { bytes: 5, ms: 2 }, { bytes: 5, ms: 3 }])).toBeUndefined();
  });

  it("reports a larger error for noisier samples (property: errors are finite and non-negative)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1e8 }), fc.double({ min: 0.8, max: 1.2, noNaN: true })), { minLength: 4, maxLength: 30 }), (raw) => {
        const pts = raw.map(([bytes, noise]) => ({ bytes, ms: (2 + bytes / 5e4) * noise }));
        const fit = fitLatencyBandwidth(pts);
        if (fit === undefined) return;
        expect(fit.mape).toBeGreaterThanOrEqual(0);
        expect(fit.bandwidthRelativeError).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("meanAndSpread", () => {
  it("mean 10 and sample sd 2 of 8, 10, 12 → relative error 0.2", () => {
    // sd = sqrt(((−2)² + 0 + 2²) / 2) = 2; 2 / 10 = 0.2.
    const s = meanAndSpread([8, 10, 12]);
    expect(s.mean).toBe(10);
    expect(s.relativeError).toBeCloseTo(0.2, 12);
  });
});

describe("medianAndSpread", () => {
  it.each([
    // median 10; |x − 10| = 2, 0, 2 → MAD 2; σ = 1.4826 · 2 = 2.9652; SE = 1.2533 · 2.9652 / √3 = 2.1456; / 10.
    { xs: [8, 10, 12], median: 10, relativeError: (1.2533 * 1.4826 * 2) / Math.sqrt(3) / 10 },
    // One outlier: median 10, deviations 0, 0, 0, 90 → MAD 0 → error 0 (the mean would be 32.5).
    { xs: [10, 10, 100, 10], median: 10, relativeError: 0 },
    // One value: no spread to estimate.
    { xs: [7], median: 7, relativeError: Infinity },
  ])("$xs → median $median", ({ xs, median, relativeError }) => {
    const s = medianAndSpread(xs);
    expect(s.median).toBe(median);
    if (Number.isFinite(relativeError)) expect(s.relativeError).toBeCloseTo(relativeError, 9);
    else expect(s.relativeError).toBe(Infinity);
  });
});
