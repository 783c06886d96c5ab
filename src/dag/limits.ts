/**
 * Explicit size limits, so a huge input is a named error rather than an out-of-memory crash or a
 * run that never ends. The defaults plan a 100,000-stage chain; each can be raised per call
 * (options.limits) or per command (--max-stages, --max-edges, --max-instances).
 */
import { issue, show, type Issue } from "../errors.js";

export interface DagLimits {
  readonly maxStages: number;
  readonly maxEdges: number;
  /** Instances of one stage (fixed in the DAG or predicted from a fanout). */
  readonly maxInstances: number;
  /** Instances summed over the DAG. */
  readonly maxTotalInstances: number;
}

export const DEFAULT_DAG_LIMITS: DagLimits = {
  maxStages: 100_000,
  maxEdges: 400_000,
  maxInstances: 100_000,
  maxTotalInstances: 10_000_000,
};

export function resolveDagLimits(limits: Partial<DagLimits> | undefined): DagLimits {
  return { ...DEFAULT_DAG_LIMITS, ...limits };
}

/** Checked on the raw input before it is parsed, so an oversized DAG costs nothing to reject. */
export function checkRawDagSize(input: unknown, limits: DagLimits): Issue[] {
  if (typeof input !== "object" || input === null) return [];
  const { stages, edges } = input as { stages?: unknown; edges?: unknown };
  const issues: Issue[] = [];
  if (Array.isArray(stages) && stages.length > limits.maxStages) {
    issues.push(issue("dag.tooManyStages", { path: ["stages"], actual: `${stages.length} stages`, params: { limit: limits.maxStages } }));
  }
  if (Array.isArray(edges) && edges.length > limits.maxEdges) {
    issues.push(issue("dag.tooManyEdges", { path: ["edges"], actual: `${edges.length} edges`, params: { limit: limits.maxEdges } }));
  }
  return issues;
}

/** Instance counts over the limits: per stage (at `pathOf(index)`) and summed. */
export function checkInstanceCounts(counts: readonly number[], pathOf: (index: number) => readonly (string | number)[], limits: DagLimits): Issue[] {
  const issues: Issue[] = [];
  let total = 0;
  counts.forEach((instances, i) => {
    total += instances;
    if (instances > limits.maxInstances) issues.push(issue("dag.tooManyInstances", { path: pathOf(i), actual: show(instances), params: { limit: limits.maxInstances } }));
  });
  if (total > limits.maxTotalInstances) issues.push(issue("dag.tooManyTotalInstances", { path: ["stages"], actual: `${total} instances`, params: { limit: limits.maxTotalInstances } }));
  return issues;
}
