/**
 * Weighted Lloyd iterations for k-means. Each iteration assigns every point to its nearest centroid
 * (recording the inertia Σ w·‖x − c‖² at that assignment), then moves each centroid to the weighted
 * mean of its points; an empty cluster keeps its centroid. Inertia therefore never increases.
 * Initial centroids: farthest-point seeding (the first point, then repeatedly the point with the
 * largest weighted distance to its nearest chosen centroid), deterministic and robust to input order.
 */

export interface LloydResult {
  /** k × dimensions, row-major. */
  readonly centroids: Float64Array;
  /** Total weight assigned to each centroid at the last assignment. */
  readonly weights: Float64Array;
  /** Inertia at each iteration's assignment step. */
  readonly inertiaHistory: number[];
}

export function lloyd(points: ArrayLike<number>, pointWeights: ArrayLike<number> | undefined, dimensions: number, k: number, iterations: number): LloydResult {
  const n = points.length / dimensions;
  const centroids = seedCentroids(points, pointWeights, dimensions, k);
  const weights = new Float64Array(k);
  const sums = new Float64Array(k * dimensions);
  const inertiaHistory: number[] = [];
  for (let it = 0; it < iterations; it++) {
    weights.fill(0);
    sums.fill(0);
    let inertia = 0;
    for (let p = 0; p < n; p++) {
      let best = 0;
      let bestDist = Infinity;
      for (let j = 0; j < k; j++) {
        let dist = 0;
        for (let d = 0; d < dimensions; d++) {
          const diff = points[p * dimensions + d]! - centroids[j * dimensions + d]!;
          dist += diff * diff;
        }
        if (dist < bestDist) {
          bestDist = dist;
          best = j;
        }
      }
      const w = pointWeights === undefined ? 1 : pointWeights[p]!;
      inertia += w * bestDist;
      weights[best]! += w;
      for (let d = 0; d < dimensions; d++) sums[best * dimensions + d]! += w * points[p * dimensions + d]!;
    }
    inertiaHistory.push(inertia);
    for (let j = 0; j < k; j++) {
      if (weights[j]! === 0) continue;
      for (let d = 0; d < dimensions; d++) centroids[j * dimensions + d] = sums[j * dimensions + d]! / weights[j]!;
    }
  }
  return { centroids, weights, inertiaHistory };
}

function seedCentroids(points: ArrayLike<number>, pointWeights: ArrayLike<number> | undefined, dimensions: number, k: number): Float64Array {
  const n = points.length / dimensions;
  const centroids = new Float64Array(k * dimensions);
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = 0;
  for (let j = 0; j < k && n > 0; j++) {
    for (let d = 0; d < dimensions; d++) centroids[j * dimensions + d] = points[pick * dimensions + d]!;
    let farthest = -1;
    for (let p = 0; p < n; p++) {
      let dist = 0;
      for (let d = 0; d < dimensions; d++) dist += (points[p * dimensions + d]! - centroids[j * dimensions + d]!) ** 2;
      if (dist < nearest[p]!) nearest[p] = dist;
      const score = nearest[p]! * (pointWeights === undefined ? 1 : pointWeights[p]!);
      if (score > farthest) {
        farthest = score;
        pick = p;
      }
    }
  }
  return centroids;
}
