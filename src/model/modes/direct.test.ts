/**
 * `direct` on hand-built contexts. Round-number platform: NIC 100 MB/s (10 MB = 100 ms), local
 * storage 200 MB/s (10 MB = 50 ms), network latency 1 ms; instances billed 1 GB at $0.001/GB-s,
 * so billed time costs n · ms · 1e-6 USD.
 *   time(f) = 1 + localWrite + max(f · senderNic, receiverNic)
 */
import { describe, expect, it } from "vitest";
import { directMode } from "./direct.js";
import { pieceTimeMs } from "./mode-module.js";
import { close, context } from "../../../test/support/mode-test-context.js";

describe("direct time", () => {
  it.each([
    // One sender (1 VM) broadcasting D = 10 MB to n_v receivers, 4 slots per receiver VM:
    //   localWrite = 10 MB / 200 MB/s = 50 ms
    //   senderNic  = n_v · 10 MB / 100 MB/s = 100 · n_v ms  (n_v copies through one NIC)
    //   receiverNic = min(4, n_v) · 10 MB / 100 MB/s = 100 · min(4, n_v) ms
    //   time(1) = 1 + 50 + 100 · n_v
    { nv: 1, time: 151, senderNic: 100, receiverNic: 100 },
    { nv: 4, time: 451, senderNic: 400, receiverNic: 400 },
    { nv: 16, time: 1651, senderNic: 1600, receiverNic: 400 },
    { nv: 64, time: 6451, senderNic: 6400, receiverNic: 400 },
  ])("broadcast to $nv receivers: the sender NIC grows with fanout ($time ms)", ({ nv, time, senderNic, receiverNic }) => {
    const o = directMode.estimate(context({ pattern: "broadcast", totalBytes: 10e6, nu: 1, nv }));
    close(pieceTimeMs(o.timePieces, 1), time);
    close(o.terms.senderNicMs!, senderNic);
    close(o.terms.receiverNicMs!, receiverNic);
    close(o.terms.localWriteMs!, 50);
  });

  it("a split relieves the sender NIC until the receiver NIC binds", () => {
    // Broadcast to 16: senderNic 1600 · f, receiverNic 400.
    //   f = 0.5  → 1 + 50 + max(800, 400) = 851
    //   f = 0.25 → 1 + 50 + max(400, 400) = 451
    //   f = 0.1  → 1 + 50 + max(160, 400) = 451 (the receiver side does not shrink with f)
    const o = directMode.estimate(context({ pattern: "broadcast", totalBytes: 10e6, nu: 1, nv: 16 }));
    close(pieceTimeMs(o.timePieces, 0.5), 851);
    close(pieceTimeMs(o.timePieces, 0.25), 451);
    close(pieceTimeMs(o.timePieces, 0.1), 451);
  });

  it("shuffle: the busiest sender VM carries all its instances' outputs", () => {
    // 8 senders on 2 VMs (4 per VM), D = 80 MB: 10 MB per sender, 10 MB per reader; 8 readers, 4 per VM.
    //   localWrite  = 4 · 10 MB / 200 MB/s = 200 ms
    //   senderNic   = 4 · 10 MB / 100 MB/s = 400 ms; receiverNic = 4 · 10 MB / 100 MB/s = 400 ms
    //   time = 1 + 200 + 400 = 601, at f = 1 and f = 0.5 alike (the receiver NIC binds).
    const o = directMode.estimate(context({ pattern: "shuffle", totalBytes: 80e6, nu: 8, nv: 8 }));
    close(o.terms.sendersPerVm!, 4);
    close(o.terms.receiversPerVm!, 4);
    close(pieceTimeMs(o.timePieces, 1), 601);
    close(pieceTimeMs(o.timePieces, 0.5), 601);
  });

  it("gather: one receiver VM takes everything", () => {
    // 4 senders on 1 VM × 10 MB → 1 reader: localWrite = 40 MB / 200 MB/s = 200; senderNic = 400;
    // receiverNic = 1 · 40 MB / 100 MB/s = 400 → 601.
    const o = directMode.estimate(context({ pattern: "gather", totalBytes: 40e6, nu: 4, nv: 1 }));
    close(pieceTimeMs(o.timePieces, 1), 601);
    expect(o.splittable).toBe(true);
    expect(o.requiresAdmission).toBe(false);
  });
});

describe("direct cost", () => {
  it("bills the receivers' pull time per fraction served and the sender's local write once", () => {
    // Broadcast to 16: pull at f = 1 = max(1600, 400) = 1600 ms; billed 16 · (1 + 1600) · 1e-6 = 0.025616.
    // The one sender writes 10 MB locally at 200 MB/s: 50 ms · 1e-6 = 5e-5, whatever f.
    const o = directMode.estimate(context({ pattern: "broadcast", totalBytes: 10e6, nu: 1, nv: 16 }));
    close(o.costParts.computeUsd.fixedUsd, 5e-5);
    close(o.costParts.computeUsd.perFractionUsd, 0.025616);
    close(o.fixedUsd, 5e-5);
    close(o.perFractionUsd, 0.025616);
    close(o.costParts.objectStoreUsd.perFractionUsd + o.costParts.cacheUsd.perFractionUsd, 0);
  });
});
