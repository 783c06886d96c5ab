/**
 * `vm-local` on hand-built contexts. Round-number platform: local storage 200 MB/s (10 MB = 50 ms);
 * the consumer's runtime is 1000 ms; instances billed 1 GB at $0.001/GB-s (n · ms · 1e-6 USD).
 *   receiversPerVm = ceil(n_v / vms_u); localWaves = ceil(receiversPerVm / slots_v)
 *   localIo = (sendersPerVm · bytesPerSender + min(slots_v, receiversPerVm) · bytesPerReader) / 200 MB/s
 *   time    = localIo + max(0, localWaves − waves_v) · (1000 + localIo)
 */
import { describe, expect, it } from "vitest";
import { pieceTimeMs } from "./mode-module.js";
import { vmLocalMode } from "./vm-local.js";
import { close, context } from "./mode-test-context.js";

describe("vm-local time and cost", () => {
  it.each([
    {
      // 8 senders on 2 VMs, 8 receivers (4 slots; on their own they would take 2 VMs, 1 wave).
      // receiversPerVm = 4, localWaves = 1; localIo = (4 · 10 MB + 4 · 10 MB) / 200 MB/s = 400 ms; no queue.
      name: "one-to-one, no queueing",
      shape: { pattern: "one-to-one" as const, totalBytes: 80e6, nu: 8, nv: 8 },
      time: 400,
      queue: 0,
      localWaves: 1,
      usd: 8 * 400 * 1e-6,
    },
    {
      // 2 senders on 1 VM scatter 32 MB to 16 receivers (own placement: 4 VMs, 1 wave).
      // Beside the data: receiversPerVm = 16, localWaves = ceil(16 / 4) = 4.
      // localIo = write 2 · 16 MB / 200 MB/s = 160 ms (once) + a wave's read 4 · 2 MB / 200 MB/s = 40 ms = 200 ms.
      // queue = (4 − 1) · (1000 + 40) = 3120 → time 3320. Billed: 16 · 200 · 1e-6 (queueing is not billed).
      name: "scatter onto one VM: the receivers queue in waves",
      shape: { pattern: "scatter" as const, totalBytes: 32e6, nu: 2, nv: 16 },
      time: 3320,
      queue: 3120,
      localWaves: 4,
      usd: 16 * 200 * 1e-6,
    },
    {
      // The same scatter from 2 senders on 2 VMs (1 slot each): receiversPerVm = 8, localWaves = 2.
      // localIo = write 16 MB / 200 MB/s = 80 ms + wave read 4 · 2 MB / 200 MB/s = 40 ms = 120 ms;
      // queue = 1 · (1000 + 40) → 1160.
      name: "scatter onto two VMs: half the queue",
      shape: { pattern: "scatter" as const, totalBytes: 32e6, nu: 2, nv: 16, slotsU: 1, vmsU: 2 },
      time: 1160,
      queue: 1040,
      localWaves: 2,
      usd: 16 * 120 * 1e-6,
    },
    {
      // 20 receivers that run in waves anyway (on their own 2 VMs × 4 slots: ceil(20 / 8) = 3 waves);
      // beside 1 producer VM: localWaves = ceil(20 / 4) = 5, extra = 5 − 3 = 2.
      // 1 sender of 20 MB; localIo = write 100 ms + wave read 4 · 1 MB / 200 MB/s = 20 ms = 120 ms;
      // queue = 2 · (1000 + 20) = 2040 → 2160.
      name: "only the waves beyond the consumer's own count as queueing",
      shape: { pattern: "scatter" as const, totalBytes: 20e6, nu: 1, nv: 20, vmsV: 2 },
      time: 2160,
      queue: 2040,
      localWaves: 5,
      usd: 20 * 120 * 1e-6,
    },
    {
      // 4 senders on 1 VM shuffle 40 MB to 4 receivers: localWaves 1;
      // localIo = (4 · 10 MB + 4 · 10 MB) / 200 MB/s = 400 ms.
      name: "shuffle within one VM",
      shape: { pattern: "shuffle" as const, totalBytes: 40e6, nu: 4, nv: 4 },
      time: 400,
      queue: 0,
      localWaves: 1,
      usd: 4 * 400 * 1e-6,
    },
  ])("$name", ({ shape, time, queue, localWaves, usd }) => {
    const ctx = context(shape);
    expect(vmLocalMode.isFeasible(ctx).feasible).toBe(true);
    const o = vmLocalMode.estimate(ctx);
    close(pieceTimeMs(o.timePieces, 1), time);
    close(o.terms.queueMs!, queue);
    close(o.terms.localWaves!, localWaves);
    close(o.fixedUsd, usd);
    close(o.perFractionUsd, 0);
    expect(o.splittable).toBe(false);
    // No term depends on f: a receiver runs beside its data or not.
    close(pieceTimeMs(o.timePieces, 0.3), time);
  });
});

describe("vm-local feasibility", () => {
  it.each([
    { pattern: "shuffle" as const, nu: 8, nv: 8, vmsU: 2, feasible: false },
    { pattern: "broadcast" as const, nu: 8, nv: 8, vmsU: 2, feasible: false },
    { pattern: "gather" as const, nu: 8, nv: 1, vmsU: 3, feasible: false },
    { pattern: "shuffle" as const, nu: 4, nv: 8, vmsU: 1, feasible: true },
    { pattern: "gather" as const, nu: 4, nv: 1, vmsU: 1, feasible: true },
    // Each receiver reads one sender: always on one VM.
    { pattern: "one-to-one" as const, nu: 8, nv: 8, vmsU: 2, feasible: true },
    { pattern: "scatter" as const, nu: 8, nv: 16, vmsU: 2, feasible: true },
  ])("$pattern from $nu senders on $vmsU VMs: feasible = $feasible", ({ pattern, nu, nv, vmsU, feasible }) => {
    const verdict = vmLocalMode.isFeasible(context({ pattern, totalBytes: 1e6, nu, nv, vmsU }));
    expect(verdict.feasible).toBe(feasible);
    if (!verdict.feasible) {
      expect(verdict.reason).toContain(pattern);
      expect(verdict.reason).toContain(`${vmsU} VMs`);
    }
  });
});
