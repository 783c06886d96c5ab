import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter.js";

describe("RateLimiter", () => {
  // | rate /s | burst | requests at t = 0 | grants (ms)                        |
  // | 10      | 1     | 3                 | 0, 100, 200 (one per 1000/10 ms)   |
  // | 10      | 2     | 3                 | 0, 0, 100 (two banked, then paced) |
  // | 1000    | 1     | 2                 | 0, 1                               |
  it.each([
    { rate: 10, burst: 1, n: 3, grants: [0, 100, 200] },
    { rate: 10, burst: 2, n: 3, grants: [0, 0, 100] },
    { rate: 1000, burst: 1, n: 2, grants: [0, 1] },
  ])("rate $rate/s, burst $burst", ({ rate, burst, n, grants }) => {
    const l = new RateLimiter(rate, burst);
    const got = Array.from({ length: n }, () => l.reserve(0));
    got.forEach((g, i) => expect(g).toBeCloseTo(grants[i]!, 9));
    expect(l.waitedMs).toBeCloseTo(grants.reduce((a, b) => a + b, 0), 9);
  });

  it("refills while idle: after a pause the next request goes at once", () => {
    const l = new RateLimiter(10, 1);
    l.reserve(0);
    expect(l.reserve(500)).toBe(500);
  });
});
