/**
 * The project's splitting workloads (the roots sort-map, wc-map, q-scan, kmeans-split) pick their
 * own part count from their input when traced (src/workloads/partition-count.ts:
 * P = clamp(⌈√(inputBytes / partitionUnitBytes)⌉, 1, maxPartitions)). Run under a plan they must
 * produce the parts the plan sized instead — its fanout — so the params are set to give P = fanout:
 *   partitionUnitBytes = max(1, ⌊inputBytes / fanout²⌋)  ⇒  inputBytes / unit ≥ fanout²  ⇒  ⌈√…⌉ ≥ fanout
 *   maxPartitions      = fanout                          ⇒  P = fanout
 * (an input of fewer than fanout² bytes gives ⌈√inputBytes⌉ parts: the next stage runs that many).
 * Params of any other function are returned as they are.
 */
export function plannedPartsParams(params: unknown, inputBytes: number, fanout: number): unknown {
  if (typeof params !== "object" || params === null || !("partitionUnitBytes" in params)) return params;
  const parts = Math.max(1, Math.round(fanout));
  return { ...params, partitionUnitBytes: Math.max(1, Math.floor(inputBytes / (parts * parts))), maxPartitions: parts };
}
