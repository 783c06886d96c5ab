/**
 * The profiles `plan()` uses when the caller passes none: the trained profile sets shipped under
 * models/ (loaded once, on first use) for the functions they know, then the bundled analytic
 * profiles of the example apps. `setTrainedProfilesLoader` replaces the trained layer.
 */
import { bundledAnalyticProfiles } from "../analytic/bundled-analytic.js";
import { loadBundledTrainedProfiles } from "../bundled-trained.js";
import { keepProfileQuantiles } from "../profile-quantiles.js";
import { toProfileProvider, type FunctionProfile, type ProfileContext, type ProfileProvider, type TargetQuantiles } from "../types.js";

const overlays: ProfileProvider[] = [];
let trainedLoader: (() => Promise<readonly ProfileProvider[]>) | undefined = loadBundledTrainedProfiles;
let trainedLoaded: Promise<void> | undefined;
/** The layered provider, built once per loader: the same object on every call, so its quantile profiles are kept. */
let layered: ProfileProvider | undefined;
let layeredFor: Promise<void> | undefined;

/** Replaces the loader of trained profile sets that take precedence over the analytic ones (undefined: analytic only). */
export function setTrainedProfilesLoader(loader: (() => Promise<readonly ProfileProvider[]>) | undefined): void {
  trainedLoader = loader;
  trainedLoaded = undefined;
  layered = undefined;
  overlays.length = 0;
}

/** Layers providers: the first that knows a function answers for it, for everything it is asked. */
export function layerProfiles(providers: readonly ProfileProvider[]): ProfileProvider {
  const names = [...new Set(providers.flatMap((p) => p.functionNames))].sort();
  const owner = (name: string) => providers.find((p) => p.profileFor(name, {}) !== undefined);
  return {
    kind: "provider",
    functionNames: names,
    trainedInputBytes: (name) => owner(name)?.trainedInputBytes?.(name),
    profileFor(name: string, q: TargetQuantiles, context?: ProfileContext): FunctionProfile | undefined {
      for (const p of providers) {
        const f = p.profileFor(name, q, context);
        if (f !== undefined) return f;
      }
      return undefined;
    },
    extrapolations(name, instanceInputBytes, stageInputBytes) {
      const p = owner(name);
      if (p?.extrapolations !== undefined) return p.extrapolations(name, instanceInputBytes, stageInputBytes);
      const r = p?.trainedInputBytes?.(name);
      // A provider that knows only its range: one entry for the instance input, as runtime.
      if (r === undefined || (instanceInputBytes >= r.min && instanceInputBytes <= r.max)) return [];
      const above = instanceInputBytes > r.max;
      return [{ target: "runtimeMs", factor: above ? instanceInputBytes / r.max : r.min / Math.max(instanceInputBytes, 1), direction: above ? "above" : "below", trainedMinBytes: r.min, trainedMaxBytes: r.max, intervalWidening: 1 }];
    },
    residuals: (name, target, segment) => owner(name)?.residuals?.(name, target, segment),
    segments: (name) => owner(name)?.segments?.(name) ?? [],
    memorySettingsMb: (name) => owner(name)?.memorySettingsMb?.(name),
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
  if (layered === undefined || layeredFor !== trainedLoaded) {
    layered = layerProfiles([...overlays, toProfileProvider(bundledAnalyticProfiles())]);
    layeredFor = trainedLoaded;
    keepProfileQuantiles(layered);
  }
  return layered;
}
