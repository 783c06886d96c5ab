/**
 * The trained profile sets the package ships under models/<app>/ (made from datasets/<app>.csv by
 * `npm run train:bundled`). They are the default profiles for the functions they know; the
 * analytic profiles answer for the rest.
 */
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { loadProfiles } from "./store/load-profiles.js";
import type { ProfileSet } from "./set/profile-set.js";

/** models/ at the package root: two levels above this file in both src/ and dist/. */
export const BUNDLED_MODELS_DIR = fileURLToPath(new URL("../../models", import.meta.url));

/** Every profile set under `modelsDir`, in name order; an absent folder gives none. */
export async function loadBundledTrainedProfiles(modelsDir = BUNDLED_MODELS_DIR): Promise<ProfileSet[]> {
  let names: string[];
  try {
    names = (await readdir(modelsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  return Promise.all(names.map((n) => loadProfiles(path.join(modelsDir, n))));
}
