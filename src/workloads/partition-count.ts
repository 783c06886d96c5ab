/**
 * How many next-stage instances a stage's input is split into: one per `bytesPerPartition` of
 * input, rounded up and clamped to [1, maxPartitions]. E.g. 20 MiB at 8 MiB per partition → 3.
 */
export function partitionCount(inputBytes: number, bytesPerPartition: number, maxPartitions: number): number {
  if (!(bytesPerPartition > 0)) throw new RangeError(`bytesPerPartition: expected > 0, got ${bytesPerPartition}`);
  if (!(maxPartitions >= 1)) throw new RangeError(`maxPartitions: expected ≥ 1, got ${maxPartitions}`);
  return Math.min(maxPartitions, Math.max(1, Math.ceil(inputBytes / bytesPerPartition)));
}

/** The default split the root stages use: 8 MiB per next-stage instance, at most 64 instances. */
export const DEFAULT_BYTES_PER_PARTITION = 8 * 1024 * 1024;
export const DEFAULT_MAX_PARTITIONS = 64;
