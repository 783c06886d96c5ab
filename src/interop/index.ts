/** Interop's public surface: one import function per format, the export, the history reader, the schemas. */
import type { ImportOptions } from "./hints.js";
import { importWorkflow, type ImportResult } from "./import-workflow.js";

/** An AWS Step Functions state machine (Amazon States Language, JSON or YAML text, or a parsed object) as a Sluice DAG. */
export function importAsl(input: string | object, options?: ImportOptions): Promise<ImportResult> {
  return importWorkflow("asl", input, options);
}

/** A SeBS-Flow `definition.json` as a Sluice DAG. */
export function importSebsFlow(input: string | object, options?: ImportOptions): Promise<ImportResult> {
  return importWorkflow("sebs-flow", input, options);
}

/** A CNCF Serverless Workflow DSL 1.0.x document (YAML or JSON) as a Sluice DAG. */
export function importServerlessWorkflow(input: string | object, options?: ImportOptions): Promise<ImportResult> {
  return importWorkflow("serverless-workflow", input, options);
}

export { importWorkflow, type ImportResult } from "./import-workflow.js";
export type { ImportHints, ImportOptions } from "./hints.js";
export { DEFAULT_FANOUT, DEFAULT_REPEAT, MAX_STAGE_INSTANCES } from "./hints.js";
export { IMPORT_FORMATS, formatImportReport, type ImportFormat, type ImportReport, type ReportedStage, type ReportedEdge, type ReportedLoop, type ReportedItem, type Carrier } from "./import-report.js";
export { planToAsl, type AslExportOptions } from "./export/plan-to-asl.js";
export { readExecutionHistory, type HistoryReadOptions, type HistoryReadResult, type StateRun } from "./history/read-execution-history.js";
export { jsonSchema, schemaFiles, SCHEMA_NAMES, type SchemaName } from "./schemas/json-schemas.js";
export { planSchema } from "./schemas/plan-schema.js";
