/**
 * The limits an instance's transfers pass through (physics/transfer-time.ts): its own connection
 * caps, and its VM's NIC — a token bucket (physics/token-bucket.ts) shared by the instances that
 * move bytes through it at once.
 *
 *   object store: min over [connection · p connections, NIC bucket / k concurrent instances];
 *                 a store with an aggregate bandwidth also bounds the bytes all instances move at once
 *                 (storeAggregateMs: bytes / aggregateBytesPerSecond)
 *   cache tier:   min over [one cache connection,        NIC bucket / k concurrent instances]
 */
import type { Platform } from "../platform/schema.js";
import { transferLines, transferMs, type Bytes, type Limit, type Line } from "../physics/transfer-time.js";
import type { TokenBucket } from "../physics/token-bucket.js";

export function nicBucket(platform: Platform): TokenBucket {
  return { baselineBytesPerSecond: platform.vm.nicBytesPerSecond, burstBytesPerSecond: platform.vm.nicBurstBytesPerSecond, burstBytes: platform.vm.nicBurstBytes };
}

/** One instance's limits to the object store, with `concurrentPerVm` instances sharing its VM's NIC. */
export function storeLimits(platform: Platform, concurrentPerVm: number): Limit[] {
  const own = platform.objectStore.connectionBytesPerSecond * platform.objectStore.connectionsPerInstance;
  return [
    { kind: "rate", bytesPerSecond: own },
    { kind: "bucket", bucket: nicBucket(platform), share: Math.max(1, concurrentPerVm) },
  ];
}

/** One instance's limits to the cache tier. */
export function cacheLimits(platform: Platform, concurrentPerVm: number): Limit[] {
  return [
    { kind: "rate", bytesPerSecond: platform.cache.connectionBytesPerSecond },
    { kind: "bucket", bucket: nicBucket(platform), share: Math.max(1, concurrentPerVm) },
  ];
}

/** Time for `bytes` moved at once through the object store's aggregate bandwidth (all its GETs and PUTs in flight share it); 0 for a store without one (S3). */
export function storeAggregateMs(platform: Platform, bytes: number): number {
  const agg = platform.objectStore.aggregateBytesPerSecond;
  return agg === undefined || !(bytes > 0) ? 0 : (bytes / agg) * 1000;
}

export function storeTransferMs(platform: Platform, bytes: number, concurrentPerVm: number): number {
  return transferMs(bytes, storeLimits(platform, concurrentPerVm));
}

export function storeLines(platform: Platform, bytes: Bytes, concurrentPerVm: number): Line[] {
  return transferLines(bytes, storeLimits(platform, concurrentPerVm));
}

/**
 * Time for one sender to write its output into the cache tier: first-byte latency plus its bytes
 * through its limits, never faster than the stage's whole output through the tier's aggregate bandwidth.
 */
export function cacheWriteMs(platform: Platform, bytesPerSender: number, totalBytes: number, concurrentPerVm: number): number {
  const own = platform.cache.latencyMs + transferMs(bytesPerSender, cacheLimits(platform, concurrentPerVm));
  return Math.max(own, (totalBytes / platform.cache.aggregateBytesPerSecond) * 1000);
}

/**
 * Flows on the busiest sender VM's NIC while an edge's receivers pull directly: the receivers
 * running at once (at most every receiver VM's slots), counting only those that read this VM's
 * senders (every receiver for broadcast, shuffle and gather; a one-to-one or scatter receiver reads
 * one sender).
 */
export function concurrentPullers(pattern: string, receivers: number, receiverVms: number, receiverSlotsPerVm: number, senderVms: number): number {
  const running = Math.min(receivers, receiverVms * receiverSlotsPerVm);
  const fromThisVm = pattern === "one-to-one" || pattern === "scatter" ? Math.ceil(receivers / senderVms) : receivers;
  return Math.min(running, fromThisVm);
}

/** A sender NIC's lines for `bytes` leaving it: bytes / burst rate and bytes / baseline rate (the credit offset is the edge's, nicOffsetsMs). */
export function nicLines(platform: Platform, bytes: Bytes): Line[] {
  const v = platform.vm;
  return [v.nicBurstBytesPerSecond, v.nicBytesPerSecond].map((rate) => ({ fixedMs: (bytes.fixedBytes / rate) * 1000, perFractionMs: (bytes.perFractionBytes / rate) * 1000 }));
}

/** The constants of the sender NIC's lines: 0 for the burst line, −credit / baseline for the baseline line. */
export function nicOffsetsMs(platform: Platform): number[] {
  return [0, -(platform.vm.nicBurstBytes / platform.vm.nicBytesPerSecond) * 1000];
}
