/**
 * Renders measured values against the fitted model per function (rows) and target (columns): the
 * median curve, the interval band, and the measured points over input size. Vega-Lite compiles the
 * chart, Vega renders SVG, and resvg turns it into PNG when the file name ends in .png.
 *
 * The file stays small whatever the traces hold: a chart cell with more rows than its share of
 * MAX_POINTS is drawn as bins of log input size, each the median with a rule from the 5th to the
 * 95th percentile of its rows, instead of one mark per row (a million rows would be ~100 MB of SVG).
 */
import { writeFile } from "node:fs/promises";
import { sluiceError } from "../../errors.js";
import type { TraceRecord } from "../../traces/trace-record.js";
import { TraceTable } from "../../traces/trace-table.js";
import type { ProfileSet } from "../set/profile-set.js";
import { predictTargetAt } from "../set/predict-target.js";
import { PROFILE_TARGETS } from "../types.js";
import { vegaLiteSvg } from "../../util/vega-lite-svg.js";
import { svgToPng } from "../../util/svg-to-png.js";
import { quantileSorted } from "../../util/quantile.js";

export interface PlotFitOptions {
  /** Interval level of the band (default 0.9). */
  readonly level?: number;
  /** Points on each model curve (default 20). */
  readonly curvePoints?: number;
  /** Measured marks over the whole chart before cells are binned (default 600). */
  readonly maxPoints?: number;
}

export interface FitChartRow {
  function: string;
  target: string;
  inputMb: number;
  measured?: number;
  /** For a bin: the 5th and 95th percentiles of its rows, and how many rows it holds. */
  measuredLow?: number;
  measuredHigh?: number;
  rows?: number;
  median?: number;
  low?: number;
  high?: number;
}

export const MAX_POINTS = 600;
const MIN_POINTS_PER_CELL = 10;

/** Measured marks of one cell: every row, or bins of log size when there are more than `budget`. */
function measuredMarks(fn: string, target: string, xs: number[], ys: number[], budget: number): FitChartRow[] {
  if (xs.length <= budget) return xs.map((x, i) => ({ function: fn, target, inputMb: x / 1e6, measured: ys[i]! }));
  const bins = Math.max(1, Math.floor(budget / 2));
  const logs = xs.map((x) => Math.log(Math.max(x, 1)));
  let lo = Infinity, hi = -Infinity;
  for (const l of logs) {
    if (l < lo) lo = l;
    if (l > hi) hi = l;
  }
  const width = (hi - lo) / bins || 1;
  const groups = new Map<number, { x: number[]; y: number[] }>();
  logs.forEach((l, i) => {
    const k = Math.min(bins - 1, Math.floor((l - lo) / width));
    const g = groups.get(k) ?? { x: [], y: [] };
    g.x.push(xs[i]!);
    g.y.push(ys[i]!);
    groups.set(k, g);
  });
  return [...groups.keys()].sort((a, b) => a - b).map((k) => {
    const g = groups.get(k)!;
    const sx = [...g.x].sort((a, b) => a - b), sy = [...g.y].sort((a, b) => a - b);
    return { function: fn, target, inputMb: quantileSorted(sx, 0.5) / 1e6, measured: quantileSorted(sy, 0.5), measuredLow: quantileSorted(sy, 0.05), measuredHigh: quantileSorted(sy, 0.95), rows: g.y.length };
  });
}

