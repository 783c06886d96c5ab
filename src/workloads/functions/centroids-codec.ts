/**
 * The wire form of weighted centroids between kmeans and kmeans-merge: float64 records
 * [weight, c_0 … c_{d−1}], concatenable.
 */

import { sluiceError } from "../../errors.js";

export interface WeightedCentroids {
  readonly dimensions: number;
  /** count × dimensions, row-major. */
  readonly centroids: Float64Array;
  readonly weights: Float64Array;
}

export function encodeCentroids(c: WeightedCentroids): Uint8Array {
  const count = c.weights.length;
  const out = new Float64Array(count * (c.dimensions + 1));
  for (let j = 0; j < count; j++) {
    out[j * (c.dimensions + 1)] = c.weights[j]!;
    out.set(c.centroids.subarray(j * c.dimensions, (j + 1) * c.dimensions), j * (c.dimensions + 1) + 1);
  }
  return new Uint8Array(out.buffer);
}

export function decodeCentroids(bytes: Uint8Array, dimensions: number): WeightedCentroids {
  const recordBytes = 8 * (dimensions + 1);
  if (bytes.length % recordBytes !== 0) throw sluiceError("workloads.malformedInput", { path: ["centroids"], expected: `a multiple of ${recordBytes} bytes (8 · (${dimensions} dimensions + 1 weight))`, actual: `${bytes.length} bytes`, params: { what: "the centroids" } });
  const words = new Float64Array(bytes.length / 8);
  new Uint8Array(words.buffer).set(bytes);
  const count = bytes.length / recordBytes;
  const centroids = new Float64Array(count * dimensions);
  const weights = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    weights[j] = words[j * (dimensions + 1)]!;
    centroids.set(words.subarray(j * (dimensions + 1) + 1, (j + 1) * (dimensions + 1)), j * dimensions);
  }
  return { dimensions, centroids, weights };
}
