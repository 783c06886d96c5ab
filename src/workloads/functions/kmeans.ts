/**
 * k-means, local fit: a few Lloyd iterations on one shard of points; emits the shard's k centroids
 * weighted by their cluster sizes, which kmeans-merge combines.
 */
import { encodeCentroids } from "./centroids-codec.js";
import { decodePoints, DEFAULT_DIMENSIONS } from "../inputs/gen-points.js";
import { lloyd } from "./lloyd.js";
import { sampleMemory } from "../memory-probe.js";
import type { StageResult } from "../types.js";

export interface KmeansParams {
  readonly k: number;
  readonly iterations: number;
  readonly dimensions?: number;
}

export const DEFAULT_KMEANS: KmeansParams = { k: 8, iterations: 5 };

export function kmeans(input: Uint8Array, params: KmeansParams = DEFAULT_KMEANS): StageResult {
  const dimensions = params.dimensions ?? DEFAULT_DIMENSIONS;
  const points = decodePoints(input, dimensions);
  sampleMemory();
  const { centroids, weights } = lloyd(points, undefined, dimensions, params.k, params.iterations);
  sampleMemory();
  return { outputs: [encodeCentroids({ dimensions, centroids, weights })] };
}
