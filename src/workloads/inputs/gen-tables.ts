/**
 * Query input: a star-schema fact table as CSV text (what a scan reads from object storage) and a
 * small product dimension table as a column batch. Product ids are sparse (1000 + 7·i) and ~2% of
 * fact rows name a product missing from the dimension, so the join really probes and drops rows.
 */
import { encodeBatch } from "../column-batch.js";
import { createPrng } from "./prng.js";

export const FACT_HEADER = "order_id,customer_id,product_id,quantity,price_cents,day\n";
export const FACT_COLUMNS = ["order_id", "customer_id", "product_id", "quantity", "price_cents", "day"] as const;
export const DIM_COLUMNS = ["product_id", "category_id"] as const;

export function productId(index: number): number {
  return 1000 + 7 * index;
}

function writeInt(out: Uint8Array, at: number, value: number): number {
  const s = String(value);
  for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  return at + s.length;
}

/** CSV fact table of exactly `inputBytes` bytes (rows, then '\n' padding), deterministic per seed. */
export function generateFactTable(inputBytes: number, seed: number, productCount = 5000): Uint8Array {
  const prng = createPrng(seed);
  const out = new Uint8Array(inputBytes);
  let at = 0;
  const header = Buffer.from(FACT_HEADER, "latin1");
  if (header.length <= inputBytes) {
    out.set(header);
    at = header.length;
  }
  const maxRowBytes = 64;
  for (let orderId = 1; at + maxRowBytes <= inputBytes; orderId++) {
    const productIndex = prng.next() < 0.02 ? productCount + prng.int(100) : prng.int(productCount);
    const values = [orderId, 1 + prng.int(100_000), productId(productIndex), 1 + prng.int(10), 100 + prng.int(99_900), prng.int(365)];
    values.forEach((v, i) => {
      at = writeInt(out, at, v);
      out[at++] = i === values.length - 1 ? 10 : 44;
    });
  }
  out.fill(10, at);
  return out;
}

/** The product dimension (product_id, category_id) for `productCount` products, as a column batch. */
export function generateDimensionTable(productCount: number, seed: number, categoryCount = 40): Uint8Array {
  const prng = createPrng(seed ^ 0x2545f491);
  const ids = new Int32Array(productCount);
  const categories = new Int32Array(productCount);
  for (let i = 0; i < productCount; i++) {
    ids[i] = productId(i);
    categories[i] = prng.int(categoryCount);
  }
  return encodeBatch({ rowCount: productCount, columns: [ids, categories] });
}
