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
