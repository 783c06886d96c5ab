/**
 * mulberry32: a small, fast, well-known seeded PRNG. The one generator behind every seeded stream
 * in Sluice (workload inputs, random DAGs, synthetic traces, the simulator), so a seed means the
 * same thing everywhere.
 */

/** A stream of unsigned 32-bit integers for `seed`. */
export function mulberry32U32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A stream of uniform floats in [0, 1) for `seed`. */
export function mulberry32(seed: number): () => number {
  const next = mulberry32U32(seed);
  return () => next() / 4294967296;
}
