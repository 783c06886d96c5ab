import { describe, expect, it } from "vitest";
import { decodeBatches } from "../column-batch.js";
import { generateDimensionTable, generateFactTable } from "../inputs/gen-tables.js";
import { aggregateByCategory, qAggregate } from "./q-aggregate.js";
import { DEFAULT_FILTER, qFilter } from "./q-filter.js";
import { qJoin } from "./q-join.js";
import { qScan } from "./q-scan.js";
import { concatBytes } from "../types.js";

/** The reference: filter, nested-loop join and group-by straight from the CSV strings. */
function naiveQuery(fact: Uint8Array, dim: Uint8Array): Map<number, { revenueCents: number; rows: number }> {
  const [d] = decodeBatches(dim);
  const dimRows = Array.from(d!.columns[0]!, (id, i) => [id, d!.columns[1]![i]!] as const);
  const out = new Map<number, { revenueCents: number; rows: number }>();
  for (const line of Buffer.from(fact).toString("latin1").split("\n").slice(1)) {
    if (line === "") continue;
    const [, , product, quantity, price, day] = line.split(",").map(Number);
    if (quantity! < DEFAULT_FILTER.minQuantity || day! < DEFAULT_FILTER.dayFrom || day! >= DEFAULT_FILTER.dayTo) continue;
    for (const [id, category] of dimRows) {
      if (id !== product) continue;
      const g = out.get(category) ?? { revenueCents: 0, rows: 0 };
      out.set(category, { revenueCents: g.revenueCents + quantity! * price!, rows: g.rows + 1 });
    }
  }
  return out;
}

describe("query pipeline (scan → filter → join → aggregate)", () => {
  const productCount = 60;
  const fact = generateFactTable(40_000, 12, productCount);
  const dim = generateDimensionTable(productCount, 3, 6);

  it("matches a naive nested-loop filter, join and group-by", () => {
    const scanned = qScan(fact, { partitionUnitBytes: 3_000 }).outputs; // ≤ 40000 bytes: ⌈√(40000/3000)⌉ = ⌈√13.3⌉ = 4 partitions
    const joined = scanned.map((s) => qJoin(qFilter(s.slice(), DEFAULT_FILTER).outputs[0]!, { dimension: dim }).outputs[0]!);
    const groups = aggregateByCategory(concatBytes(joined));
    const naive = naiveQuery(fact, dim);
    expect(groups.map((g) => g.categoryId)).toEqual([...naive.keys()].sort((a, b) => a - b));
    for (const g of groups) expect({ revenueCents: g.revenueCents, rows: g.rows }).toEqual(naive.get(g.categoryId));
  });

  it("drops fact rows whose product is not in the dimension", () => {
    const filtered = qFilter(qScan(fact).outputs[0]!, DEFAULT_FILTER).outputs[0]!;
    const joined = qJoin(filtered, { dimension: dim }).outputs[0]!;
    const inRows = decodeBatches(filtered)[0]!.rowCount;
    const outRows = decodeBatches(joined)[0]!.rowCount;
    expect(outRows).toBeLessThan(inRows); // ~2% of rows name missing products
    expect(outRows).toBeGreaterThan(inRows * 0.9);
  });

  it("emits the aggregate as CSV sorted by category", () => {
    const text = Buffer.from(qAggregate(qJoin(qFilter(qScan(fact).outputs[0]!).outputs[0]!, { dimension: dim }).outputs[0]!).outputs[0]!).toString("latin1");
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("category_id,revenue_cents,rows");
    const ids = lines.slice(1).map((l) => Number(l.split(",")[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
