/** The validated, internal form of an app DAG. Built only by `validateDag`; read-only everywhere else. */

export const PATTERNS = ["one-to-one", "scatter", "broadcast", "shuffle", "gather"] as const;
/** How bytes map from the producer's instances to the consumer's. */
export type Pattern = (typeof PATTERNS)[number];

/** The largest count `instances: "auto"` may choose. */
export const AUTO_MAX_INSTANCES = 10_000;

export interface Stage {
  readonly id: string;
  /** The function name that profiles are keyed by. */
  readonly function: string;
  /** Fixed instance count; undefined means "the producer's predicted fanout" (a root: 1), unless the count is open. */
  readonly instances?: number;
  /** An open instance count plan() chooses within (src/plan/sizing); "auto" is 1 to AUTO_MAX_INSTANCES. */
  readonly instanceRange?: { readonly min: number; readonly max: number };
  /** Configured memory of each instance, MB (undefined: the predicted peak, rounded to the platform's step). */
  readonly memoryMb?: number;
  /** For a root stage: the share of the app input it reads (undefined: the whole input; 0: none). */
  readonly inputFraction?: number;
  /** Bytes every instance reads from the object store besides its inputs (undefined: none). */
  readonly sideInputBytes?: number;
  /** Sequential runs per instance, each on 1/repeat of the instance's input (undefined: 1). */
  readonly repeat?: number;
}

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly pattern: Pattern;
}

export interface Dag {
  readonly name: string;
  readonly stages: readonly Stage[];
  readonly edges: readonly Edge[];
  /** Stage ids in a topological order (deterministic for the same input). */
  readonly order: readonly string[];
  readonly stageById: ReadonlyMap<string, Stage>;
  /** Edge indexes into `edges`, by consumer and by producer. */
  readonly incoming: ReadonlyMap<string, readonly number[]>;
  readonly outgoing: ReadonlyMap<string, readonly number[]>;
}

/** `"from->to"`: the key of an edge in maps and messages. */
export function edgeKey(edge: { readonly from: string; readonly to: string }): string {
  return `${edge.from}->${edge.to}`;
}
