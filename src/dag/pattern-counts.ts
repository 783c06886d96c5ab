/** Which instance counts a pattern allows between producer (n_u) and consumer (n_v). */
import type { Issue } from "../errors.js";
import type { Edge } from "./types.js";

/**
 * Returns an issue when the pattern contradicts the counts, undefined when consistent.
 * Unknown counts (undefined) are not checked here; estimation checks predicted counts.
 * - one-to-one: n_v = n_u
 * - scatter: n_v ≥ n_u and n_v a multiple of n_u (each producer instance feeds its own slice group)
 * - gather: n_v = 1
 * - broadcast, shuffle: any counts
 */
export function checkPatternCounts(edge: Edge, producerInstances: number | undefined, consumerInstances: number | undefined): Omit<Issue, "path"> | undefined {
  const nu = producerInstances;
  const nv = consumerInstances;
  const label = `${edge.from}->${edge.to}`;
  switch (edge.pattern) {
    case "one-to-one":
      if (nu !== undefined && nv !== undefined && nu !== nv)
        return { code: "contradiction", message: `one-to-one edge ${label} needs equal instance counts`, expected: `${nu} consumer instances`, actual: `${nv}` };
      return undefined;
    case "scatter":
      if (nu !== undefined && nv !== undefined && (nv < nu || nv % nu !== 0))
        return { code: "contradiction", message: `scatter edge ${label} needs the consumer count to be a multiple of the producer count`, expected: `a multiple of ${nu}`, actual: `${nv}` };
      return undefined;
    case "gather":
      if (nv !== undefined && nv !== 1)
        return { code: "contradiction", message: `gather edge ${label} needs a single consumer instance`, expected: "1", actual: `${nv}` };
      return undefined;
    case "broadcast":
    case "shuffle":
      return undefined;
  }
}
