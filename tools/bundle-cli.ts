/**
 * Bundles `sluice plan` (src/cli/commands/plan-main.ts and everything it imports, zod included) into
 * dist/cli-bundle/ with esbuild — run by `npm run build` after tsc, so the bundle is rebuilt with
 * dist/ and never committed. Heavy and native dependencies stay external (they load on first use
 * anyway); dynamic imports become chunks beside the entry. The output folder sits two levels under
 * the package root, like dist/cli/, so paths taken relative to a module (models/) still resolve.
 */
import { build } from "esbuild";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const BUNDLE_DIR = path.join(ROOT, "dist", "cli-bundle");
export const BUNDLE_ENTRY = "plan-main.js";

/** Only these are inlined; every other package is imported from node_modules as usual. */
const INLINED = new Set(["zod", "@dagrejs/graphlib"]);

export async function bundlePlanCommand(outDir = BUNDLE_DIR): Promise<string> {
  await rm(outDir, { recursive: true, force: true });
  await build({
    entryPoints: { "plan-main": path.join(ROOT, "src", "cli", "commands", "plan-main.ts") },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: path.join(ROOT, "tsconfig.build.json"),
    logLevel: "warning",
    plugins: [
      {
        name: "external-packages",
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0]!;
            return INLINED.has(name) ? undefined : { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return path.join(outDir, BUNDLE_ENTRY);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`bundled sluice plan: ${path.relative(ROOT, await bundlePlanCommand())}\n`);
}
