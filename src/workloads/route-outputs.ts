/**
 * Turns a stage's outputs (one list per producer instance) into the next stage's instance inputs,
 * by the edge's pattern:
 * - one-to-one: consumer i reads producer i's outputs;
 * - scatter: producer i's output j goes to its own consumer (i·m + j), m outputs per producer;
 * - shuffle: consumer j reads output j of every producer, concatenated (all must have equal counts);
 * - gather: one consumer reads everything, concatenated;
 * - broadcast: each of the m consumers (m = outputs per producer) reads everything.
 */
import { sluiceError } from "../errors.js";
import type { Pattern } from "../dag/types.js";
import { concatBytes } from "./types.js";

export function routeOutputs(pattern: Pattern, outputs: readonly (readonly Uint8Array[])[]): Uint8Array[] {
  const m = outputs[0]?.length ?? 0;
  switch (pattern) {
    case "one-to-one":
      return outputs.map(concatBytes);
    case "scatter":
      return outputs.flatMap((o) => [...o]);
    case "shuffle":
      outputs.forEach((o, i) => {
        if (o.length !== m) throw sluiceError("workloads.shuffleShape", { path: ["shuffle", `producer ${i}`], expected: `${m} partitions (as producer 0)`, actual: `${o.length} partitions`, params: { pattern: "shuffle" } });
      });
      return Array.from({ length: m }, (_, j) => concatBytes(outputs.map((o) => o[j]!)));
    case "gather":
      return [concatBytes(outputs.flat())];
    case "broadcast": {
      const all = concatBytes(outputs.flat());
      return Array.from({ length: m }, () => all);
    }
  }
}
