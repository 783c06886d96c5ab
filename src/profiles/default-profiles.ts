/**
 * The profiles `plan()` uses when the caller passes none: the bundled analytic profiles of the
 * example apps, overlaid by any trained profile sets registered with `registerDefaultProfiles`
 * (the package registers the ones it ships under models/ when they load).
 */
import { bundledAnalyticProfiles } from "./bundled-analytic.js";
import { toProfileProvider, type FunctionProfile, type ProfileProvider, type TargetQuantiles } from "./types.js";

const overlays: ProfileProvider[] = [];
let trainedLoader: (() => Promise<readonly ProfileProvider[]>) | undefined;
let trainedLoaded: Promise<void> | undefined;

/** Registers a loader for trained profile sets that take precedence over the analytic ones. */
export function setTrainedProfilesLoader(loader: () => Promise<readonly ProfileProvider[]>): void {
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
    trainedLoaded ??= trainedLoader().then((ps) => {
      overlays.push(...ps);
    });
    await trainedLoaded;
  }
  return layerProfiles([...overlays, toProfileProvider(bundledAnalyticProfiles())]);
}
