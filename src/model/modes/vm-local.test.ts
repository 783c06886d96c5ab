/**
 * `vm-local` on hand-built contexts. Round-number platform: local storage 200 MB/s (10 MB = 50 ms);
 * every consumer instance runs exactly 1000 ms (a point distribution: its span on S slots is
 * ceil(n / S) · 1000); instances billed 1 GB at $0.001/GB-s (n · ms · 1e-6 USD).
 *   receiversPerVm = ceil(n_v / vms_u); localWaves = ceil(receiversPerVm / slots_v)
 *   localWrite = sendersPerVm · bytesPerSender / 200 MB/s;  waveRead = min(slots_v, receiversPerVm) · bytesPerReader / 200 MB/s
 *   queue   = span on vms_u · slots_v slots − span on its own slots
 *   time    = localWrite + localWaves · waveRead + queue
 *   billed  = n_v · waveRead + n_u · localWrite / waves_u
 */
import { describe, expect, it } from "vitest";
import { pieceTimeMs } from "./mode-module.js";
import { vmLocalMode } from "./vm-local.js";
import { close, context } from "../../../test/support/mode-test-context.js";

describe("vm-local time and cost", () => {
  it.each([
    {
      // 8 senders on 2 VMs, 8 receivers (4 slots; on their own they would take 2 VMs, 1 wave).
      // receiversPerVm = 4, localWaves = 1; write 4 · 10 MB / 200 MB/s = 200 + read 4 · 10 MB / 200 MB/s = 200 → 400 ms;
      // 8 slots beside the data as on their own: no queue. Billed 8 · 200 (reads) + 8 · 200 (writes).
      name: "one-to-one, no queueing",
      shape: { pattern: "one-to-one" as const, totalBytes: 80e6, nu: 8, nv: 8 },
      time: 400,
      queue: 0,
      localWaves: 1,
      usd: (8 * 200 + 8 * 200) * 1e-6,
    },
    {
      // 2 senders on 1 VM scatter 32 MB to 16 receivers (own placement: 4 VMs, 1 wave: span 1000).
      // Beside the data: receiversPerVm = 16 on 4 slots: localWaves = 4, span 4000 → queue 3000.
      // write 2 · 16 MB / 200 MB/s = 160 ms (once) + 4 waves' reads of 4 · 2 MB / 200 MB/s = 40 ms → 320 ms.
      // time = 320 + 3000 = 3320. Billed: 16 · 40 (reads) + 2 · 160 (writes); queueing is not billed.
      name: "scatter onto one VM: the receivers queue in waves",
      shape: { pattern: "scatter" as const, totalBytes: 32e6, nu: 2, nv: 16 },
      time: 3320,
      queue: 3000,
      localWaves: 4,
      usd: (16 * 40 + 2 * 160) * 1e-6,
    },
    {
      // The same scatter from 2 senders on 2 VMs (1 slot each): receiversPerVm = 8, localWaves = 2.
      // write 16 MB / 200 MB/s = 80 ms + 2 waves' reads of 40 ms → 160 ms; span on 8 slots 2000 vs 1000 own → queue 1000.
      // time = 1160. Billed 16 · 40 + 2 · 80.
      name: "scatter onto two VMs: half the queue",
      shape: { pattern: "scatter" as const, totalBytes: 32e6, nu: 2, nv: 16, slotsU: 1, vmsU: 2 },
      time: 1160,
      queue: 1000,
      localWaves: 2,
      usd: (16 * 40 + 2 * 80) * 1e-6,
    },
    {
      // 20 receivers that run in waves anyway (on their own 2 VMs × 4 slots: 3 waves, span 3000);
      // beside 1 producer VM: 4 slots, localWaves = 5, span 5000 → queue 2000.
      // 1 sender of 20 MB: write 100 ms + 5 waves' reads of 4 · 1 MB / 200 MB/s = 20 ms → 200 ms; time 2200.
      // Billed 20 · 20 + 1 · 100.
      name: "only the waves beyond the consumer's own count as queueing",
      shape: { pattern: "scatter" as const, totalBytes: 20e6, nu: 1, nv: 20, vmsV: 2 },
      time: 2200,
      queue: 2000,
      localWaves: 5,
      usd: (20 * 20 + 1 * 100) * 1e-6,
    },
    {
      // 4 senders on 1 VM shuffle 40 MB to 4 receivers: localWaves 1;
      // write 4 · 10 MB / 200 MB/s = 200 + read 4 · 10 MB / 200 MB/s = 200 → 400 ms. Billed 4 · 200 + 4 · 200.
      name: "shuffle within one VM",
      shape: { pattern: "shuffle" as const, totalBytes: 40e6, nu: 4, nv: 4 },
      time: 400,
      queue: 0,
      localWaves: 1,
      usd: (4 * 200 + 4 * 200) * 1e-6,
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
