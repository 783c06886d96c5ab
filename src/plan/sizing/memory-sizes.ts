/**
 * The memory sizes a stage may be configured with (the `memorySizes` option) and the most memory
 * one instance may have on the platform. Sizes are checked once: each a positive number of MB no
 * larger than the platform allows (min of the billing maximum and a VM's memory), listed in
 * ascending order without repeats.
 */
import { InputError, issue, show, type Issue } from "../../errors.js";
import type { Platform } from "../../platform/schema.js";

export function memoryLimitMb(platform: Platform): number {
  return Math.min(platform.billing.maxMemoryMb, platform.vm.memoryMb);
}

export function checkMemorySizes(sizes: readonly number[] | undefined, platform: Platform): number[] | undefined {
  if (sizes === undefined) return undefined;
  const limit = memoryLimitMb(platform);
  const issues: Issue[] = [];
  if (!Array.isArray(sizes) || sizes.length === 0) issues.push(issue("option.memorySizes", { path: ["memorySizes"], actual: show(sizes), params: { limit } }));
  else
    sizes.forEach((s, i) => {
      if (typeof s !== "number" || !Number.isFinite(s) || s <= 0 || s > limit) issues.push(issue("option.memorySizes", { path: ["memorySizes", i], actual: show(s), params: { limit } }));
    });
  if (issues.length > 0) throw new InputError("Invalid memory sizes", issues);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** The smallest listed size that holds `peakMb`, or undefined. */
export function fittingSize(sizes: readonly number[], peakMb: number): number | undefined {
  return sizes.find((s) => s >= peakMb);
}
