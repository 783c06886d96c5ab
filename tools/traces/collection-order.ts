/**
 * The order in which the trace collector visits (size, repeat) runs: in rounds, one per repeat,
 * each round visiting every size once in its own seeded shuffled order. Run one after another, all
 * repeats of a size would land in the same few seconds, so a slow phase of the machine (another
 * job, a thermal or frequency step, a noisy neighbour) would move one size's median as a whole and
 * read as a bend in the law; spread over rounds, it hits one repeat of several sizes instead, and
 * the per-size median discards it. Pure: same counts and seed, same order.
 */
import { createPrng } from "../../src/workloads/inputs/prng.js";

export interface CollectionStep {
  /** Index into the sizes list. */
  readonly sizeIndex: number;
  /** 0-based repeat (its input seed is 1 + repeat). */
  readonly repeat: number;
}

/** Default seed of the visiting order (not the inputs' seeds). */
export const DEFAULT_ORDER_SEED = 17;

/** Every (size, repeat) once: round r holds repeat r, its sizes shuffled (Fisher–Yates) by a PRNG seeded from `seed`. */
export function collectionOrder(sizeCount: number, repeats: number, seed = DEFAULT_ORDER_SEED): CollectionStep[] {
  const prng = createPrng(seed);
  const steps: CollectionStep[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const order = Array.from({ length: sizeCount }, (_, i) => i);
    for (let i = sizeCount - 1; i > 0; i--) {
      const j = prng.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const sizeIndex of order) steps.push({ sizeIndex, repeat });
  }
  return steps;
}
