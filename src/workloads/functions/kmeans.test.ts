import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { decodeCentroids } from "./centroids-codec.js";
import { decodePoints, generatePoints } from "../inputs/gen-points.js";
import { DEFAULT_KMEANS, kmeans } from "./kmeans.js";
import { kmeansMerge } from "./kmeans-merge.js";
import { kmeansSplit } from "./kmeans-split.js";
import { lloyd } from "./lloyd.js";
import { concatBytes } from "../types.js";

describe("k-means stages (split → kmeans → merge)", () => {
  const input = generatePoints(96_000, 7); // 3000 points

  it("splits into ⌈√(input / partitionUnitBytes)⌉ shards that concatenate to the input", () => {
    const { outputs } = kmeansSplit(input, { partitionUnitBytes: 8_000 }); // ⌈√(96000/8000)⌉ = ⌈√12⌉ = ⌈3.46⌉ = 4
    expect(outputs).toHaveLength(4);
    expect(Buffer.from(concatBytes(outputs)).equals(Buffer.from(input))).toBe(true);
  });

  it("rejects non-finite coordinates", () => {
    const bad = new Float32Array(8).fill(Number.NaN);
    expect(() => kmeansSplit(new Uint8Array(bad.buffer))).toThrow(expect.objectContaining({ code: codeOf("workloads.malformedInput"), issues: [expect.objectContaining({ path: ["kmeans-split", "value 0"], actual: "NaN" })] }));
  });

  it("emits k centroids per shard whose weights count the shard's points", () => {
    const shard = kmeansSplit(input, { partitionUnitBytes: 8_000 }).outputs[0]!;
    const c = decodeCentroids(kmeans(shard).outputs[0]!, 8);
    expect(c.weights).toHaveLength(DEFAULT_KMEANS.k);
    expect(c.weights.reduce((s, w) => s + w, 0)).toBe(shard.length / 32);
  });

  it("merges shard centroids into k centroids about as good as fitting all points at once", () => {
    const shards = kmeansSplit(input, { partitionUnitBytes: 8_000 }).outputs;
    const merged = decodeCentroids(kmeansMerge(concatBytes(shards.map((s) => kmeans(s).outputs[0]!)), DEFAULT_KMEANS).outputs[0]!, 8);
    expect(merged.weights.reduce((s, w) => s + w, 0)).toBe(3000);
    const points = decodePoints(input, 8);
    const whole = lloyd(points, undefined, 8, 8, 5).centroids;
    expect(evaluate(points, merged.centroids)).toBeLessThan(evaluate(points, whole) * 1.5);
  });
});

/** Inertia of `points` (8-D) against fixed `centroids`. */
function evaluate(points: Float32Array, centroids: Float64Array): number {
  let total = 0;
  for (let p = 0; p < points.length / 8; p++) {
    let best = Infinity;
    for (let j = 0; j < centroids.length / 8; j++) {
      let d = 0;
      for (let x = 0; x < 8; x++) d += (points[p * 8 + x]! - centroids[j * 8 + x]!) ** 2;
      best = Math.min(best, d);
    }
    total += best;
  }
  return total;
}
