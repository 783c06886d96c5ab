/**
 * Measures the object store and the cache tier from this process, without NIC shaping (their own
 * speed, which a VM's NIC then caps in the model): for each object size, `repeats` PUTs/SETs and
 * GETs one at a time (per-connection bandwidth) — `latencyRepeats` at the smallest size, after one
 * unrecorded pair that opens the connection (latency) —, then bursts of small requests
 * `concurrency` at a time (the request rate), and large GETs (and for the object store, PUTs)
 * `aggregateConcurrency` at once (the backend's aggregate bandwidth). Every object and key it
 * writes is deleted afterwards.
 */
import type { CacheClient } from "../execute/store/cache-client.js";
import { nowMs } from "../execute/clock.js";
import { forEachLimited } from "../execute/store/for-each-limited.js";
import type { ObjectStoreClient } from "../execute/store/object-store-client.js";
import type { Sample } from "./sample.js";

export interface StoreMeasureOptions {
  readonly sizesBytes: readonly number[];
  readonly repeats: number;
  /** Requests at the smallest size, which fixes the latency (its median): many, as one request there is a few tenths of a millisecond to a few milliseconds and one stretched by a GC pause or a busy core would otherwise set it. */
  readonly latencyRepeats: number;
  /** Small requests per burst and how many in flight. */
  readonly burstRequests: number;
  readonly burstConcurrency: number;
  /** Large requests in flight at once when measuring the aggregate bandwidth (each burst issues twice as many). */
  readonly aggregateConcurrency: number;
  readonly keyPrefix: string;
}

const SMALL = 1024;

function payload(bytes: number): Uint8Array {
  const b = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 4096) b[i] = (i / 4096) & 255;
  return b;
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = nowMs();
  await fn();
  return nowMs() - t0;
}

/** One PUT then one whole-object GET per size and repeat, one request at a time; the keys written go into `keys`. */
async function measureBySize(client: Pick<ObjectStoreClient, "put" | "getRange"> | Pick<CacheClient, "put" | "getRange">, backend: "object-store" | "cache", o: StoreMeasureOptions, keys: string[]): Promise<Sample[]> {
  const samples: Sample[] = [];
  const smallest = Math.min(...o.sizesBytes);
  for (const size of o.sizesBytes) {
    const body = payload(size);
    const warmUp = size === smallest ? 1 : 0;
    const repeats = size === smallest ? Math.max(o.repeats, o.latencyRepeats) : o.repeats;
    for (let r = -warmUp; r < repeats; r++) {
      const key = `${o.keyPrefix}size-${size}-${r}`;
      keys.push(key);
      if (r < 0) {
        await client.put(key, body);
        await client.getRange(key, 0, size);
        continue;
      }
      samples.push({ backend, operation: "put", objectBytes: size, concurrency: 1, requests: 1, durationMs: await timed(() => client.put(key, body)) });
      samples.push({ backend, operation: "get", objectBytes: size, concurrency: 1, requests: 1, durationMs: await timed(() => client.getRange(key, 0, size)) });
    }
  }
  return samples;
}

export async function measureObjectStore(store: ObjectStoreClient, o: StoreMeasureOptions): Promise<Sample[]> {
  const samples: Sample[] = [];
  const keys: string[] = [];
  try {
    samples.push(...(await measureBySize(store, "object-store", o, keys)));
    const small = payload(SMALL);
    for (let r = 0; r < o.repeats; r++) {
      const burst = Array.from({ length: o.burstRequests }, (_, k) => `${o.keyPrefix}burst-${r}-${k}`);
      keys.push(...burst);
      const putMs = await timed(() => forEachLimited(burst.length, o.burstConcurrency, async (k) => void (await store.put(burst[k]!, small))));
      samples.push({ backend: "object-store", operation: "put", objectBytes: SMALL, concurrency: o.burstConcurrency, requests: burst.length, durationMs: putMs });
      const getMs = await timed(() => forEachLimited(burst.length, o.burstConcurrency, async (k) => void (await store.getRange(burst[k]!, 0, SMALL))));
      samples.push({ backend: "object-store", operation: "get", objectBytes: SMALL, concurrency: o.burstConcurrency, requests: burst.length, durationMs: getMs });
    }
    samples.push(...(await measureAggregate(store, "object-store", o, keys)));
  } finally {
    await store.deleteKeys(keys);
  }
  return samples;
}

export async function measureCache(cache: CacheClient, o: StoreMeasureOptions): Promise<Sample[]> {
  const samples: Sample[] = [];
  const keys: string[] = [];
  try {
    samples.push(...(await measureBySize(cache, "cache", o, keys)));
    samples.push(...(await measureAggregate(cache, "cache", { ...o, withPuts: false }, keys)));
  } finally {
    await cache.deleteKeys(keys);
  }
  return samples;
}

/**
 * Aggregate bandwidth: objects of the largest size, `aggregateConcurrency` requests in flight,
 * twice that many per burst — GETs of the object measureBySize wrote, and (unless `withPuts` is
 * false) PUTs of fresh keys, which go into `keys`.
 */
async function measureAggregate(client: Pick<ObjectStoreClient, "put" | "getRange"> | Pick<CacheClient, "put" | "getRange">, backend: "object-store" | "cache", o: StoreMeasureOptions & { readonly withPuts?: boolean }, keys: string[]): Promise<Sample[]> {
  const samples: Sample[] = [];
  const big = Math.max(...o.sizesBytes);
  const bigKey = `${o.keyPrefix}size-${big}-0`;
  const c = o.aggregateConcurrency;
  const n = c * 2;
  const body = payload(big);
  for (let r = 0; r < o.repeats; r++) {
    const getMs = await timed(() => forEachLimited(n, c, async () => void (await client.getRange(bigKey, 0, big))));
    samples.push({ backend, operation: "get", objectBytes: big, concurrency: c, requests: n, durationMs: getMs });
    if (o.withPuts === false) continue;
    const fresh = Array.from({ length: n }, (_, k) => `${o.keyPrefix}aggregate-${r}-${k}`);
    keys.push(...fresh);
    const putMs = await timed(() => forEachLimited(n, c, async (k) => void (await client.put(fresh[k]!, body))));
    samples.push({ backend, operation: "put", objectBytes: big, concurrency: c, requests: n, durationMs: putMs });
  }
  return samples;
}
