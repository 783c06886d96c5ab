/**
 * k-means, split: validates the float32 points (whole points, all finite) and splits them into
 * P contiguous shards, P = partitionCount(input), one per kmeans instance.
 */
import { sluiceError } from "../../errors.js";
import { decodePoints, DEFAULT_DIMENSIONS } from "../inputs/gen-points.js";
import { sampleMemory } from "../memory-probe.js";
import { DEFAULT_PARTITION_UNIT_BYTES, DEFAULT_MAX_PARTITIONS, partitionCount } from "../partition-count.js";
import type { StageResult } from "../types.js";

export interface KmeansSplitParams {
  readonly dimensions?: number;
  readonly partitionUnitBytes?: number;
  readonly maxPartitions?: number;
}

export function kmeansSplit(input: Uint8Array, params: KmeansSplitParams = {}): StageResult {
  const dimensions = params.dimensions ?? DEFAULT_DIMENSIONS;
  const values = decodePoints(input, dimensions);
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) throw sluiceError("workloads.malformedInput", { path: ["kmeans-split", `value ${i}`], expected: "finite coordinates", actual: values[i], params: { what: "a point of the kmeans-split input" } });
  sampleMemory();
  const pointCount = values.length / dimensions;
  const shards = partitionCount(input.length, params.partitionUnitBytes ?? DEFAULT_PARTITION_UNIT_BYTES, params.maxPartitions ?? DEFAULT_MAX_PARTITIONS);
  const outputs: Uint8Array[] = [];
  for (let s = 0; s < shards; s++) {
    const from = Math.floor((s * pointCount) / shards) * dimensions;
    const to = Math.floor(((s + 1) * pointCount) / shards) * dimensions;
    outputs.push(new Uint8Array(values.slice(from, to).buffer));
  }
  sampleMemory();
  return { outputs };
}
