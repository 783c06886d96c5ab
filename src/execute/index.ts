/** The executor and its helpers: run a plan on real backends, start workers and local servers. */
export { execute } from "./execute.js";
export type { ExecuteOptions, RunInput } from "./execute-options.js";
export type { RunReport, StageComparison } from "./report/run-report.js";
export type { MeasuredInstance } from "./report/run-report-types.js";
export { runTraceRows, appendTraceCsv, type TraceDag } from "./report/trace-rows.js";
export type { BackendConfig, BackendConfigInput, ObjectStoreConfig } from "./backend-config.js";
export { BackendError, RunFailedError, ServerUnavailableError, StageFailedError } from "./backend-error.js";
export { startVmWorker } from "./worker/vm-worker.js";
export type { VmWorker, VmWorkerOptions } from "./worker/vm-worker.js";
export { startLocalCluster } from "./worker/local-cluster.js";
export type { LocalCluster, LocalClusterOptions } from "./worker/local-cluster.js";
export { startRedisServer } from "./servers/start-redis.js";
export { startS3rver, S3RVER_CREDENTIALS } from "./servers/start-s3rver.js";
export type { StageIo, UserStageFunction } from "./functions/stage-io.js";
