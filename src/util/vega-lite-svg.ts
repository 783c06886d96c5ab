/**
 * A Vega-Lite spec drawn as SVG, headless: vega-lite compiles it to Vega, a Vega view with no
 * renderer draws it. Both libraries load on first use (they are heavy), never at import.
 */
export async function vegaLiteSvg(spec: object): Promise<string> {
  const [{ compile }, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const compiled = compile(spec as Parameters<typeof compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
