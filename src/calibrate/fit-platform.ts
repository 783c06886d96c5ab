/**
 * Samples → the platform's constants, each with its fit error, as platform overrides:
 *
 * | constant                          | from                                                  | error                      |
 * |-----------------------------------|-------------------------------------------------------|----------------------------|
 * | objectStore.getLatencyMs          | GETs one at a time: median intercept at the smallest size | SE of the median (MAD) |
 * | objectStore.putLatencyMs          | PUTs one at a time: the same                          | SE of the median (MAD)     |
 * | objectStore.connectionBytesPerSecond | harmonic mean of the GET and PUT slopes' bandwidths | larger of the two SEs      |
 * | objectStore.readsPerSecond / writesPerSecond | bursts of small requests: requests / wall   | spread of the bursts       |
 * | objectStore.aggregateBytesPerSecond | concurrent large GETs and PUTs: bytes / wall, harmonic mean of the two (≥ one connection) | larger spread |
 * | cache.latencyMs                   | mean of the GET and SET intercepts                    | larger SE                  |
 * | cache.connectionBytesPerSecond    | harmonic mean of the GET and SET bandwidths           | larger SE                  |
 * | cache.aggregateBytesPerSecond     | concurrent large GETs: bytes / wall (≥ one connection)| spread of the bursts       |
 * | vm.networkLatencyMs, vm.nicBytesPerSecond | direct pulls: intercept and bandwidth         | SEs                        |
 * | vm.localStorageBytesPerSecond     | harmonic mean of local write and read bandwidths      | larger SE                  |
 * | invocation.stepMs                 | dispatch steps: median                                | SE of the median (MAD)     |
 * | invocation.pickupMs               | a one-slot worker's gap between queued jobs: median   | SE of the median (MAD)     |
 *
 * The harmonic mean of two bandwidths is what one write plus one read of the same bytes average.
 * Fields the platform schema does not have (yet) are left out, so the result always validates.
 */
import type { PlatformOverrides } from "../platform/schema.js";
import { fitLatencyBandwidth, meanAndSpread, medianAndSpread, type LatencyBandwidthFit } from "./linear-fit.js";
import type { Sample, SampleBackend, SampleOperation } from "./sample.js";

export interface FittedConstant {
  /** e.g. "objectStore.getLatencyMs". */
  readonly path: string;
  readonly value: number;
  /** Relative standard error (0.05 = ±5 %), Infinity when it could not be estimated. */
  readonly relativeError: number;
  readonly method: string;
  readonly samples: number;
}

const SMALL_MAX_BYTES = 4096;

function single(samples: readonly Sample[], backend: SampleBackend, op: SampleOperation): LatencyBandwidthFit | undefined {
  return fitLatencyBandwidth(samples.filter((s) => s.backend === backend && s.operation === op && s.concurrency === 1 && s.requests === 1).map((s) => ({ bytes: s.objectBytes, ms: s.durationMs })));
}

const harmonic = (a: number, b: number) => 2 / (1 / a + 1 / b);

