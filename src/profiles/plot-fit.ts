/**
 * Renders measured values against the fitted model per function (rows) and target (columns):
 * measured points, the median curve and the interval band, over input size. Vega-Lite compiles
 * the chart, Vega renders SVG, and resvg turns it into PNG when the file name ends in .png.
 */
import { writeFile } from "node:fs/promises";
import { inputError } from "../errors.js";
import type { TraceRecord } from "../traces/trace-record.js";
import type { ProfileSet } from "./profile-set.js";
import { predictTargetAt } from "./predict-target.js";
import { PROFILE_TARGETS } from "./types.js";

export interface PlotFitOptions {
  /** Interval level of the band (default 0.9). */
  readonly level?: number;
  /** Points on each model curve (default 40). */
  readonly curvePoints?: number;
}

interface Row {
  function: string;
  target: string;
  inputMb: number;
  measured?: number;
  median?: number;
  low?: number;
  high?: number;
}

export function buildFitChartData(profiles: ProfileSet, records: readonly TraceRecord[], options: PlotFitOptions = {}): Row[] {
  const level = options.level ?? 0.9;
  const points = options.curvePoints ?? 40;
  const rows: Row[] = [];
  for (const name of profiles.functionNames) {
    const fn = profiles.data.functions[name]!;
    for (const target of PROFILE_TARGETS) {
      for (const r of records) if (r.function === name) rows.push({ function: name, target, inputMb: r.inputBytes / 1e6, measured: r[target] });
      const lo = Math.max(fn.inputBytesMin, 1), hi = Math.max(fn.inputBytesMax, lo * 1.01);
      for (let i = 0; i < points; i++) {
        const x = lo * Math.pow(hi / lo, i / (points - 1));
        const d = fn.targets[target];
        rows.push({ function: name, target, inputMb: x / 1e6, median: predictTargetAt(d, x, 0.5), low: predictTargetAt(d, x, (1 - level) / 2), high: predictTargetAt(d, x, (1 + level) / 2) });
      }
    }
  }
  return rows;
}

export function buildFitChartSpec(rows: readonly Row[]): Record<string, unknown> {
  const x = { field: "inputMb", type: "quantitative", title: "input (MB)" };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    data: { values: rows },
    facet: { row: { field: "function", type: "nominal" }, column: { field: "target", type: "nominal", sort: [...PROFILE_TARGETS] } },
    resolve: { scale: { y: "independent", x: "independent" } },
    spec: {
      width: 180,
      height: 120,
      layer: [
        { transform: [{ filter: "isValid(datum.median)" }], mark: { type: "area", opacity: 0.25 }, encoding: { x, y: { field: "low", type: "quantitative", title: null }, y2: { field: "high" } } },
        { transform: [{ filter: "isValid(datum.median)" }], mark: "line", encoding: { x, y: { field: "median", type: "quantitative" } } },
        { transform: [{ filter: "isValid(datum.measured)" }], mark: { type: "point", filled: true, color: "#d62728", size: 20 }, encoding: { x, y: { field: "measured", type: "quantitative" } } },
      ],
    },
  };
}

/** Renders the chart to SVG (or PNG by extension) at `file`. */
export async function plotFit(profiles: ProfileSet, records: readonly TraceRecord[], file: string, options: PlotFitOptions = {}): Promise<void> {
  const format = file.toLowerCase().endsWith(".png") ? "png" : file.toLowerCase().endsWith(".svg") ? "svg" : undefined;
  if (format === undefined) throw inputError("Cannot plot", { code: "invalid_value", path: ["plot"], message: "unknown image format", expected: "a file ending in .svg or .png", actual: file });
  const [{ compile }, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const spec = buildFitChartSpec(buildFitChartData(profiles, records, options));
  const compiled = compile(spec as unknown as Parameters<typeof compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  if (format === "svg") return writeFile(file, svg);
  const { Resvg } = await import("@resvg/resvg-js");
  const png = new Resvg(svg, { background: "white", font: { loadSystemFonts: true } }).render().asPng();
  await writeFile(file, png);
}
