/**
 * `remote` on hand-built contexts. Platform with round numbers (see PLATFORM): one object-store
 * connection carries 10 MB/s (10^6 B = 100 ms), PUT 40 ms, GET 20 ms, 500 PUT/s and 1,000 GET/s,
 * NIC 100 MB/s. Every instance is billed 1024 MB = 1 GB at $0.001/GB-s, so billed time costs
 * n · ms · 1e-6 USD.
 */
import { describe, expect, it } from "vitest";
import { pieceTimeMs } from "./mode-module.js";
import { resolvePlatform } from "../../platform/resolve-platform.js";
import { remoteMode } from "./remote.js";
import { close, context, PLATFORM_OVERRIDES, type Shape } from "../../../test/support/mode-test-context.js";

describe("remote time", () => {
  // Per instance bandwidth: min(10 MB/s · 1 connection, 100 MB/s NIC / min(4 slots, n)) = 10 MB/s
  // whenever 4 or fewer instances share a VM.
  const cases: { name: string; shape: Shape; at1: number; atHalf: number; terms: Record<string, number> }[] = [
    {
      // D = 40 MB over 4 → 10 MB each way per instance = 1000 ms.
      // write = max(40 + 1000, 4 PUTs / 500 = 8 ms) = 1040; read = max(1·20 + 1000, 4 GETs / 1000 = 4 ms) = 1020.
      // f = 0.5: nothing but the request bounds scales → 2060 again.
      name: "one-to-one, per-connection bound",
      shape: { pattern: "one-to-one", totalBytes: 40e6, nu: 4, nv: 4 },
      at1: 2060,
      atHalf: 2060,
      terms: { writeMs: 1040, readMs: 1020, putBoundMs: 8, getBoundMs: 4, puts: 4, gets: 4 },
    },
    {
      // 2 senders × 40 MB, each writes 4 partitions, one PUT latency each on one connection
      // (puts = 8, bound 16 ms); write = 4 · 40 + 4000 = 4160.
      // 8 readers × 10 MB: read = 20 + 1000 = 1020 (gets 8, bound 8 ms). time(1) = 5180.
      // f = 0.5: senders write only the 2 partitions the remote readers need: 2 · 40 + 2000 = 2080 → 3100.
      name: "scatter: written bytes and PUTs scale with f",
      shape: { pattern: "scatter", totalBytes: 80e6, nu: 2, nv: 8 },
      at1: 5180,
      atHalf: 3100,
      terms: { writeMs: 4160, readMs: 1020, putBoundMs: 16, getBoundMs: 8, puts: 8, gets: 8 },
    },
    {
      // 2 senders × 10 MB: write = 40 + 1000 = 1040 (puts 2, bound 4 ms).
      // 4 readers read all 20 MB in 2 GETs: 2·20 + 2000 = 2040 (gets 8, bound 8 ms). time(1) = 3080.
      // f = 0.5: every sender still writes everything, every remote reader still reads everything → 3080.
      name: "broadcast: nothing but the GET bound scales",
      shape: { pattern: "broadcast", totalBytes: 20e6, nu: 2, nv: 4 },
      at1: 3080,
      atHalf: 3080,
      terms: { writeMs: 1040, readMs: 2040, putBoundMs: 4, getBoundMs: 8, puts: 2, gets: 8 },
    },
    {
      // 4 senders × 10 MB: write = 1040. 1 reader reads 40 MB in 4 GETs: 4·20 + 4000 = 4080;
      // the reader runs alone on its VM: min(10 MB/s, 100 MB/s / 1) = 10 MB/s. time = 5120.
      name: "gather: one reader, one GET per sender",
      shape: { pattern: "gather", totalBytes: 40e6, nu: 4, nv: 1 },
      at1: 5120,
      atHalf: 5120,
      terms: { writeMs: 1040, readMs: 4080, putBoundMs: 8, getBoundMs: 4, puts: 4, gets: 4 },
    },
  ];
  it.each(cases)("$name", ({ shape, at1, atHalf, terms }) => {
    const option = remoteMode.estimate(context(shape));
    close(pieceTimeMs(option.timePieces, 1), at1);
    close(pieceTimeMs(option.timePieces, 0.5), atHalf);
    for (const [k, v] of Object.entries(terms)) close(option.terms[k]!, v);
    expect(option.splittable).toBe(true);
    expect(option.requiresAdmission).toBe(false);
  });

  it("is request-bound for an all-to-all shuffle of many small objects (Locus), not for few large ones", () => {
    // 100 × 100 shuffle of D = 100 MB: every sender writes 1 MB (100 ms), every reader reads
    // 100 objects of 10 KB = 1 MB.
    //   write = max(40 + 100, 100 PUTs / 500 = 200 ms) = 200
    //   read  = max(100 GETs · 20 ms + 100 ms = 2100, 10,000 GETs / 1,000/s = 10,000 ms) = 10,000
    //   time  = 10,200 ms: the GET-rate bound is ~5× the latency-and-bytes term.
    const small = remoteMode.estimate(context({ pattern: "shuffle", totalBytes: 100e6, nu: 100, nv: 100 }));
    close(small.terms.getBoundMs!, 10_000);
    close(small.terms.putBoundMs!, 200);
    close(small.terms.readMs!, 10_000);
    close(pieceTimeMs(small.timePieces, 1), 10_200);
    // f = 0.5: the GET bound halves (5,000 > 2,100), the PUT bound does not (one object per sender):
    // max(40 + 50, 200) + max(2100, 5000) = 5,200.
    close(pieceTimeMs(small.timePieces, 0.5), 5_200);
    // Same 100 MB as a 10 × 10 shuffle: 10 MB objects.
    //   write = max(40 + 1000, 10 / 500 = 20 ms) = 1040
    //   read  = max(10 · 20 + 1000 = 1200, 100 / 1000 = 100 ms) = 1200 → 2,240 ms, bandwidth-bound.
    const large = remoteMode.estimate(context({ pattern: "shuffle", totalBytes: 100e6, nu: 10, nv: 10 }));
    close(pieceTimeMs(large.timePieces, 1), 2_240);
    expect(large.terms.getBoundMs!).toBeLessThan(large.terms.readMs!);
  });

  it("shares the VM NIC between concurrent instances", () => {
    // NIC 20 MB/s shared by 4 instances = 5 MB/s < 10 MB/s per connection.
    // one-to-one, 4 × 10 MB: write = 40 + 2000 = 2040, read = 20 + 2000 = 2020 → 4060.
    const slowNic = resolvePlatform({ ...PLATFORM_OVERRIDES, vm: { ...PLATFORM_OVERRIDES.vm, nicBytesPerSecond: 20e6 } });
    const option = remoteMode.estimate(context({ pattern: "one-to-one", totalBytes: 40e6, nu: 4, nv: 4 }, slowNic));
    close(pieceTimeMs(option.timePieces, 1), 4060);
  });

  it("shares a self-hosted store's aggregate bandwidth among every sender and reader", () => {
    // Store aggregate 20 MB/s. one-to-one 4 × 10 MB, per instance 10 MB/s: write = max(40 + 1000,
    // 40 MB / 20 MB/s = 2000) = 2000; read = max(20 + 1000, 40 MB / 20 MB/s = 2000) = 2000 → 4000.
    // f = 0.5: half the senders write and half the readers read: max(1040, 1000) + max(1020, 1000) = 2060.
    const shared = resolvePlatform({ ...PLATFORM_OVERRIDES, objectStore: { ...PLATFORM_OVERRIDES.objectStore, aggregateBytesPerSecond: 20e6 } });
    const option = remoteMode.estimate(context({ pattern: "one-to-one", totalBytes: 40e6, nu: 4, nv: 4 }, shared));
    close(pieceTimeMs(option.timePieces, 1), 4000);
    close(pieceTimeMs(option.timePieces, 0.5), 2060);
    close(option.terms.putAggregateMs!, 2000);
    close(option.terms.getAggregateMs!, 2000);
    // broadcast 2 × 10 MB to 4 readers: the PUTs do not scale with f (every sender writes), the GETs do.
    // write = max(1040, 20 MB / 20 MB/s = 1000) = 1040; read = max(2·20 + 2000 = 2040, 80 MB / 20 MB/s = 4000) = 4000 → 5040.
    // f = 0.5: 1040 + max(2040, 2000) = 3080.
    const b = remoteMode.estimate(context({ pattern: "broadcast", totalBytes: 20e6, nu: 2, nv: 4 }, shared));
    close(pieceTimeMs(b.timePieces, 1), 5040);
    close(pieceTimeMs(b.timePieces, 0.5), 3080);
  });

  it("overlaps ranged GETs across parallel connections", () => {
    // 4 connections per instance: each 10 MB object is read as ranges of 8 MiB (8,388,608 B): 2 GETs
    // each, 8 in all, 4 in flight → 2 latency rounds = 40 ms; bandwidth min(4 · 10, 100 / 1) = 40 MB/s.
    // gather 4 × 10 MB → 1: write: 4 instances on one VM → min(40, 100/4 = 25) MB/s: 40 + 400 = 440.
    // read: 40 + 40e6 / 40e6 = 40 + 1000 = 1040. time = 1480; the edge issues 8 GETs.
    const parallel = resolvePlatform({ ...PLATFORM_OVERRIDES, objectStore: { ...PLATFORM_OVERRIDES.objectStore, connectionsPerInstance: 4 } });
    const option = remoteMode.estimate(context({ pattern: "gather", totalBytes: 40e6, nu: 4, nv: 1 }, parallel));
    close(pieceTimeMs(option.timePieces, 1), 1480);
    expect(option.terms.gets).toBe(8);
  });
});

