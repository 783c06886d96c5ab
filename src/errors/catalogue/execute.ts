/** SLU7500–7699: running plans on real backends (execute, sluice run, sluice worker); SLU7700–7799: calibration. */
import type { CatalogueEntry } from "../entry.js";

export const EXECUTE_ERRORS = {
  "execute.redisUnavailable": {
    code: "SLU7501",
    category: "unavailable",
    message: "redis at {url}: {cause}",
    hint: "Start one with `redis-server --port 6379` (Debian: apt-get install -y redis-server), pass its URL (--redis redis://host:port, rediss:// for TLS), or let `sluice run --start-servers` start one.",
  },
  "execute.objectStoreUnavailable": {
    code: "SLU7502",
    category: "unavailable",
    message: "object-store at {url}: {cause}",
    hint: "Start one with `npx s3rver -d /tmp/s3 -p 4568 --configure-bucket sluice` (or `sluice run --start-servers`), or point --s3-endpoint at an S3-compatible store (for AWS S3 leave it out) with credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY and the bucket in --bucket.",
  },
  "execute.cacheUnavailable": {
    code: "SLU7503",
    category: "unavailable",
    message: "cache at {url}: {cause}",
    hint: "Point --cache at a running Redis or Valkey (redis-server --port 6380); at maxmemory, raise it (CONFIG SET maxmemory) or plan with the tier's real capacity (platform cache.capacityBytes) so less is admitted.",
  },
  "execute.noWorkers": {
    code: "SLU7504",
    category: "unavailable",
    message: "workers at {url}: {cause}",
    hint: "Start one worker per VM with `sluice worker --redis URL --vm NAME` (on any machine that reaches the Redis), or let `sluice run --start-workers N` start them on this machine.",
  },
  "execute.redisNotInstalled": {
    code: "SLU7505",
    category: "unavailable",
    message: "cannot start redis-server: {cause}",
    hint: "Install it (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis) or pass the URL of a running server.",
  },
  "execute.s3rverNotInstalled": {
    code: "SLU7506",
    category: "unavailable",
    message: "cannot start s3rver: {cause}",
    hint: "Install it with `npm i -D s3rver` (a dev dependency of this repository), or pass the endpoint of a running S3-compatible store.",
  },
  "execute.instanceFailed": {
    code: "SLU7510",
    category: "data",
    message: "stage {stage} instance {index} failed after {attempts} attempt(s): {cause}",
    hint: "The cause names the function or the backend that failed; a function error is retried with the same inputs and output names (raise --attempts for flaky backends).",
  },
  "execute.runFailed": {
    code: "SLU7511",
    category: "unavailable",
    message: "the run could not finish: {detail}",
    hint: "Check that the workers stay up (sluice worker) and can reach each other, Redis and the object store.",
  },
  "execute.unknownFunction": {
    code: "SLU7512",
    category: "usage",
    message: "no function to run for this stage",
    expected: "a project workload ({workloads}) or an ES module given for it (--function NAME=FILE)",
    hint: "Map the stage's function name to a module exporting (io) => … (see src/execute/functions/stage-io.ts).",
  },
  "execute.noInputGenerator": {
    code: "SLU7513",
    category: "usage",
    message: "no generator for the root function {function}",
    expected: "input bytes, an object key, or a root among {roots}",
    hint: "Pass the input (--input-file FILE, or options.input) for user functions.",
  },
  "execute.instanceCountMismatch": {
    code: "SLU7514",
    category: "data",
    message: "the stage's inputs disagree on its instance count: {detail}",
    hint: "For a shuffle or broadcast every producer instance must write the same number of outputs.",
  },
} as const satisfies Record<string, CatalogueEntry>;

export const CALIBRATE_ERRORS = {
  "calibrate.badSampleRow": {
    code: "SLU7701",
    category: "data",
    message: "bad benchmark row: {reason}",
    expected: "columns backend, operation, object_bytes, concurrency, requests, duration_ms",
    hint: "backend is object-store, cache, direct, local or dispatch; operation get, put, pull, write, read, step or pickup; numbers ≥ 0 (duration > 0).",
  },
  "calibrate.tooFewSamples": {
    code: "SLU7702",
    category: "data",
    message: "nothing to fit: {detail}",
    hint: "Measure more sizes (--sizes) or give the CSV rows at ≥ 2 object sizes per backend and operation.",
  },
} as const satisfies Record<string, CatalogueEntry>;
