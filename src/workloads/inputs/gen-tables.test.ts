import { describe, expect, it } from "vitest";
import { decodeBatches } from "../column-batch.js";
import { FACT_HEADER, generateDimensionTable, generateFactTable, productId } from "./gen-tables.js";

describe("generateFactTable", () => {
  it("has exactly the requested size, a header, and is deterministic per seed", () => {
    const a = generateFactTable(4_000, 1, 50);
    expect(a.length).toBe(4_000);
    expect(Buffer.from(a).toString("latin1").startsWith(FACT_HEADER)).toBe(true);
    expect(generateFactTable(4_000, 1, 50)).toEqual(a);
    expect(generateFactTable(4_000, 2, 50)).not.toEqual(a);
  });

  it("writes rows of six integers in range", () => {
    const lines = Buffer.from(generateFactTable(20_000, 3, 50)).toString("latin1").split("\n").slice(1).filter((l) => l !== "");
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) {
      const [, customer, , quantity, price, day] = line.split(",").map(Number);
      expect(customer! >= 1 && customer! <= 100_000).toBe(true);
      expect(quantity! >= 1 && quantity! <= 10).toBe(true);
      expect(price! >= 100 && price! < 100_000).toBe(true);
      expect(day! >= 0 && day! < 365).toBe(true);
    }
  });
});

describe("generateDimensionTable", () => {
  it("lists every product once with a category, deterministically", () => {
    const [dim] = decodeBatches(generateDimensionTable(30, 4, 5));
    expect(Array.from(dim!.columns[0]!)).toEqual(Array.from({ length: 30 }, (_, i) => productId(i)));
    expect(Array.from(dim!.columns[1]!).every((c) => c >= 0 && c < 5)).toBe(true);
    expect(generateDimensionTable(30, 4, 5)).toEqual(generateDimensionTable(30, 4, 5));
  });
});
