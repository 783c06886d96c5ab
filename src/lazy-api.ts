/**
 * Public entry points whose implementation loads on first call. Each is async already, so a
 * dynamic `import()` inside changes nothing for callers, while `import("sluice")` no longer
 * compiles the executor (BullMQ clients, servers, worker threads), calibration, the baseline
 * policies and the workflow importers for a program that only plans.
 * Signatures are the implementations' own (`typeof`), so the API cannot drift from them.
 */
type Execute = typeof import("./execute/execute.js").execute;
type StartVmWorker = typeof import("./execute/worker/vm-worker.js").startVmWorker;
type StartLocalCluster = typeof import("./execute/worker/local-cluster.js").startLocalCluster;
type StartRedisServer = typeof import("./execute/servers/start-redis.js").startRedisServer;
type StartS3rver = typeof import("./execute/servers/start-s3rver.js").startS3rver;
type Calibrate = typeof import("./calibrate/calibrate.js").calibrate;
type BaselinePlan = typeof import("./baselines/baseline-plan.js").baselinePlan;
type ImportWorkflow = typeof import("./interop/import-workflow.js").importWorkflow;
type ImportOne = (input: string | object, options?: Parameters<ImportWorkflow>[2]) => ReturnType<ImportWorkflow>;

/** Runs a plan on real backends and measures it (src/execute/execute.ts). */
export const execute: Execute = async (...args) => (await import("./execute/execute.js")).execute(...args);
export const startVmWorker: StartVmWorker = async (...args) => (await import("./execute/worker/vm-worker.js")).startVmWorker(...args);
export const startLocalCluster: StartLocalCluster = async (...args) => (await import("./execute/worker/local-cluster.js")).startLocalCluster(...args);
export const startRedisServer: StartRedisServer = async (...args) => (await import("./execute/servers/start-redis.js")).startRedisServer(...args);
export const startS3rver: StartS3rver = async (...args) => (await import("./execute/servers/start-s3rver.js")).startS3rver(...args);
/** Measures the backends and fits a platform (src/calibrate/calibrate.ts). */
export const calibrate: Calibrate = async (...args) => (await import("./calibrate/calibrate.js")).calibrate(...args);
/** A baseline policy's plan (src/baselines/baseline-plan.ts). */
export const baselinePlan: BaselinePlan = async (...args) => (await import("./baselines/baseline-plan.js")).baselinePlan(...args);
/** A workflow definition of any supported format as a Sluice DAG (src/interop/import-workflow.ts). */
export const importWorkflow: ImportWorkflow = async (...args) => (await import("./interop/import-workflow.js")).importWorkflow(...args);
/** An AWS Step Functions state machine (Amazon States Language) as a Sluice DAG. */
export const importAsl: ImportOne = (input, options) => importWorkflow("asl", input, options);
/** A SeBS-Flow `definition.json` as a Sluice DAG. */
export const importSebsFlow: ImportOne = (input, options) => importWorkflow("sebs-flow", input, options);
/** A CNCF Serverless Workflow DSL 1.0.x document (YAML or JSON) as a Sluice DAG. */
export const importServerlessWorkflow: ImportOne = (input, options) => importWorkflow("serverless-workflow", input, options);

type ReadCsvTraces = typeof import("./traces/read-csv-traces.js").readCsvTraces;
type ReadLambdaTraces = typeof import("./traces/lambda/read-lambda-traces.js").readLambdaTraces;
type ReadTraceTable = typeof import("./traces/read-trace-table.js").readTraceTable;
type ParseCsvTraces = typeof import("./traces/parse-csv-traces.js").parseCsvTraces;
type ParseJsonlTraces = typeof import("./traces/parse-jsonl-traces.js").parseJsonlTraces;
type JoinLambdaTraces = typeof import("./traces/lambda/join-lambda-traces.js").joinLambdaTraces;

/** Trace readers (src/traces; CSV, JSON Lines, JSON arrays): csv-parse and the column mapping load when traces are first read. */
export const readCsvTraces: ReadCsvTraces = async (...args) => (await import("./traces/read-csv-traces.js")).readCsvTraces(...args);
export const readLambdaTraces: ReadLambdaTraces = async (...args) => (await import("./traces/lambda/read-lambda-traces.js")).readLambdaTraces(...args);
export const readTraceTable: ReadTraceTable = async (...args) => (await import("./traces/read-trace-table.js")).readTraceTable(...args);
export const parseCsvTraces: ParseCsvTraces = async (...args) => (await import("./traces/parse-csv-traces.js")).parseCsvTraces(...args);
export const parseJsonlTraces: ParseJsonlTraces = async (...args) => (await import("./traces/parse-jsonl-traces.js")).parseJsonlTraces(...args);
export const joinLambdaTraces: JoinLambdaTraces = async (...args) => (await import("./traces/lambda/join-lambda-traces.js")).joinLambdaTraces(...args);
