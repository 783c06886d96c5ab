import { describe, expect, it } from "vitest";
import { computeOnlyMs, includedIoMs } from "./io-included.js";

const store = { getLatencyMs: 27, putLatencyMs: 40, connectionBytesPerSecond: 41e6 };

describe("a duration that includes its object-store I/O", () => {
  it.each([
    // 41 MB in, 4.1 MB out: 27 + 1000 + 40 + 100 = 1167 ms of I/O; 3000 measured → 1833 ms of compute
    { measured: 3000, input: 41e6, output: 4.1e6, io: 1167, compute: 1833 },
    // no bytes: no requests either
    { measured: 500, input: 0, output: 0, io: 0, compute: 500 },
    // I/O above the measurement (a fast run): compute is not negative
    { measured: 100, input: 41e6, output: 0, io: 1027, compute: 0 },
  ])("measured $measured ms → compute $compute ms", ({ measured, input, output, io, compute }) => {
    expect(includedIoMs(input, output, store)).toBeCloseTo(io, 9);
    expect(computeOnlyMs(measured, input, output, store)).toBeCloseTo(compute, 9);
  });
});
