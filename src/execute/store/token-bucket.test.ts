import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TokenBucket } from "./token-bucket.js";

/** A bucket on a hand-driven clock. */
function bucket(bytesPerSecond: number, burstBytes: number) {
  let t = 0;
  const b = new TokenBucket(bytesPerSecond, burstBytes, () => t);
  return { b, at: (ms: number) => (t = ms) };
}

describe("TokenBucket.reserve", () => {
  it.each([
    // 100 MB/s = 0.1 MB/ms, no burst: 1 MB takes 10 ms; back-to-back takes queue behind each other.
    { rate: 100e6, burst: 0, takes: [[0, 1e6], [0, 1e6], [0, 1e6]], waits: [10, 20, 30] },
    // A burst of 1 MB lets the first 1 MB pass at once: waits 0, then 10 (ends at 20 − 10 ms of burst), then 20.
    { rate: 100e6, burst: 1e6, takes: [[0, 1e6], [0, 1e6], [0, 1e6]], waits: [0, 10, 20] },
    // An idle gap refills the bucket, but never beyond the burst: at t = 1000 the 1 MB passes at once again.
    { rate: 100e6, burst: 1e6, takes: [[0, 1e6], [1000, 1e6], [1000, 1e6]], waits: [0, 0, 10] },
  ])("rate $rate B/s, burst $burst B: waits $waits", ({ rate, burst, takes, waits }) => {
    const { b, at } = bucket(rate, burst);
    const got = takes.map(([t, n]) => {
      at(t!);
      return b.reserve(n!);
    });
    got.forEach((g, i) => expect(g).toBeCloseTo(waits[i]!, 6));
  });

  it("does not shape at an infinite rate", () => {
    const { b } = bucket(Infinity, 0);
    expect(b.reserve(1e12)).toBe(0);
    expect(b.stats().bytes).toBe(1e12);
  });

  it("rejects a non-positive rate with the field, expected and actual value", () => {
    expect(() => new TokenBucket(0)).toThrow(/bytesPerSecond: expected > 0.*got 0/);
  });

  it("never lets more than rate × time + burst pass (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 5e6 })), { minLength: 1, maxLength: 40 }), (steps) => {
        const rate = 50e6;
        const burst = 256 * 1024;
        const { b, at } = bucket(rate, burst);
        let t = 0;
        let sent = 0;
        for (const [dt, n] of steps) {
          t += dt;
          at(t);
          const wait = b.reserve(n);
          sent += n;
          // The bytes reserved so far pass by t + wait: no more than rate · (t + wait) + burst.
          expect(sent).toBeLessThanOrEqual((rate / 1000) * (t + wait) + burst + 1e-3);
        }
      }),
    );
  });
});
