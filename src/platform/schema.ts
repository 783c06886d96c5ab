/**
 * The platform a plan runs on: VM pool, object store, fast cache tier, function billing, and the
 * transfer modes it offers. Every field carries its unit in its name.
 */
import { z } from "zod";

export const TRANSFER_MODES = ["vm-local", "direct", "remote", "cache"] as const;
/** How a consumer gets its producer's output. */
export type TransferMode = (typeof TRANSFER_MODES)[number];

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();

export const vmSchema = z.object({
  type: z.string(),
  cores: z.number().int().positive(),
  memoryMb: positive,
  /** Sustained (baseline) NIC bandwidth of one VM, each way. */
  nicBytesPerSecond: positive,
  /** Local storage bandwidth of one VM, shared by its instances. */
  localStorageBytesPerSecond: positive,
  /** One network round trip between two VMs (connection set-up + first byte). */
  networkLatencyMs: nonNegative,
  /** VMs available to the app at once; stages needing more run in waves. */
  poolSize: z.number().int().positive(),
  priceUsdPerHour: nonNegative,
});

export const objectStoreSchema = z.object({
  name: z.string(),
  /** First-byte latency of one GET / one PUT. */
  getLatencyMs: nonNegative,
  putLatencyMs: nonNegative,
  /** Throughput of one connection (one request stream). */
  connectionBytesPerSecond: positive,
  /** Parallel connections one instance opens (requests in flight). */
  connectionsPerInstance: z.number().int().positive(),
  /** Request-rate limits of one prefix: the store serves no more than this. */
  readsPerSecond: positive,
  writesPerSecond: positive,
  priceUsdPerGet: nonNegative,
  priceUsdPerPut: nonNegative,
});

export const cacheSchema = z.object({
  name: z.string(),
  /** Bytes the tier holds at once. */
  capacityBytes: positive,
  /** Aggregate bandwidth of the tier, shared by every concurrent reader and writer. */
  aggregateBytesPerSecond: positive,
  /** Throughput of one instance's connection to the tier. */
  connectionBytesPerSecond: positive,
  /** First-byte latency of one request. */
  latencyMs: nonNegative,
  /** Storage price: per GiB held per hour (pro rata). */
  priceUsdPerGibHour: nonNegative,
  /** Transfer price: per GiB read or written. */
  priceUsdPerGibTransferred: nonNegative,
});

export const billingSchema = z.object({
  /** Function compute price per GB-second of configured memory. */
  priceUsdPerGbSecond: nonNegative,
  /** Price per invocation. */
  priceUsdPerRequest: nonNegative,
  /** Memory settings the platform allows: instances are billed at max(min, predicted peak) rounded up to the step. */
  minMemoryMb: positive,
  maxMemoryMb: positive,
  memoryStepMb: positive,
});

export const platformSchema = z.object({
  name: z.string(),
  /** The transfer modes this platform offers (public Lambda: remote and cache only). */
  modes: z.array(z.enum(TRANSFER_MODES)).min(1),
  vm: vmSchema,
  objectStore: objectStoreSchema,
  cache: cacheSchema,
  billing: billingSchema,
});

export type Platform = z.output<typeof platformSchema>;

/** A deep partial of Platform: what callers pass to override the defaults. */
export type PlatformOverrides = {
  readonly name?: string;
  readonly modes?: readonly TransferMode[];
  readonly vm?: Partial<Platform["vm"]>;
  readonly objectStore?: Partial<Platform["objectStore"]>;
  readonly cache?: Partial<Platform["cache"]>;
  readonly billing?: Partial<Platform["billing"]>;
};
