/**
 * Reads a package's default export whatever its module shape. Some solver packages ship
 * CommonJS type declarations with `export default`, so under NodeNext the static type of
 * `(await import(pkg)).default` is the whole module while at runtime (ESM build) it is the value
 * itself. This accepts either and returns the value.
 */
import { sluiceError } from "../errors.js";

export function readDefaultExport<T>(module: unknown, isValue: (candidate: unknown) => boolean): T {
  const outer = (module as { default?: unknown }).default;
  if (isValue(outer)) return outer as T;
  const inner = (outer as { default?: unknown } | undefined)?.default;
  if (isValue(inner)) return inner as T;
  throw sluiceError("internal.unexpectedPackageShape", { params: { package: "an LP engine" } });
}
