/**
 * Query, hash join: builds a hash table on the product dimension (product_id → category_id) and
 * probes it with the filtered fact rows [product_id, revenue_cents]; an inner join, so rows whose
 * product is missing from the dimension are dropped. Emits one batch of [category_id, revenue_cents].
 * The dimension is small and ships with the function (its params), as a static lookup table.
 */
import { decodeBatches, encodeBatch } from "../column-batch.js";
import { sampleMemory } from "../memory-probe.js";
import type { StageResult } from "../types.js";

export interface QJoinParams {
  /** The dimension table as a column batch [product_id, category_id]. */
  readonly dimension: Uint8Array;
}

export function buildHashTable(dimension: Uint8Array): Map<number, number> {
  const table = new Map<number, number>();
  for (const { rowCount, columns } of decodeBatches(dimension)) {
    const [ids, categories] = [columns[0]!, columns[1]!];
    for (let r = 0; r < rowCount; r++) table.set(ids[r]!, categories[r]!);
  }
  return table;
}

export function qJoin(input: Uint8Array, params: QJoinParams): StageResult {
  const table = buildHashTable(params.dimension);
  const batches = decodeBatches(input);
  sampleMemory();
  let total = 0;
  for (const b of batches) total += b.rowCount;
  const categories = new Int32Array(total);
  const revenues = new Int32Array(total);
  let matched = 0;
  for (const { rowCount, columns } of batches) {
    const [product, revenue] = [columns[0]!, columns[1]!];
    for (let r = 0; r < rowCount; r++) {
      const category = table.get(product[r]!);
      if (category === undefined) continue;
      categories[matched] = category;
      revenues[matched] = revenue[r]!;
      matched++;
    }
  }
  const out = encodeBatch({ rowCount: matched, columns: [categories.subarray(0, matched), revenues.subarray(0, matched)] });
  sampleMemory();
  return { outputs: [out] };
}
