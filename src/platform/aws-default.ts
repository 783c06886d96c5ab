/**
 * The default platform: a self-hosted FaaS on an EC2-like VM pool (SONIC's setting, all four
 * modes), billed as the VMs it holds, an S3-Standard-like object store, an
 * ElastiCache-Serverless-like fast tier. Each constant names its source (docs/platform.md has the
 * table); prices are AWS us-east-1 on-demand list prices as published in the cited sources (dates
 * given), not re-checked live.
 */
import type { Platform } from "./schema.js";

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

export const AWS_DEFAULT_PLATFORM: Platform = Object.freeze({
  name: "aws-like (self-hosted FaaS on EC2, S3 Standard, ElastiCache Serverless)",
  modes: ["vm-local", "direct", "remote", "cache"],
  vm: {
    // c6gd.xlarge-like: 4 vCPU, 8 GiB, local NVMe. Bodner et al. 2025 (arXiv 2501.07771) quote
    // c6g.xlarge at $0.136/h; the NVMe ("d") variant lists at $0.1536/h (AWS EC2 pricing, 2024).
    type: "c6gd.xlarge-like",
    cores: 4,
    memoryMb: 8192,
    // "Up to 10 Gbit/s" with a 1.25 Gbit/s baseline for the xlarge size (AWS EC2 network
    // performance tables, 2024); instances of ≤ 16 vCPUs burst on network I/O credits "typically
    // from 5 to 60 minutes" (AWS EC2 user guide). Credit: a c5.xlarge measured throttled after 13
    // minutes of burst (D. Vassallo, 2019; A. Wittig's cheat sheet measures ~10 Gbit/s burst):
    // (10 − 1.25) Gbit/s × 780 s = 853 GB above the baseline, each way.
    nicBytesPerSecond: 1.25e9 / 8,
    nicBurstBytesPerSecond: 10e9 / 8,
    nicBurstBytes: ((10e9 - 1.25e9) / 8) * 780,
    // AWS EC2 user guide: single-flow traffic is limited to 5 Gbit/s outside a cluster placement group.
    flowBytesPerSecond: 5e9 / 8,
    // Local NVMe, ~400 MB/s sustained mixed read/write for the xlarge size (assumption, measured
    // ranges for c6gd.xlarge instance store are 350–500 MB/s).
    localStorageBytesPerSecond: 400e6,
    // Same-AZ TCP round trip plus connection set-up: Boxer (CIDR'21) measures < 1 ms.
    networkLatencyMs: 1,
    poolSize: 64,
    priceUsdPerHour: 0.1536,
    // EC2 Linux on-demand: billed in one-second increments with a minimum of 60 seconds (AWS, Oct 2017).
    billing: "per-second",
    minimumBilledSeconds: 60,
  },
  invocation: {
    // SeBS-Flow (EuroSys'25), AWS Step Functions + Lambda: ≈146–197 ms from a stage's last end to
    // the next stage's first start, warm; the midpoint, (146 + 197) / 2 ≈ 172 ms.
    stepMs: 172,
    // Same source: 1–2.6 s when the next functions start cold; the midpoint 1,800 ms less the warm
    // step already paid: 1,628 ms.
    coldStartMs: 1628,
    // Assumption: the pool's functions are deployed and warm (keeping them warm is what a held pool
    // buys); set it for a cold run.
    coldFraction: 0,
    // Assumption: a Step Functions Map state starts a stage's functions together and a function
    // runs one instance, so no slot runs a second instance after the first; a job engine whose
    // workers fetch jobs one at a time pays it per instance (calibrate measures it).
    pickupMs: 0,
  },
  objectStore: {
    name: "s3-standard-like",
    // Bodner et al. 2025: S3 Standard median 27 ms read / 40 ms write for small requests.
    getLatencyMs: 27,
    putLatencyMs: 40,
    // SeBS-Flow (EuroSys'25): ≈41 MB/s marginal object-store read bandwidth per function.
    connectionBytesPerSecond: 41e6,
    // One stream per instance (SeBS-Flow's per-function figure); raise it to read with parallel ranged GETs.
    connectionsPerInstance: 1,
    // AWS SDK for Python transfer manager default: 8 MiB parts (multipart_chunksize = 8388608).
    rangeBytes: 8 * MiB,
    // AWS S3 documentation: 5,500 GET and 3,500 PUT requests per second per prefix.
    readsPerSecond: 5500,
    writesPerSecond: 3500,
    // aggregateBytesPerSecond absent: S3 publishes no bandwidth limit for a bucket; its throughput
    // scales with prefixes and connections and is bound by the per-prefix request rates above
    // (AWS S3 performance guidelines).
    // A fresh bucket is one partition; scaling out to more prefixes takes tens of minutes to hours
    // (Bodner et al. 2025), so a plan counts on one unless told otherwise.
    prefixes: 1,
    // Bodner et al. 2025 / AWS S3 pricing: $0.40 per million GETs, $5 per million PUTs.
    priceUsdPerGet: 0.4e-6,
    priceUsdPerPut: 5e-6,
  },
  cache: {
    name: "elasticache-serverless-like",
    // ElastiCache Serverless scales to 5 TB per cache (AWS launch announcement, Nov 2023); a
    // tighter default of 64 GiB keeps admission a real choice and matches a modest cluster.
    capacityBytes: 64 * GiB,
    // ~5 GB/s aggregate for a small cluster (assumption: 4 nodes × 12.5 Gbit/s r7g.large-class NICs).
    aggregateBytesPerSecond: 5e9,
    // Per-client throughput to a Redis-class node over one connection: ~75 MiB/s, the Lambda
    // per-function network baseline (Bodner et al. 2025), which caps a function, not the node.
    connectionBytesPerSecond: 75 * MiB,
    // Sub-millisecond in-memory access; ~1 ms with connection set-up from a function.
    latencyMs: 1,
    pricing: "serverless",
    // ElastiCache Serverless (Redis OSS) list prices, us-east-1 (AWS announcement, Nov 2023):
    // $0.125 per GB-hour stored; $0.0034 per million ECPUs, 1 ECPU per KB transferred
    // → $0.0034 per ~GB moved.
    priceUsdPerGibHour: 0.125,
    priceUsdPerGibTransferred: 0.0034 * (GiB / 1e9),
    // For pricing "nodes": 4 × cache.r7g.large at $0.219 per node-hour (AWS ElastiCache on-demand
    // pricing, us-east-1, 2024), billed per started hour.
    nodes: 4,
    priceUsdPerNodeHour: 0.219,
  },
  billing: {
    // A self-hosted FaaS pays for the VMs it holds.
    compute: "vm-pool",
    // For compute "function" — AWS Lambda pricing (x86, us-east-1): $0.0000166667 per GB-second,
    // $0.20 per million requests.
    priceUsdPerGbSecond: 0.0000166667,
    priceUsdPerRequest: 0.2e-6,
    minMemoryMb: 128,
    maxMemoryMb: 10240,
    memoryStepMb: 1,
  },
}) as Platform;