export function fitConstants(samples: readonly Sample[]): FittedConstant[] {
  const out: FittedConstant[] = [];
  const add = (path: string, value: number, relativeError: number, method: string, n: number) => {
    if (Number.isFinite(value) && value >= 0) out.push({ path, value, relativeError, method, samples: n });
  };
  const get = single(samples, "object-store", "get");
  const put = single(samples, "object-store", "put");
  if (get) add("objectStore.getLatencyMs", get.latencyMs, get.latencyRelativeError, `GET ms = a + bytes / B (least squares) (MAPE ${(get.mape * 100).toFixed(1)}%)`, get.samples);
  if (put) add("objectStore.putLatencyMs", put.latencyMs, put.latencyRelativeError, `PUT ms = a + bytes / B (least squares) (MAPE ${(put.mape * 100).toFixed(1)}%)`, put.samples);
  if (get && put && get.bytesPerSecond > 0 && put.bytesPerSecond > 0) {
    add("objectStore.connectionBytesPerSecond", harmonic(get.bytesPerSecond, put.bytesPerSecond), Math.max(get.bandwidthRelativeError, put.bandwidthRelativeError), `harmonic mean of GET ${(get.bytesPerSecond / 1e6).toFixed(1)} MB/s and PUT ${(put.bytesPerSecond / 1e6).toFixed(1)} MB/s`, get.samples + put.samples);
  }
  for (const [op, field] of [["get", "objectStore.readsPerSecond"], ["put", "objectStore.writesPerSecond"]] as const) {
    const bursts = samples.filter((s) => s.backend === "object-store" && s.operation === op && s.concurrency > 1 && s.objectBytes <= SMALL_MAX_BYTES);
    if (bursts.length > 0) {
      const r = meanAndSpread(bursts.map((s) => (s.requests / s.durationMs) * 1000));
      add(field, r.mean, r.relativeError, `${bursts[0]!.concurrency} small requests in flight: requests / wall time, mean of ${bursts.length}`, bursts.length);
    }
  }
  const storeAgg = (op: SampleOperation) => {
    const bursts = samples.filter((s) => s.backend === "object-store" && s.operation === op && s.concurrency > 1 && s.objectBytes > SMALL_MAX_BYTES);
    return bursts.length === 0 ? undefined : { ...meanAndSpread(bursts.map((s) => (s.objectBytes * s.requests) / (s.durationMs / 1000))), n: bursts.length, concurrency: bursts[0]!.concurrency };
  };
  const aggGet = storeAgg("get");
  const aggPut = storeAgg("put");
  if (aggGet && aggPut) {
    const conn = out.find((c) => c.path === "objectStore.connectionBytesPerSecond")?.value ?? 0;
    add("objectStore.aggregateBytesPerSecond", Math.max(harmonic(aggGet.mean, aggPut.mean), conn), Math.max(aggGet.relativeError, aggPut.relativeError), `${aggGet.concurrency} large requests in flight: bytes / wall time, harmonic mean of GET ${(aggGet.mean / 1e6).toFixed(1)} MB/s and PUT ${(aggPut.mean / 1e6).toFixed(1)} MB/s, ${aggGet.n} bursts each (at least one connection's rate)`, aggGet.n + aggPut.n);
  }
  const cget = single(samples, "cache", "get");
  const cput = single(samples, "cache", "put");
  if (cget && cput) {
    add("cache.latencyMs", (cget.latencyMs + cput.latencyMs) / 2, Math.max(cget.latencyRelativeError, cput.latencyRelativeError), `mean of GETRANGE ${cget.latencyMs.toFixed(2)} ms and SET ${cput.latencyMs.toFixed(2)} ms intercepts`, cget.samples + cput.samples);
    add("cache.connectionBytesPerSecond", harmonic(cget.bytesPerSecond, cput.bytesPerSecond), Math.max(cget.bandwidthRelativeError, cput.bandwidthRelativeError), `harmonic mean of GETRANGE ${(cget.bytesPerSecond / 1e6).toFixed(1)} MB/s and SET ${(cput.bytesPerSecond / 1e6).toFixed(1)} MB/s`, cget.samples + cput.samples);
  }
  const agg = samples.filter((s) => s.backend === "cache" && s.operation === "get" && s.concurrency > 1);
  if (agg.length > 0) {
    const r = meanAndSpread(agg.map((s) => (s.objectBytes * s.requests) / (s.durationMs / 1000)));
    const conn = out.find((c) => c.path === "cache.connectionBytesPerSecond")?.value ?? 0;
    add("cache.aggregateBytesPerSecond", Math.max(r.mean, conn), r.relativeError, `${agg[0]!.concurrency} large GETs in flight: bytes / wall time, mean of ${agg.length} (at least one connection's rate)`, agg.length);
  }
  const pull = single(samples, "direct", "pull");
  if (pull) {
    add("vm.networkLatencyMs", pull.latencyMs, pull.latencyRelativeError, `direct pull ms = a + bytes / B (MAPE ${(pull.mape * 100).toFixed(1)}%)`, pull.samples);
    add("vm.nicBytesPerSecond", pull.bytesPerSecond, pull.bandwidthRelativeError, "direct pull bandwidth through the NIC buckets (one flow)", pull.samples);
    add("vm.flowBytesPerSecond", pull.bytesPerSecond, pull.bandwidthRelativeError, "one direct flow's bandwidth", pull.samples);
    add("vm.nicBurstBytesPerSecond", pull.bytesPerSecond, pull.bandwidthRelativeError, "no burst beyond the measured rate (the buckets hold one chunk)", pull.samples);
  }
  const lw = single(samples, "local", "write");
  const lr = single(samples, "local", "read");
  if (lw && lr) add("vm.localStorageBytesPerSecond", harmonic(lw.bytesPerSecond, lr.bytesPerSecond), Math.max(lw.bandwidthRelativeError, lr.bandwidthRelativeError), `harmonic mean of write ${(lw.bytesPerSecond / 1e6).toFixed(0)} MB/s and read ${(lr.bytesPerSecond / 1e6).toFixed(0)} MB/s`, lw.samples + lr.samples);
  const steps = samples.filter((s) => s.backend === "dispatch" && s.operation === "step");
  if (steps.length > 0) {
    const r = medianAndSpread(steps.map((s) => s.durationMs));
    add("invocation.stepMs", r.median, r.relativeError, `BullMQ flow: child dispatch + parent release, median of ${steps.length}`, steps.length);
  }
  const pickups = samples.filter((s) => s.backend === "dispatch" && s.operation === "pickup");
  if (pickups.length > 0) {
    const r = medianAndSpread(pickups.map((s) => s.durationMs));
    add("invocation.pickupMs", r.median, r.relativeError, `BullMQ: a one-slot worker's previous job end → next queued job start, median of ${pickups.length}`, pickups.length);
  }
  return out;
}

/** The constants as platform overrides, keeping only the fields `known` says the schema has. */
export function toOverrides(constants: readonly FittedConstant[], known: (section: string, field: string) => boolean): PlatformOverrides {
  const sections: Record<string, Record<string, number>> = {};
  for (const c of constants) {
    const [section, field] = c.path.split(".") as [string, string];
    if (!known(section, field)) continue;
    (sections[section] ??= {})[field] = c.value;
  }
  return sections as PlatformOverrides;
}
