/** The validated, internal form of an app DAG. Built only by `validateDag`; read-only everywhere else. */

export const PATTERNS = ["one-to-one", "scatter", "broadcast", "shuffle", "gather"] as const;
/** How bytes map from the producer's instances to the consumer's. */
export type Pattern = (typeof PATTERNS)[number];

export interface Stage {
  readonly id: string;
  /** The function name that profiles are keyed by. */
  readonly function: string;
  /** Fixed instance count; undefined means "the producer's predicted fanout" (a root: 1). */
  readonly instances?: number;
  /** For a root stage: the share of the app input it reads (undefined: the whole input; 0: none). */
  readonly inputFraction?: number;
  /** Bytes every instance reads from the object store besides its inputs (undefined: none). */
  readonly sideInputBytes?: number;
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
