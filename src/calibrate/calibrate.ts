/**
 * `calibrate(options)`: measures the configured backends (or reads a benchmark CSV), fits the
 * platform's constants (each with its fit error) and resolves a platform that `plan --platform` and
 * `simulate` take: the fitted fields over the machine's facts (VM slots, pool size, memory per VM)
 * over the AWS-like defaults (prices stay the defaults: a machine cannot measure them).
 */
import { hostname, totalmem } from "node:os";
import { sluiceError } from "../errors/index.js";
import { resolveBackends, type BackendConfigInput } from "../execute/backend-config.js";
import { CacheClient } from "../execute/store/cache-client.js";
import { ObjectStoreClient } from "../execute/store/object-store-client.js";
import { resolvePlatform } from "../platform/resolve-platform.js";
import { platformSchema, type Platform, type PlatformOverrides } from "../platform/schema.js";
import { fitInvocation, type InvocationRuns } from "./fit-invocation.js";
import { fitConstants, toOverrides, type FittedConstant } from "./fit-platform.js";
import { measureDispatch } from "./measure-dispatch.js";
import { measureCache, measureObjectStore } from "./measure-stores.js";
import { measureVm } from "./measure-vm.js";
import type { Sample } from "./sample.js";

export interface CalibrateOptions {
  readonly backends?: BackendConfigInput;
  /** Fit these samples (e.g. a user's benchmark CSV) instead of measuring. */
  readonly samples?: readonly Sample[];
  /** Object sizes to measure (default 1 KiB … 16 MiB). */
  readonly sizesBytes?: readonly number[];
  readonly repeats?: number;
  /** Requests at the smallest size, whose median is the latency (default 21). */
  readonly latencyRepeats?: number;
  /** The NIC rate the workers shape to (measured through the same buckets); undefined: not shaped. */
  readonly nicBytesPerSecond?: number;
  /** VMs (worker processes) and slots per VM the runs will use. */
  readonly vms?: number;
  readonly slotsPerVm?: number;
  /** Base platform overrides the fitted constants go over (e.g. prices). */
  readonly base?: PlatformOverrides;
  readonly name?: string;
  /** Reports of runs on these workers (execute()): cold start, cold share and the stage step are fitted from them (fit-invocation.ts); their step supersedes the dispatch probe's. */
  readonly runs?: InvocationRuns;
}

export interface Calibration {
  readonly platform: Platform;
  readonly constants: readonly FittedConstant[];
  readonly samples: readonly Sample[];
}

export const DEFAULT_CALIBRATION_SIZES = [1024, 64 * 1024, 512 * 1024, 2 * 1024 * 1024, 8 * 1024 * 1024, 16 * 1024 * 1024];

export async function calibrate(o: CalibrateOptions = {}): Promise<Calibration> {
  const samples = o.samples !== undefined ? [...o.samples] : await measureAll(o);
  const fromRuns = o.runs === undefined ? [] : fitInvocation(o.runs);
  const constants = [...fitConstants(samples).filter((c) => !fromRuns.some((r) => r.path === c.path)), ...fromRuns];
  if (constants.length === 0) throw sluiceError("calibrate.tooFewSamples", { params: { detail: `${samples.length} samples gave no constant` } });
  const shape = platformSchema.shape as Record<string, { shape?: Record<string, unknown> }>;
  const known = (section: string, field: string) => shape[section]?.shape?.[field] !== undefined;
  const fitted = toOverrides(constants, known);
  const vms = o.vms ?? 2;
  const facts: PlatformOverrides = {
    name: o.name ?? `calibrated on ${hostname()} ${new Date().toISOString().slice(0, 10)}`,
    vm: {
      type: "calibrated worker process",
      cores: o.slotsPerVm ?? 1,
      poolSize: vms,
      memoryMb: Math.floor(totalmem() / vms / (1024 * 1024)),
    },
  };
  const merge = (...parts: (PlatformOverrides | undefined)[]): PlatformOverrides => {
    const out: Record<string, unknown> = {};
    for (const p of parts) {
      for (const [k, v] of Object.entries(p ?? {})) out[k] = typeof v === "object" && v !== null && !Array.isArray(v) ? { ...(out[k] as object), ...v } : v;
    }
    return out as PlatformOverrides;
  };
  const platform = resolvePlatform(merge(o.base, facts, fitted));
  return { platform, constants, samples };
}

async function measureAll(o: CalibrateOptions): Promise<Sample[]> {
  const backends = resolveBackends(o.backends);
  const sizesBytes = o.sizesBytes ?? DEFAULT_CALIBRATION_SIZES;
  const repeats = o.repeats ?? 3;
  const latencyRepeats = o.latencyRepeats ?? 21;
  const prefix = `${backends.objectStore.prefix}calibrate-${process.pid}-${Date.now().toString(36)}/`;
  const common = { sizesBytes, repeats, latencyRepeats, burstRequests: 200, burstConcurrency: 16, aggregateConcurrency: 4, keyPrefix: prefix };
  const store = await ObjectStoreClient.create(backends.objectStore);
  const samples: Sample[] = [];
  try {
    await store.check();
    samples.push(...(await measureObjectStore(store, common)));
  } finally {
    store.close();
  }
  const cache = await CacheClient.create(backends.cacheUrl);
  try {
    samples.push(...(await measureCache(cache, { ...common, keyPrefix: `sluice:${prefix}` })));
  } finally {
    cache.close();
  }
  samples.push(...(await measureVm({ sizesBytes, repeats, latencyRepeats, ...(o.nicBytesPerSecond !== undefined ? { nicBytesPerSecond: o.nicBytesPerSecond } : {}) })));
  samples.push(...(await measureDispatch(backends.redisUrl, repeats * 5)));
  return samples;
}