describe("remote cost", () => {
  it("bills requests and the I/O time of senders and receivers (shuffle: everything scales with f but the PUTs)", () => {
    // The 100 × 100 shuffle above: senders 100 · 200 ms · 1e-6 = 0.02; receivers 100 · 10,000 ms · 1e-6 = 1.0.
    // PUTs 100 · 1e-5 = 0.001 (fixed: one object per sender whatever f); GETs 10,000 · 1e-6 = 0.01.
    const o = remoteMode.estimate(context({ pattern: "shuffle", totalBytes: 100e6, nu: 100, nv: 100 }));
    close(o.costParts.computeUsd.fixedUsd, 0);
    close(o.costParts.computeUsd.perFractionUsd, 1.02);
    close(o.costParts.objectStoreUsd.fixedUsd, 0.001);
    close(o.costParts.objectStoreUsd.perFractionUsd, 0.01);
    close(o.costParts.cacheUsd.fixedUsd + o.costParts.cacheUsd.perFractionUsd, 0);
    close(o.fixedUsd, 0.001);
    close(o.perFractionUsd, 1.03);
  });

  it("one-to-one: only the senders whose receivers read remotely write, so PUTs and sender time scale with f", () => {
    // 4 × 10 MB: senders 4 · 1040 · 1e-6 = 0.00416, receivers 4 · 1020 · 1e-6 = 0.00408 → 0.00824 per fraction.
    // PUTs 4 · 1e-5 + GETs 4 · 1e-6 = 0.000044 per fraction.
    const o = remoteMode.estimate(context({ pattern: "one-to-one", totalBytes: 40e6, nu: 4, nv: 4 }));
    close(o.costParts.computeUsd.fixedUsd, 0);
    close(o.costParts.computeUsd.perFractionUsd, 0.00824);
    close(o.costParts.objectStoreUsd.fixedUsd, 0);
    close(o.costParts.objectStoreUsd.perFractionUsd, 0.000044);
  });

  it("broadcast: every sender writes whatever f, so the sender side is fixed", () => {
    // senders 2 · 1040 · 1e-6 = 0.00208 fixed; receivers 4 · 2040 · 1e-6 = 0.00816 per fraction.
    // PUTs 2 · 1e-5 = 0.00002 fixed; GETs 8 · 1e-6 = 0.000008 per fraction.
    const o = remoteMode.estimate(context({ pattern: "broadcast", totalBytes: 20e6, nu: 2, nv: 4 }));
    close(o.costParts.computeUsd.fixedUsd, 0.00208);
    close(o.costParts.computeUsd.perFractionUsd, 0.00816);
    close(o.costParts.objectStoreUsd.fixedUsd, 0.00002);
    close(o.costParts.objectStoreUsd.perFractionUsd, 0.000008);
  });
});
