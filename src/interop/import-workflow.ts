/**
 * `importWorkflow(format, text, options)`: a workflow document in a supported format → a Sluice
 * DAG and an import report. Phases: parse → to a flow graph (format-specific) → structural checks
 * → build the DAG → validate it. Any fault throws one InputError listing every issue with its JSON
 * path; nothing is returned half-built.
 */
import type { DagInput } from "../dag/schema.js";
import { validateDag } from "../dag/validate-dag.js";
import { InputError, type Issue } from "../errors.js";
import { buildDag } from "./flow/build-dag.js";
import { checkFlow } from "./flow/check-flow.js";
import type { FlowWorkflow } from "./flow/flow-graph.js";
import type { ImportOptions } from "./hints.js";
import type { ImportFormat, ImportReport } from "./import-report.js";
import { parseDocument } from "./parse-document.js";

export interface ImportResult {
  readonly dag: DagInput;
  readonly report: ImportReport;
}

export type ToFlow = (doc: unknown, fallbackName: string, issues: Issue[]) => FlowWorkflow | Promise<FlowWorkflow>;

const LOADERS: Readonly<Record<ImportFormat, () => Promise<ToFlow>>> = {
  asl: async () => (await import("./asl/asl-document.js")).aslDocumentToFlow,
  "sebs-flow": async () => (await import("./sebs-flow/sebs-to-flow.js")).sebsToFlow,
  "serverless-workflow": async () => (await import("./serverless-workflow/sw-to-flow.js")).serverlessWorkflowToFlow,
};

const FORMAT_TITLES: Readonly<Record<ImportFormat, string>> = { asl: "an Amazon States Language state machine", "sebs-flow": "a SeBS-Flow definition", "serverless-workflow": "a Serverless Workflow document" };

/** The file's base name without extensions such as `.asl.json` or `.sw.yaml`: the DAG's fallback name. */
export function nameFromSource(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source;
  return base.replace(/(\.(asl|sw|definition))?\.(json|ya?ml)$/i, "") || "workflow";
}

/** Imports a document given as text (JSON or YAML) or as an already-parsed value. */
export async function importWorkflow(format: ImportFormat, input: string | object, options: ImportOptions = {}): Promise<ImportResult> {
  const source = options.source ?? "(input)";
  const doc = typeof input === "string" ? await parseDocument(input, source) : input;
  const issues: Issue[] = [];
  const toFlow = await LOADERS[format]();
  const flow = await toFlow(doc, options.name ?? nameFromSource(source), issues);
  if (issues.length === 0) checkFlow(flow.root, issues);
  if (issues.length > 0) throw new InputError(`Cannot import ${source} as ${FORMAT_TITLES[format]}`, issues);
  const named = options.name !== undefined ? { ...flow, name: options.name } : flow;
  const { dag, report } = buildDag(named, format, source, options.hints);
  validateDag(dag);
  return { dag, report };
}
