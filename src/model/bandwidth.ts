/**
 * Per-instance bandwidths. Instances that run at once on one VM share its NIC, so an instance
 * gets min(its own connection cap, NIC / concurrent instances on the VM).
 */
import type { Platform } from "../platform/schema.js";

/** Bytes/s one instance moves to or from the object store, with `concurrentPerVm` instances sharing the VM NIC. */
export function objectStoreInstanceBytesPerSecond(platform: Platform, concurrentPerVm: number): number {
  const own = platform.objectStore.connectionBytesPerSecond * platform.objectStore.connectionsPerInstance;
  return Math.min(own, platform.vm.nicBytesPerSecond / Math.max(1, concurrentPerVm));
}

/** Bytes/s one instance moves to or from the cache tier. */
export function cacheInstanceBytesPerSecond(platform: Platform, concurrentPerVm: number): number {
  return Math.min(platform.cache.connectionBytesPerSecond, platform.vm.nicBytesPerSecond / Math.max(1, concurrentPerVm));
}

/**
 * Time for one sender to write its output into the cache tier: first-byte latency plus its bytes at
 * its own bandwidth, never faster than the stage's whole output through the tier's aggregate bandwidth.
 */
export function cacheWriteMs(platform: Platform, bytesPerSender: number, totalBytes: number, concurrentPerVm: number): number {
  const own = platform.cache.latencyMs + (bytesPerSender / cacheInstanceBytesPerSecond(platform, concurrentPerVm)) * 1000;
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
