/**
 * The profiles `plan()` uses when the caller passes none: the trained profile sets shipped under
 * models/ (loaded once, on first use) for the functions they know, then the bundled analytic
 * profiles of the example apps. `setTrainedProfilesLoader` replaces the trained layer.
 */
import { bundledAnalyticProfiles } from "./bundled-analytic.js";
import { loadBundledTrainedProfiles } from "./bundled-trained.js";
import { toProfileProvider, type FunctionProfile, type ProfileProvider, type TargetQuantiles } from "./types.js";

const overlays: ProfileProvider[] = [];
let trainedLoader: (() => Promise<readonly ProfileProvider[]>) | undefined = loadBundledTrainedProfiles;
let trainedLoaded: Promise<void> | undefined;

/** Replaces the loader of trained profile sets that take precedence over the analytic ones (undefined: analytic only). */
export function setTrainedProfilesLoader(loader: (() => Promise<readonly ProfileProvider[]>) | undefined): void {
  trainedLoader = loader;
  trainedLoaded = undefined;
  overlays.length = 0;
}

/** Layers providers: the first that knows a function answers for it. */
export function layerProfiles(providers: readonly ProfileProvider[]): ProfileProvider {
  const names = [...new Set(providers.flatMap((p) => p.functionNames))].sort();
  return {
    kind: "provider",
    functionNames: names,
    trainedInputBytes(name: string) {
      for (const p of providers) {
        if (p.profileFor(name, {}) !== undefined) return p.trainedInputBytes?.(name);
      }
      return undefined;
    },
    profileFor(name: string, q: TargetQuantiles): FunctionProfile | undefined {
      for (const p of providers) {
        const f = p.profileFor(name, q);
        if (f !== undefined) return f;
      }
      return undefined;
    },
  };
}

export async function defaultProfiles(): Promise<ProfileProvider> {
  if (trainedLoader !== undefined) {
    const loader = trainedLoader;
    trainedLoaded ??= loader().then((ps) => {
      overlays.push(...ps);
    });
    await trainedLoaded;
  }
  return layerProfiles([...overlays, toProfileProvider(bundledAnalyticProfiles())]);
}
