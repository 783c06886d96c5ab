import { describe, expect, it } from "vitest";
import { buildFitChartData, buildFitChartSpec } from "./plot-fit.js";
import { generateTraces, SYNTHETIC_SORT } from "./synthetic-traces.js";
import { trainProfiles } from "./train-profiles.js";

describe("fit chart", async () => {
  const records = generateTraces(SYNTHETIC_SORT, { inputBytes: [1e6, 2e6, 4e6, 8e6], noise: 0.02 });
  const set = await trainProfiles(records, { model: "linear" });

  it("has every measured point and a curve per function and target", () => {
    const rows = buildFitChartData(set, records, { curvePoints: 5 });
    // 3 functions · 4 targets · (4 measured + 5 curve points) = 108
    expect(rows).toHaveLength(108);
    const curve = rows.filter((r) => r.median !== undefined);
    for (const r of curve) expect(r.low! <= r.median! && r.median! <= r.high!).toBe(true);
  });

  it("facets by function and target with independent scales", () => {
    const spec = buildFitChartSpec([]) as { facet: { row: { field: string }; column: { field: string } }; resolve: unknown };
    expect(spec.facet.row.field).toBe("function");
    expect(spec.facet.column.field).toBe("target");
    expect(spec.resolve).toEqual({ scale: { y: "independent", x: "independent" } });
  });
});
