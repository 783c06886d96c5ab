import { describe, expect, it } from "vitest";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildFitChartData, buildFitChartSpec, MAX_POINTS, plotFit } from "./plot-fit.js";
import { generateTraces, SYNTHETIC_SORT } from "../../../test/support/synthetic-traces.js";
import { trainProfiles } from "../train/train-profiles.js";

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

  it("stays small for large traces: cells past their share of points become binned medians with 5–95% rules", async () => {
    // 48,000 rows (3 functions · 400 sizes · 40 runs): one mark per row drew a multi-megabyte SVG.
    const many = generateTraces(SYNTHETIC_SORT, { inputBytes: Array.from({ length: 400 }, (_, i) => (i + 1) * 1e5), repeats: 40, noise: 0.1, seed: 2 });
    const big = await trainProfiles(many, { model: "linear" });
    const rows = buildFitChartData(big, many, { curvePoints: 5 });
    const measured = rows.filter((r) => r.measured !== undefined);
    // 12 cells share 600 marks: 50 each, drawn as 25 bins (a point and a rule each)
    expect(measured.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(measured.every((r) => r.rows! > 1 && r.measuredLow! <= r.measured! && r.measured! <= r.measuredHigh!)).toBe(true);
    const file = path.join(await mkdtemp(path.join(tmpdir(), "sluice-plot-")), "fit.svg");
    await plotFit(big, many, file);
    expect((await stat(file)).size).toBeLessThanOrEqual(200_000);
  });

  it("writes a PNG when the file name ends in .png", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "sluice-plot-")), "fit.png");
    await plotFit(set, records, file);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it("facets by function and target with independent scales", () => {
    const spec = buildFitChartSpec([]) as { facet: { row: { field: string }; column: { field: string } }; resolve: unknown };
    expect(spec.facet.row.field).toBe("function");
    expect(spec.facet.column.field).toBe("target");
    expect(spec.resolve).toEqual({ scale: { y: "independent", x: "independent" } });
  });
});
