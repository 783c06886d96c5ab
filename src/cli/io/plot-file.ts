/**
 * `--plot FILE` of `sluice run`, `simulate` and `train`: the file's extension picks the format
 * (.svg or .png, any case; anything else is option.plotFormat naming the flag, checked before the
 * work), and an SVG chart is written as PNG through resvg when the file asks for one.
 */
import { show, sluiceError } from "../../errors.js";
import { writeOutputFile } from "./output-target.js";
import { svgToPng } from "../../util/svg-to-png.js";

export type PlotFormat = "svg" | "png";

export function plotFormatOf(file: string): PlotFormat {
  const ext = file.toLowerCase().match(/\.(svg|png)$/)?.[1];
  if (ext === undefined) throw sluiceError("option.plotFormat", { path: ["--plot"], actual: show(file) });
  return ext as PlotFormat;
}

/** Writes `svg` to `file` (atomically, as every output), converted to PNG for a .png file. */
export async function writePlot(file: string, svg: string): Promise<void> {
  await writeOutputFile(file, plotFormatOf(file) === "png" ? await svgToPng(svg) : svg, "--plot");
}
