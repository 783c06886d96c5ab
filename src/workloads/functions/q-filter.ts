/**
 * Query, filter + project: keeps fact rows with quantity ≥ minQuantity and dayFrom ≤ day < dayTo,
 * and emits one batch of [product_id, revenue_cents = quantity · price_cents].
 */
import { decodeBatches, encodeBatch } from "../column-batch.js";
import { FACT_COLUMNS } from "../inputs/gen-tables.js";
import { sampleMemory } from "../memory-probe.js";
import type { StageResult } from "../types.js";

export interface QFilterParams {
  readonly minQuantity: number;
  readonly dayFrom: number;
  readonly dayTo: number;
}

export const DEFAULT_FILTER: QFilterParams = { minQuantity: 3, dayFrom: 0, dayTo: 270 };

const PRODUCT = FACT_COLUMNS.indexOf("product_id");
const QUANTITY = FACT_COLUMNS.indexOf("quantity");
const PRICE = FACT_COLUMNS.indexOf("price_cents");
const DAY = FACT_COLUMNS.indexOf("day");

export function qFilter(input: Uint8Array, params: QFilterParams = DEFAULT_FILTER): StageResult {
  const batches = decodeBatches(input);
  sampleMemory();
  let total = 0;
  for (const b of batches) total += b.rowCount;
  const products = new Int32Array(total);
  const revenues = new Int32Array(total);
  let kept = 0;
  for (const { rowCount, columns } of batches) {
    const [product, quantity, price, day] = [columns[PRODUCT]!, columns[QUANTITY]!, columns[PRICE]!, columns[DAY]!];
    for (let r = 0; r < rowCount; r++) {
      const q = quantity[r]!;
      const d = day[r]!;
      if (q < params.minQuantity || d < params.dayFrom || d >= params.dayTo) continue;
      products[kept] = product[r]!;
      revenues[kept] = q * price[r]!;
      kept++;
    }
  }
  const out = encodeBatch({ rowCount: kept, columns: [products.subarray(0, kept), revenues.subarray(0, kept)] });
  sampleMemory();
  return { outputs: [out] };
}
