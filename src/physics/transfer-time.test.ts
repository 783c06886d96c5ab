import { describe, expect, it } from "vitest";
import { linesAt, transferLines, transferMs, type Limit } from "./transfer-time.js";

const bucket = { baselineBytesPerSecond: 100e6, burstBytesPerSecond: 400e6, burstBytes: 30e6 };

describe("transferMs: the slowest of the limits a transfer crosses", () => {
  it.each<{ name: string; bytes: number; limits: Limit[]; ms: number }>([
    // one connection of 10 MB/s: 10 MB in 1 s
    { name: "a connection cap", bytes: 10e6, limits: [{ kind: "rate", bytesPerSecond: 10e6 }], ms: 1000 },
    // a 100 MB/s NIC shared by 4 moving 10 MB each carries 40 MB: 400 ms, slower than 10 MB / 41 MB/s = 244 ms
    { name: "a shared NIC binds", bytes: 10e6, limits: [{ kind: "rate", bytesPerSecond: 41e6 }, { kind: "rate", bytesPerSecond: 100e6, share: 4 }], ms: 400 },
    // the same NIC bursting: 40 MB through the bucket = 100 ms; now the 41 MB/s connection binds: 243.9 ms
    { name: "a bursting NIC frees the connection", bytes: 10e6, limits: [{ kind: "rate", bytesPerSecond: 41e6 }, { kind: "bucket", bucket, share: 4 }], ms: (10 / 41) * 1000 },
    // 25 MB each through the shared bucket: 100 MB → (100 − 30)/100 = 700 ms
    { name: "past the bucket", bytes: 25e6, limits: [{ kind: "bucket", bucket, share: 4 }], ms: 700 },
    { name: "no bytes", bytes: 0, limits: [{ kind: "rate", bytesPerSecond: 1 }], ms: 0 },
  ])("$name: $ms ms", ({ bytes, limits, ms }) => {
    expect(transferMs(bytes, limits)).toBeCloseTo(ms, 9);
  });

  it("as lines in the fraction served: max(0, lines) at f equals the time of f's bytes", () => {
    // 40 MB · f through the bucket: lines 40f/400 s and (40f − 30)/100 s
    const lines = transferLines({ fixedBytes: 0, perFractionBytes: 40e6 }, [{ kind: "bucket", bucket }]);
    expect(lines).toEqual([
      { fixedMs: 0, perFractionMs: 100 },
      { fixedMs: -300, perFractionMs: 400 },
    ]);
    for (const f of [0, 0.25, 0.5, 1]) expect(linesAt(lines, f)).toBeCloseTo(transferMs(40e6 * f, [{ kind: "bucket", bucket }]), 9);
  });
});
