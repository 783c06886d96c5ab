/**
 * How many next-stage instances a root splits its input into: the square root of the input in
 * units of `partitionUnitBytes`, rounded up and clamped to [1, maxPartitions]:
 *
 *   parts = clamp(⌈√(inputBytes / partitionUnitBytes)⌉, 1, maxPartitions)
 *
 * Both the count and each part (≈ √(inputBytes · partitionUnitBytes) bytes) grow with the input, so
 * the stages after a root see a range of instance sizes as wide as the square root of the range
 * of root sizes. (A fixed bytes-per-part rule hands every downstream instance the same size.)
 * E.g. 128 MiB at 256 KiB per unit → ⌈√512⌉ = ⌈22.6⌉ = 23 parts of about 5.6 MiB.
 */

import { sluiceError } from "../errors.js";
export function partitionCount(inputBytes: number, partitionUnitBytes: number, maxPartitions: number): number {
  if (!(partitionUnitBytes > 0)) throw sluiceError("workloads.badArgument", { path: ["partitionUnitBytes"], expected: "a number of bytes > 0", actual: partitionUnitBytes, params: { what: "partitionUnitBytes" } });
  if (!(maxPartitions >= 1)) throw sluiceError("workloads.badArgument", { path: ["maxPartitions"], expected: "a count ≥ 1", actual: maxPartitions, params: { what: "maxPartitions" } });
  return Math.min(maxPartitions, Math.max(1, Math.ceil(Math.sqrt(Math.max(0, inputBytes) / partitionUnitBytes))));
}

/**
 * The default split the root stages use: a 256 KiB unit, at most 64 parts (reached at
 * 64² · 256 KiB = 1 GiB). Roots of 256 KiB – 128 MiB give 1 – 23 parts of 256 KiB – 5.6 MiB.
 */
export const DEFAULT_PARTITION_UNIT_BYTES = 256 * 1024;
export const DEFAULT_MAX_PARTITIONS = 64;

/** The rule in words, for generated documentation. */
export function describePartitionRule(unitBytes = DEFAULT_PARTITION_UNIT_BYTES, maxPartitions = DEFAULT_MAX_PARTITIONS): string {
  return `⌈√(input_bytes / ${unitBytes / 1024} KiB)⌉ clamped to [1, ${maxPartitions}]`;
}
