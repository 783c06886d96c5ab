/**
 * The format-neutral flow graph every importer builds: scopes of named nodes linked by their
 * normal (non-error) transitions. Importers only translate syntax into this shape; the walk in
 * `build-dag.ts` owns the semantics (what becomes a stage, which loops are legal, instance counts).
 */

/** Where a value sits in the source document: `["States", "Map", "ItemProcessor", "States", "Task"]`. */
export type JsonPath = readonly (string | number)[];

/** What kind of work a stage does: a function, a managed service call, an HTTP call, … */
export const STAGE_KINDS = ["function", "service", "http", "activity", "container", "script", "subworkflow", "event", "workflow"] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** Where a count came from: the document itself, a user hint, or a stated default. */
export type CountSource = "document" | "hint" | "default";

export interface Count {
  readonly value: number;
  readonly source: CountSource;
  /** What in the document gave the count (e.g. "MaxConcurrency", "count"). */
  readonly detail: string;
}

export interface StageSpec {
  readonly function: string;
  readonly kind: StageKind;
  /** The task reads its input through the object store (its parameters name a bucket, key or s3:// URI). */
  readonly readsObjectStore?: boolean;
  /** The task writes its output to the object store (e.g. an S3 PutObject integration). */
  readonly writesObjectStore?: boolean;
  /** Runs this many times in sequence on its input (a SeBS `repeat`, a sequential loop over items). */
  readonly repeat?: Count;
  /** Notes for the report (e.g. "waits for a task token"). */
  readonly notes?: readonly string[];
  /** What a state machine exported by Sluice says of this stage: its id, data inputs and counts. */
  readonly declared?: DeclaredStage;
}

export interface DeclaredStage {
  readonly stage: string;
  readonly inputs: readonly { readonly from: string; readonly pattern: string }[];
  readonly repeat?: number;
  readonly inputFraction?: number;
}

interface NodeBase {
  readonly name: string;
  readonly path: JsonPath;
  /** Normal successors, in document order (Next; every Choice target and Default). */
  readonly next: readonly string[];
  /** Where each successor was named, for errors about a missing target. */
  readonly nextPaths: readonly JsonPath[];
}

export type FlowNode =
  | (NodeBase & { readonly type: "stage"; readonly stage: StageSpec })
  /** Passes its input on (Pass, Wait, Set …): no stage. */
  | (NodeBase & { readonly type: "pass"; readonly what: string })
  /** Picks among its successors; loops through a choice are legal. */
  | (NodeBase & { readonly type: "choice"; readonly what: string })
  /** Ends the flow with a failure: nothing flows on. */
  | (NodeBase & { readonly type: "fail"; readonly what: string })
  | (NodeBase & { readonly type: "parallel"; readonly branches: readonly FlowScope[] })
  | (NodeBase & {
      readonly type: "map";
      readonly body: FlowScope;
      /** Concurrency bound from the document (MaxConcurrency; 0 means unbounded), if any. */
      readonly maxConcurrency?: number;
      /** The items come from the object store (a distributed Map's ItemReader). */
      readonly itemsFromObjectStore?: string;
      /** Results go to the object store (a distributed Map's ResultWriter). */
      readonly resultsToObjectStore?: string;
      readonly what: string;
    })
  /** Runs its body in sequence, `repeat` times (a sequential for-each, a while loop). */
  | (NodeBase & { readonly type: "loop"; readonly body: FlowScope; readonly iterates: "items" | "condition"; readonly maxIterations?: number; readonly what: string });

export interface FlowScope {
  readonly path: JsonPath;
  readonly start: string;
  /** Where the start is named (StartAt, root, the first task), for errors about it. */
  readonly startPath: JsonPath;
  readonly nodes: ReadonlyMap<string, FlowNode>;
  /** Nodes reached only through error handlers (Catch), dropped from the DAG and reported. */
  readonly errorTargets?: readonly { readonly name: string; readonly path: JsonPath }[];
}

export interface FlowWorkflow {
  readonly name: string;
  readonly root: FlowScope;
  /** Format-level notes (e.g. "QueryLanguage JSONata"), copied into the report. */
  readonly notes: readonly string[];
  /** Document parts that were read but do not shape the DAG (e.g. timeouts, auth), for the report. */
  readonly dropped: readonly { readonly path: JsonPath; readonly what: string; readonly reason: string }[];
}
