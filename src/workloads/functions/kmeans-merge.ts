/**
 * k-means, merge: weighted Lloyd iterations over every shard's weighted centroids (concatenated by
 * the gather) give the final k centroids, weighted by the number of points they stand for.
 */
import { decodeCentroids, encodeCentroids } from "./centroids-codec.js";
import { DEFAULT_DIMENSIONS } from "../inputs/gen-points.js";
import type { KmeansParams } from "./kmeans.js";
import { lloyd } from "./lloyd.js";
import { sampleMemory } from "../memory-probe.js";
import type { StageResult } from "../types.js";

export function kmeansMerge(input: Uint8Array, params: KmeansParams): StageResult {
  const dimensions = params.dimensions ?? DEFAULT_DIMENSIONS;
  const shardCentroids = decodeCentroids(input, dimensions);
  const live = shardCentroids.weights.filter((w) => w > 0).length;
  const keep = new Float64Array(live * dimensions);
  const keepWeights = new Float64Array(live);
  let at = 0;
  shardCentroids.weights.forEach((w, j) => {
    if (w <= 0) return;
    keep.set(shardCentroids.centroids.subarray(j * dimensions, (j + 1) * dimensions), at * dimensions);
    keepWeights[at++] = w;
  });
  const { centroids, weights } = lloyd(keep, keepWeights, dimensions, params.k, params.iterations * 4);
  sampleMemory();
  return { outputs: [encodeCentroids({ dimensions, centroids, weights })] };
}
