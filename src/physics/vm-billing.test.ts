import { describe, expect, it } from "vitest";
import { billedVmSeconds, vmPoolLine, vmPoolUsd } from "./vm-billing.js";

describe("VM pool billing", () => {
  it.each([
    { heldMs: 12_000, billing: "per-second" as const, seconds: 60 }, // the 60 s minimum
    { heldMs: 90_400, billing: "per-second" as const, seconds: 90.4 }, // continuous above the minimum
    { heldMs: 12_000, billing: "per-hour" as const, seconds: 3600 }, // a started hour
    { heldMs: 3_600_001, billing: "per-hour" as const, seconds: 7200 },
    { heldMs: 3_600_000, billing: "per-hour" as const, seconds: 3600 },
  ])("$heldMs ms $billing → $seconds s", ({ heldMs, billing, seconds }) => {
    expect(billedVmSeconds(heldMs, billing, 60)).toBe(seconds);
  });

  it("bills every VM of the pool: 8 VMs · 120 s · $0.1536/h = $0.04096", () => {
    expect(vmPoolUsd(8, 120_000, 0.1536, "per-second", 60)).toBeCloseTo((8 * 120 * 0.1536) / 3600, 12);
    expect(vmPoolUsd(0, 120_000, 0.1536, "per-second", 60)).toBe(0);
  });

  it("as a line for solvers: rate per ms and the minimum", () => {
    // 8 VMs at $0.1536/h = 8 · 0.1536 / 3.6e6 $/ms
    expect(vmPoolLine(8, 0.1536, "per-second", 60)).toEqual({ usdPerMs: (8 * 0.1536) / 3.6e6, minimumMs: 60_000 });
    expect(vmPoolLine(8, 0.1536, "per-hour", 60).minimumMs).toBe(3.6e6);
  });
});
