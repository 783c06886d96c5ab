/**
 * `cache` on hand-built contexts. Round-number platform: one connection to the tier 50 MB/s,
 * capped by the VM NIC (100 MB/s) shared by concurrent instances; tier latency 1 ms; aggregate
 * 1 GB/s (1 MB = 1 ms); $0.5 per GiB transferred; instances billed 1 GB at $0.001/GB-s
 * (n · ms · 1e-6 USD).
 *   write = max(1 + bytesPerSender / bw_u, D / 1 GB/s)
 *   read  = max(gets · 1 + bytesPerReader / bw_v, f · totalReadBytes / 1 GB/s)
 */
import { describe, expect, it } from "vitest";
import { cacheMode } from "./cache.js";
import { pieceTimeMs } from "./mode-module.js";
import { close, context } from "../../../test/support/mode-test-context.js";

const GiB = 1024 ** 3;

describe("cache time", () => {
  it("one-to-one: per-connection bound", () => {
    // 4 senders, 4 per VM: bw = min(50, 100 / 4) = 25 MB/s. D = 100 MB, 25 MB each.
    //   write = max(1 + 1000, 100 MB / 1 GB/s = 100) = 1001; read = max(1 + 1000, 100) = 1001 → 2002.
    const o = cacheMode.estimate(context({ pattern: "one-to-one", totalBytes: 100e6, nu: 4, nv: 4 }));
    close(pieceTimeMs(o.timePieces, 1), 2002);
    close(o.terms.writeMs!, 1001);
    close(o.terms.readMs!, 1001);
    close(o.terms.aggregateBoundMs!, 200);
  });

  it("broadcast to many readers: the tier's aggregate bandwidth binds, and scales with f", () => {
    // 1 sender alone on its VM: bw_u = min(50, 100 / 1) = 50 MB/s; D = 50 MB.
    //   write = max(1 + 1000, 50 MB / 1 GB/s = 50) = 1001
    // 100 readers, 4 per VM: bw_v = 25 MB/s; each reads 50 MB: 1 + 2000 = 2001 per reader,
    // but 100 · 50 MB = 5 GB through 1 GB/s = 5000 ms.
    //   time(1)   = 1001 + max(2001, 5000)       = 6001
    //   time(0.5) = 1001 + max(2001, 2500)       = 3501
    //   time(0.2) = 1001 + max(2001, 1000)       = 3002 (the connection binds again)
    const o = cacheMode.estimate(context({ pattern: "broadcast", totalBytes: 50e6, nu: 1, nv: 100 }));
    close(pieceTimeMs(o.timePieces, 1), 6001);
    close(pieceTimeMs(o.timePieces, 0.5), 3501);
    close(pieceTimeMs(o.timePieces, 0.2), 3002);
    close(o.terms.readMs!, 5000);
    close(o.terms.aggregateBoundMs!, 50 + 5000);
  });

  it("the write is bound by the aggregate too when many senders write at once", () => {
    // 400 senders × 2.5 MB (D = 1 GB, exactly the capacity), 4 per VM: 1 + 2.5 MB / 25 MB/s = 101 ms
    // each, but 1 GB / 1 GB/s = 1000 ms for all of them.
    // 400 × 400 shuffle: a reader gets 400 objects of 6.25 kB = 2.5 MB: 400 · 1 + 100 = 500; aggregate 1000 · f.
    //   time(1) = 1000 + 1000 = 2000; time(0.25) = 1000 + max(500, 250) = 1500.
    const ctx = context({ pattern: "shuffle", totalBytes: 1e9, nu: 400, nv: 400 });
    expect(cacheMode.isFeasible(ctx).feasible).toBe(true);
    const o = cacheMode.estimate(ctx);
    close(o.terms.writeMs!, 1000);
    close(pieceTimeMs(o.timePieces, 1), 2000);
    close(pieceTimeMs(o.timePieces, 0.25), 1500);
  });
});

describe("cache cost and feasibility", () => {
  it("bills the receivers' read time and transferred bytes per fraction; the one write belongs to admission", () => {
    // Broadcast above: the senders' write (1 · 1001 · 1e-6) is billed once by admission (stage-terms), not per edge;
    // receivers 100 · 5000 · 1e-6 = 0.5.
    // Transfer: 100 · 50 MB read = 5e9 B = 5e9 / 2^30 GiB · $0.5.
    const o = cacheMode.estimate(context({ pattern: "broadcast", totalBytes: 50e6, nu: 1, nv: 100 }));
    close(o.costParts.computeUsd.fixedUsd, 0);
    close(o.costParts.computeUsd.perFractionUsd, 0.5);
    close(o.costParts.cacheUsd.fixedUsd, 0);
    close(o.costParts.cacheUsd.perFractionUsd, (5e9 / GiB) * 0.5);
    close(o.costParts.objectStoreUsd.fixedUsd + o.costParts.objectStoreUsd.perFractionUsd, 0);
    expect(o.requiresAdmission).toBe(true);
    expect(o.splittable).toBe(true);
  });

  it("is infeasible when the producer's output alone exceeds the tier's capacity", () => {
    // capacity 1e9 B.
    expect(cacheMode.isFeasible(context({ pattern: "shuffle", totalBytes: 1e9, nu: 4, nv: 4 })).feasible).toBe(true);
    const verdict = cacheMode.isFeasible(context({ pattern: "shuffle", totalBytes: 1.5e9, nu: 4, nv: 4 }));
    expect(verdict.feasible).toBe(false);
    if (!verdict.feasible) expect(verdict.reason).toContain("capacity");
  });
});
