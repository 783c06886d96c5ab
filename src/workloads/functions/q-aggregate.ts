/**
 * Query, aggregate: GROUP BY category_id, SUM(revenue_cents), COUNT(*) over the joined rows
 * (every join instance's batch, concatenated), emitted as CSV text sorted by category_id.
 * Sums are exact (float64 holds integers to 2^53).
 */
import { decodeBatches } from "../column-batch.js";
import { sampleMemory } from "../memory-probe.js";
import type { StageResult } from "../types.js";

export interface GroupTotal {
  readonly categoryId: number;
  readonly revenueCents: number;
  readonly rows: number;
}

export function aggregateByCategory(input: Uint8Array): GroupTotal[] {
  const sums = new Map<number, { revenueCents: number; rows: number }>();
  for (const { rowCount, columns } of decodeBatches(input)) {
    const [category, revenue] = [columns[0]!, columns[1]!];
    for (let r = 0; r < rowCount; r++) {
      const g = sums.get(category[r]!);
      if (g === undefined) sums.set(category[r]!, { revenueCents: revenue[r]!, rows: 1 });
      else {
        g.revenueCents += revenue[r]!;
        g.rows++;
      }
    }
  }
  return [...sums].sort((a, b) => a[0] - b[0]).map(([categoryId, g]) => ({ categoryId, ...g }));
}

export function qAggregate(input: Uint8Array): StageResult {
  const groups = aggregateByCategory(input);
  sampleMemory();
  const text = "category_id,revenue_cents,rows\n" + groups.map((g) => `${g.categoryId},${g.revenueCents},${g.rows}\n`).join("");
  return { outputs: [Buffer.from(text, "latin1")] };
}