export function buildFitChartData(profiles: ProfileSet, traces: readonly TraceRecord[] | TraceTable, options: PlotFitOptions = {}): FitChartRow[] {
  const level = options.level ?? 0.9;
  const points = options.curvePoints ?? 20;
  const table = traces instanceof TraceTable ? traces : TraceTable.fromRecords(traces);
  const cells = profiles.functionNames.length * PROFILE_TARGETS.length;
  const budget = Math.max(MIN_POINTS_PER_CELL, Math.floor((options.maxPoints ?? MAX_POINTS) / Math.max(1, cells)));
  const rows: FitChartRow[] = [];
  for (const name of profiles.functionNames) {
    const fn = profiles.data.functions[name]!;
    const g = table.functions.get(name);
    for (const target of PROFILE_TARGETS) {
      const d = fn.targets[target];
      if (d === undefined) continue;
      if (g !== undefined) {
        const xs: number[] = [], ys: number[] = [];
        const col = g.columns[target].values(), input = g.columns.inputBytes.values(), stage = g.columns.stageInputBytes.values();
        for (let i = 0; i < col.length; i++) {
          if (Number.isNaN(col[i]!)) continue;
          xs.push(target === "fanout" && !Number.isNaN(stage[i]!) ? stage[i]! : input[i]!);
          ys.push(col[i]!);
        }
        rows.push(...measuredMarks(name, target, xs, ys, budget));
      }
      const lo = Math.max(d.inputBytesMin, 1), hi = Math.max(d.inputBytesMax, lo * 1.01);
      for (let i = 0; i < points; i++) {
        const x = lo * Math.pow(hi / lo, i / (points - 1));
        rows.push({ function: name, target, inputMb: x / 1e6, median: predictTargetAt(d, x, 0.5), low: predictTargetAt(d, x, (1 - level) / 2), high: predictTargetAt(d, x, (1 + level) / 2) });
      }
    }
  }
  return rows;
}

export function buildFitChartSpec(rows: readonly FitChartRow[]): Record<string, unknown> {
  const x = { field: "inputMb", type: "quantitative", title: "input (MB)" };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    // No ARIA attributes on every mark: they were half of a large chart's bytes.
    config: { aria: false, axis: { grid: false, ticks: false, tickCount: 3, labelFontSize: 8, titleFontSize: 9 } },
    data: { values: rows },
    facet: { row: { field: "function", type: "nominal" }, column: { field: "target", type: "nominal", sort: [...PROFILE_TARGETS] } },
    resolve: { scale: { y: "independent", x: "independent" } },
    spec: {
      width: 180,
      height: 120,
      layer: [
        { transform: [{ filter: "isValid(datum.median)" }], mark: { type: "area", opacity: 0.25 }, encoding: { x, y: { field: "low", type: "quantitative", title: null }, y2: { field: "high" } } },
        { transform: [{ filter: "isValid(datum.median)" }], mark: "line", encoding: { x, y: { field: "median", type: "quantitative" } } },
        { transform: [{ filter: "isValid(datum.measuredLow)" }], mark: { type: "rule", color: "#d62728", opacity: 0.6 }, encoding: { x, y: { field: "measuredLow", type: "quantitative" }, y2: { field: "measuredHigh" } } },
        { transform: [{ filter: "isValid(datum.measured)" }], mark: { type: "point", filled: true, color: "#d62728", size: 20 }, encoding: { x, y: { field: "measured", type: "quantitative" } } },
      ],
    },
  };
}

/**
 * Vega's SVG, without what does not draw: empty and zero-size placeholder paths, CSS classes no
 * stylesheet uses, ARIA roles; coordinates to 0.1 px. About 40% smaller, identical on screen.
 */
export function compactSvg(svg: string): string {
  return svg
    .replace(/<path[^>]*\sd=""[^>]*\/>/g, "")
    .replace(/<path d="M0,0h0v0h0Z"\/>/g, "")
    .replace(/ (class|role|aria-[a-z]+|pointer-events)="[^"]*"/g, "")
    .replace(/(\d+\.\d)\d+/g, "$1");
}

/** Renders the chart to SVG (or PNG by extension) at `file`. */
export async function plotFit(profiles: ProfileSet, traces: readonly TraceRecord[] | TraceTable, file: string, options: PlotFitOptions = {}): Promise<void> {
  const format = file.toLowerCase().endsWith(".png") ? "png" : file.toLowerCase().endsWith(".svg") ? "svg" : undefined;
  if (format === undefined) throw sluiceError("option.plotFormat", { path: ["plot"], actual: file });
  const svg = compactSvg(await vegaLiteSvg(buildFitChartSpec(buildFitChartData(profiles, traces, options))));
  if (format === "svg") return writeFile(file, svg);
  await writeFile(file, await svgToPng(svg));
}
