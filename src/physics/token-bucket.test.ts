import { describe, expect, it } from "vitest";
import { bucketRate, bucketTransferMs, burstReachBytes, creditAfter, msUntilDrained, rechargeThresholdBytes, type TokenBucket } from "./token-bucket.js";

// 100 MB/s baseline, 400 MB/s burst, 30 MB of credit: the credit drains at 300 MB/s while bursting,
// so it lasts 100 ms and 40 MB leave at the burst rate.
const B: TokenBucket = { baselineBytesPerSecond: 100e6, burstBytesPerSecond: 400e6, burstBytes: 30e6 };
// A Lambda function (Bodner et al. 2025): 75 MiB/s baseline, 1.2 GiB/s burst, 300 MiB of credit.
const MiB = 1024 ** 2;
const LAMBDA: TokenBucket = { baselineBytesPerSecond: 75 * MiB, burstBytesPerSecond: 1.2 * 1024 * MiB, burstBytes: 300 * MiB };

describe("bucketTransferMs: t(B) = max(B / burst, (B − credit) / baseline)", () => {
  it.each([
    { bytes: 0, ms: 0 }, // nothing to move
    { bytes: 20e6, ms: 50 }, // within the burst: 20 MB / 400 MB/s
    { bytes: 40e6, ms: 100 }, // exactly the burst's reach: 40/400 = (40 − 30)/100 = 0.1 s
    { bytes: 100e6, ms: 700 }, // past it: (100 − 30) / 100 = 0.7 s (100/400 = 0.25 s is less)
  ])("$bytes B → $ms ms", ({ bytes, ms }) => {
    expect(bucketTransferMs(bytes, B)).toBeCloseTo(ms, 9);
  });

  it("reaches 40 MB at the burst rate; a Lambda function's ≈ 320 MiB", () => {
    expect(burstReachBytes(B)).toBeCloseTo(40e6, 3);
    // 300 MiB · 1228.8 / (1228.8 − 75) = 319.5 MiB
    expect(burstReachBytes(LAMBDA) / MiB).toBeCloseTo((300 * 1228.8) / (1228.8 - 75), 6);
    // a 1 GiB transfer: (1024 − 300) MiB / 75 MiB/s = 9.653 s
    expect(bucketTransferMs(1024 * MiB, LAMBDA)).toBeCloseTo(((1024 - 300) / 75) * 1000, 6);
  });

  it("without burst credit the link is its baseline", () => {
    expect(bucketTransferMs(100e6, { ...B, burstBytes: 0 })).toBeCloseTo(1000, 9);
    expect(burstReachBytes({ ...B, burstBytesPerSecond: 100e6 })).toBe(Infinity);
  });
});

describe("credit over time (the simulator's bookkeeping)", () => {
  it.each([
    // bursting at 400 MB/s for 50 ms drains 300 MB/s · 0.05 s = 15 MB
    { credit: 30e6, load: 400e6, dtMs: 50, after: 15e6 },
    // idle refills at the baseline, capped at the bucket's size
    { credit: 10e6, load: 0, dtMs: 100, after: 20e6 },
    { credit: 25e6, load: 0, dtMs: 100, after: 30e6 },
    // at the baseline nothing changes
    { credit: 5e6, load: 100e6, dtMs: 1000, after: 5e6 },
    // never below 0
    { credit: 1e6, load: 400e6, dtMs: 100, after: 0 },
  ])("credit $credit at load $load for $dtMs ms → $after", ({ credit, load, dtMs, after }) => {
    expect(creditAfter(B, credit, load, dtMs)).toBeCloseTo(after, 3);
  });

  it("drains in credit / (load − baseline); never when at or below the baseline", () => {
    // 30 MB / 300 MB/s = 100 ms; at 250 MB/s: 30 / 150 = 200 ms
    expect(msUntilDrained(B, 30e6, 400e6)).toBeCloseTo(100, 9);
    expect(msUntilDrained(B, 30e6, 250e6)).toBeCloseTo(200, 9);
    expect(msUntilDrained(B, 30e6, 100e6)).toBe(Infinity);
  });

  it("bursts while it has credit; once drained, only after recharging 10 ms of burst", () => {
    // threshold = min(30 MB, 400 MB/s · 10 ms = 4 MB) = 4 MB
    expect(rechargeThresholdBytes(B)).toBeCloseTo(4e6, 3);
    expect(bucketRate(B, 1, false)).toBe(400e6);
    expect(bucketRate(B, 3e6, true)).toBe(100e6);
    expect(bucketRate(B, 4e6, true)).toBe(400e6);
  });
});
