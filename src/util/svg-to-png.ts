/** SVG → PNG through resvg, loaded on first use (it is a native module of several MB). */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  return new Resvg(svg, { background: "white", font: { loadSystemFonts: true } }).render().asPng();
}
