/**
 * k-means input: `dimensions`-D float32 points (little-endian, row-major) drawn from a mixture of
 * `clusters` Gaussian blobs (unit spread, centres uniform in [-20, 20]^d). Deterministic per seed.
 */
import { sluiceError } from "../../errors.js";
import { createPrng } from "./prng.js";

export const DEFAULT_DIMENSIONS = 8;

/** Points filling at most `inputBytes` (floor to whole points). */
export function generatePoints(inputBytes: number, seed: number, dimensions = DEFAULT_DIMENSIONS, clusters = 8): Uint8Array {
  const prng = createPrng(seed);
  const centres = Array.from({ length: clusters * dimensions }, () => prng.next() * 40 - 20);
  const pointCount = Math.floor(inputBytes / (4 * dimensions));
  const values = new Float32Array(pointCount * dimensions);
  for (let p = 0; p < pointCount; p++) {
    const c = prng.int(clusters);
    for (let d = 0; d < dimensions; d++) values[p * dimensions + d] = centres[c * dimensions + d]! + prng.normal();
  }
  return new Uint8Array(values.buffer);
}

/** Reads float32 points from bytes (copying, so any byte offset works). */
export function decodePoints(bytes: Uint8Array, dimensions: number): Float32Array {
  const pointBytes = 4 * dimensions;
  if (bytes.length % pointBytes !== 0) throw sluiceError("workloads.malformedInput", { path: ["points"], expected: `a multiple of ${pointBytes} bytes (4 · ${dimensions} dimensions)`, actual: `${bytes.length} bytes`, params: { what: "the points" } });
  const values = new Float32Array(bytes.length / 4);
  new Uint8Array(values.buffer).set(bytes);
  return values;
}
