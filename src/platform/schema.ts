/**
 * The platform a plan runs on: VM pool (its NICs token buckets), invocation latency, object store, fast
 * cache tier, billing, and the transfer modes it offers. Every field carries its unit in its name;
 * every default is sourced in docs/platform.md. Both engines — the planner's cost model and the
 * simulator — read the same fields through the laws in src/physics.
 */
import { z } from "zod";

export const TRANSFER_MODES = ["vm-local", "direct", "remote", "cache"] as const;
/** How a consumer gets its producer's output. */
export type TransferMode = (typeof TRANSFER_MODES)[number];

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();
const count = z.number().int().positive();

export const vmSchema = z.object({
  type: z.string(),
  cores: count,
  memoryMb: positive,
  /** Sustained (baseline) NIC bandwidth of one VM, each way. */
  nicBytesPerSecond: positive,
  /** "Up to" bandwidth: what the NIC carries while it has burst credit, each way (≥ the baseline). */
  nicBurstBytesPerSecond: positive,
  /** Burst credit of one direction of the NIC when full, bytes above the baseline (a token bucket). */
  nicBurstBytes: nonNegative,
  /** Cap of one network flow between two VMs (EC2: 5 Gbit/s outside a cluster placement group). */
  flowBytesPerSecond: positive,
  /** Local storage bandwidth of one VM, shared by its instances. */
  localStorageBytesPerSecond: positive,
  /** One network round trip between two VMs (connection set-up + first byte). */
  networkLatencyMs: nonNegative,
  /** VMs the app may hold at once, across every stage running at the same time; stages beyond it queue. */
  poolSize: count,
  priceUsdPerHour: nonNegative,
  /** How held VMs are billed: per second (with a minimum) or per started hour. */
  billing: z.enum(["per-second", "per-hour"]),
  /** Shortest time a VM is billed for under per-second billing. */
  minimumBilledSeconds: nonNegative,
});

export const invocationSchema = z.object({
  /** Orchestration step before a stage's instances start: the gap between a stage's inputs being ready and its first instance running. */
  stepMs: nonNegative,
  /** Extra start latency of an instance that starts cold. */
  coldStartMs: nonNegative,
  /** Probability that an instance starts cold. */
  coldFraction: z.number().finite().min(0).max(1),
  /** A slot's gap between finishing one instance and starting the next one already queued for it (the job engine's completion and fetch); the first wave's is within stepMs. */
  pickupMs: nonNegative,
});

export const objectStoreSchema = z.object({
  name: z.string(),
  /** First-byte latency of one GET / one PUT. */
  getLatencyMs: nonNegative,
  putLatencyMs: nonNegative,
  /** Throughput of one connection (one request stream). */
  connectionBytesPerSecond: positive,
  /** Parallel connections one instance opens (requests in flight); above 1, reads are ranged GETs. */
  connectionsPerInstance: count,
  /** Size of one ranged GET when an instance reads with several connections. */
  rangeBytes: positive,
  /** Request-rate limits of one key prefix. */
  readsPerSecond: positive,
  writesPerSecond: positive,
  /** Bandwidth of the whole store, shared by every GET and PUT in flight at once (a self-hosted store's server); absent: unbounded (AWS S3 scales with prefixes and is bound by their request rates). */
  aggregateBytesPerSecond: positive.optional(),
  /** Partitioned (warm) key prefixes the app's bucket has; a plan spreads an edge's objects over up to this many. */
  prefixes: count,
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
  /** "serverless": stored GiB-hours (pro rata) + transfer; "nodes": nodes held for the app's run, per started hour, + transfer. */
  pricing: z.enum(["serverless", "nodes"]),
  /** Storage price under serverless pricing: per GiB held per hour (pro rata). */
  priceUsdPerGibHour: nonNegative,
  /** Transfer price: per GiB read or written. */
  priceUsdPerGibTransferred: nonNegative,
  /** Nodes of a node-priced tier (its capacity and bandwidth are the fields above, for all nodes together). */
  nodes: count,
  priceUsdPerNodeHour: nonNegative,
});

export const billingSchema = z.object({
  /** What compute is billed: the VM pool held (self-hosted FaaS) or function GB-seconds and invocations (public FaaS). */
  compute: z.enum(["vm-pool", "function"]),
  /** Function compute price per GB-second of configured memory (compute: "function"). */
  priceUsdPerGbSecond: nonNegative,
  /** Price per invocation (compute: "function"). */
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
  invocation: invocationSchema,
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
  readonly invocation?: Partial<Platform["invocation"]>;
  readonly objectStore?: Partial<Platform["objectStore"]>;
  readonly cache?: Partial<Platform["cache"]>;
  readonly billing?: Partial<Platform["billing"]>;
};
