/**
 * What the user can tell an importer that the document does not say: how many items a Map or
 * for-each fans out to, how many times a loop runs. Keys are state or task names (or a stage id).
 */
export interface ImportHints {
  /** Instances of a Map / parallel for-each, by state name. Overrides MaxConcurrency. */
  readonly fanout?: Readonly<Record<string, number>>;
  /** Times a loop runs, by the name of any state on it (its Choice, a stage, a loop task). */
  readonly repeat?: Readonly<Record<string, number>>;
  /** Instances of a Map without MaxConcurrency or hint, and items of a sequential for-each. Default 10. */
  readonly defaultFanout?: number;
  /** Runs of a loop closed by a Choice (polling, pagination) without a hint. Default 1. */
  readonly defaultRepeat?: number;
}

export interface ImportOptions {
  readonly hints?: ImportHints;
  /** A name for the DAG; default: the document's own name, else the file name. */
  readonly name?: string;
  /** The file the document came from, for messages and the report. */
  readonly source?: string;
}

/** A stated default: a Map's items are unknown until run time; ten keeps a plan's fan-out visible without inflating it. */
export const DEFAULT_FANOUT = 10;
/** A polling or pagination loop runs at least once; more only when a hint says so. */
export const DEFAULT_REPEAT = 1;

/**
 * Instances of one stage are capped here, however maps nest: Step Functions runs at most 10,000
 * child executions of a distributed Map at once (its MaxConcurrency limit), so nested bounds
 * multiplying past it describe no run that can happen.
 */
export const MAX_STAGE_INSTANCES = 10_000;
