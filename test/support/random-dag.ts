/**
 * Seeded random DAGs with generic profiles, for property tests and benchmarks. Layered: every
 * non-root stage reads 1–2 earlier stages; instance counts are fixed so patterns always fit.
 */
import type { DagInput } from "../../src/dag/schema.js";
import type { Pattern } from "../../src/dag/types.js";
import type { ProfileFunctions } from "../../src/profiles/types.js";
import { mulberry32 } from "../../src/util/mulberry32.js";

/** Seeded uniform floats in [0, 1). */
export const seededRandom = mulberry32;

const MB = 1e6;

/** Five generic functions: runtime linear in input (10–80 MB/s), memory = 256 MB + input/2, at most 4 GiB (streaming), output 0.2–1.0× input. */
export function randomDagProfiles(): ProfileFunctions {
  const out: Record<string, ProfileFunctions[string]> = {};
  for (let k = 0; k < 5; k++) {
    const mbPerS = 10 + 17.5 * k;
    const outRatio = 0.2 + 0.2 * k;
    out[`fn${k}`] = {
      runtimeMs: (b) => 50 + (b / (mbPerS * MB)) * 1000,
      memoryMb: (b) => Math.min(4096, 256 + b / 2 ** 21),
      outputBytes: (b) => outRatio * b,
      fanout: () => 8,
    };
  }
  return out;
}

/** `secondParentChance`: how often a stage reads a second, earlier stage (0.3: about 1.3 inputs per non-root stage). */
export function randomDag(stageCount: number, seed: number, maxWidth = 8, secondParentChance = 0.3): DagInput {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const counts = [1, 2, 4, 8, 16];
  const stages: { id: string; function: string; instances: number }[] = [];
  const edges: { from: string; to: string; pattern: Pattern }[] = [];
  const layers: number[][] = [];
  let made = 0;
  while (made < stageCount) {
    const width = Math.min(stageCount - made, 1 + Math.floor(rand() * maxWidth));
    const layer: number[] = [];
    for (let w = 0; w < width; w++) {
      const idx = made++;
      stages.push({ id: `s${idx}`, function: `fn${Math.floor(rand() * 5)}`, instances: pick(counts) });
      layer.push(idx);
      if (layers.length === 0) continue;
      const parents = new Set<number>([pick(layers[layers.length - 1]!)]);
      if (rand() < secondParentChance) parents.add(pick(pick(layers)));
      for (const p of parents) {
        const nu = stages[p]!.instances;
        const v = stages[idx]!;
        const options: Pattern[] = ["shuffle"];
        if (v.instances === nu) options.push("one-to-one");
        if (v.instances === 1) options.push("gather");
        if (v.instances % nu === 0 && v.instances > nu) options.push("scatter");
        if (nu === 1 && v.instances <= 4) options.push("broadcast");
        edges.push({ from: `s${p}`, to: v.id, pattern: pick(options) });
      }
    }
    layers.push(layer);
  }
  return { name: `random-${stageCount}-${seed}`, stages, edges };
}
