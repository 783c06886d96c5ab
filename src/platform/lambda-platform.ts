/**
 * Public AWS Lambda as overrides of the default platform. Each function instance runs in its own
 * microVM, so the "VM" is one instance (one slot) whose NIC is the function's token-bucket network
 * (Bodner et al. 2025: ~300 MiB of credit each way, bursts up to ~1.2 GiB/s, then ~75 MiB/s, the
 * same at every memory size); the "pool" is the account's concurrency (1,000 by default, AWS Lambda
 * quotas). Compute is billed per GB-second and invocation. Functions cannot address each other, so
 * only `remote` and `cache` — unless a direct-networking layer is added (Boxer, CIDR'21):
 * `resolvePlatform({ ...AWS_LAMBDA_OVERRIDES, modes: ["direct", "remote", "cache"] })`, where a
 * direct sender serves every receiver through its own bucket.
 */
import type { PlatformOverrides } from "./schema.js";

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

export const AWS_LAMBDA_OVERRIDES: PlatformOverrides = Object.freeze<PlatformOverrides>({
  name: "aws lambda (public FaaS, S3 Standard, ElastiCache Serverless)",
  modes: ["remote", "cache"],
  vm: {
    type: "lambda-function",
    cores: 1,
    memoryMb: 10240,
    nicBytesPerSecond: 75 * MiB,
    nicBurstBytesPerSecond: 1.2 * GiB,
    nicBurstBytes: 300 * MiB,
    poolSize: 1000,
    priceUsdPerHour: 0,
  },
  billing: { compute: "function" },
});
