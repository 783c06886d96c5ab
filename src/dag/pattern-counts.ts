/** Which instance counts a pattern allows between producer (n_u) and consumer (n_v). */
import { issue, type Issue } from "../errors.js";
import type { Edge } from "./types.js";

/**
 * Returns an issue (at `path()`, built only then) when the pattern contradicts the counts, undefined when consistent.
 * Unknown counts (undefined) are not checked here; estimation checks predicted counts.
 * - one-to-one: n_v = n_u
 * - scatter: n_v ≥ n_u and n_v a multiple of n_u (each producer instance feeds its own slice group)
 * - gather: n_v = 1
 * - broadcast, shuffle: any counts
 */
export function checkPatternCounts(edge: Edge, producerInstances: number | undefined, consumerInstances: number | undefined, path: () => Issue["path"]): Issue | undefined {
  const nu = producerInstances;
  const nv = consumerInstances;
  const params = () => ({ edge: `${edge.from}->${edge.to}` });
  switch (edge.pattern) {
    case "one-to-one":
      if (nu !== undefined && nv !== undefined && nu !== nv) return issue("dag.oneToOneCounts", { path: path(), params: params(), expected: `${nu} consumer instances`, actual: `${nv}` });
      return undefined;
    case "scatter":
      if (nu !== undefined && nv !== undefined && (nv < nu || nv % nu !== 0)) return issue("dag.scatterCounts", { path: path(), params: params(), expected: `a multiple of ${nu}`, actual: `${nv}` });
      return undefined;
    case "gather":
      if (nv !== undefined && nv !== 1) return issue("dag.gatherCounts", { path: path(), params: params(), actual: `${nv}` });
      return undefined;
    case "broadcast":
    case "shuffle":
      return undefined;
  }
}
