/**
 * The nodes of a scope that normal transitions never reach, each with why: an error handler (a
 * Catch or failure target), a state after one (on an error path), or a state nothing leads to.
 * They are dropped from the DAG and listed in the import report.
 */
import { formatJsonPath, type ReportedItem } from "../import-report.js";
import type { FlowScope } from "./flow-graph.js";

export function unreachableNodes(scope: FlowScope, reachable: ReadonlySet<string>): ReportedItem[] {
  const handlers = new Set((scope.errorTargets ?? []).map((t) => t.name));
  const errorPath = new Set(handlers);
  for (const queue = [...handlers]; queue.length > 0; ) {
    for (const to of scope.nodes.get(queue.pop()!)?.next ?? []) {
      if (errorPath.has(to)) continue;
      errorPath.add(to);
      queue.push(to);
    }
  }
  const out: ReportedItem[] = [];
  for (const [name, node] of scope.nodes) {
    if (reachable.has(name)) continue;
    const reason = handlers.has(name) ? "error handler (reached only when a state fails)" : errorPath.has(name) ? "on an error path (after an error handler)" : "not reached from the start";
    out.push({ path: formatJsonPath(node.path), what: name, reason });
  }
  return out;
}
