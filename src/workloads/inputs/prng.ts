/** A small seeded PRNG (mulberry32): deterministic per seed, fast, good enough for test data. */
import { mulberry32U32 } from "../../util/mulberry32.js";

export interface Prng {
  /** A uniform float in [0, 1). */
  next(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** A standard normal variate (Box–Muller). */
  normal(): number;
}

export function createPrng(seed: number): Prng {
  const nextU32 = mulberry32U32(seed);
  const next = (): number => nextU32() / 4294967296;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
