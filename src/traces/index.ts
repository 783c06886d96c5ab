export { traceRecordSchema, TRACE_FIELDS, REQUIRED_TRACE_FIELDS, type TraceRecord, type TraceField } from "./trace-record.js";
export type { ReadReport, TraceReadResult, OnInvalidRow } from "./read-report.js";
export { resolveColumns, describeColumns, type ColumnMap, type ColumnSpec, type ValueUnit } from "./column-map.js";
export { parseCsvTraces, type CsvTraceOptions } from "./parse-csv-traces.js";
export { readCsvTraces } from "./read-csv-traces.js";
export { parseLambdaReports, type LambdaReport } from "./parse-lambda-report.js";
export { joinLambdaTraces, type LambdaJoinOptions, type LambdaJoinResult } from "./join-lambda-traces.js";
export { readLambdaTraces } from "./read-lambda-traces.js";
