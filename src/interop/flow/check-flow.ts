/**
 * Structural checks every format shares, run before any stage is made: each scope's start and
 * every named successor exist, and every loop passes a branch point (a cycle of plain Next
 * transitions never ends). Each problem is an issue with the JSON path of the offending field.
 */
import type { Issue } from "../../errors.js";
import { issue, show } from "../../errors.js";
import type { FlowScope } from "./flow-graph.js";
import { analyseScope } from "./scope-graph.js";

export function checkFlow(scope: FlowScope, issues: Issue[]): void {
  if (!scope.nodes.has(scope.start)) {
    issues.push(issue("interop.missingStart", { path: [...scope.startPath], params: { known: [...scope.nodes.keys()].join(", ") || "(none)" }, actual: show(scope.start) }));
    return;
  }
  let targetsOk = true;
  const check = (target: string, path: readonly (string | number)[]) => {
    if (scope.nodes.has(target)) return;
    targetsOk = false;
    issues.push(issue("interop.missingState", { path: [...path], actual: show(target) }));
  };
  for (const node of scope.nodes.values()) {
    node.next.forEach((target, i) => check(target, node.nextPaths[i] ?? node.path));
    if (node.type === "parallel") node.branches.forEach((b) => checkFlow(b, issues));
    if (node.type === "map" || node.type === "loop") checkFlow(node.body, issues);
  }
  for (const t of scope.errorTargets ?? []) check(t.name, t.path);
  if (!targetsOk) return;
  for (const loop of analyseScope(scope).loops) {
    if (loop.via !== undefined) continue;
    const from = scope.nodes.get(loop.backEdge.from)!;
    const i = from.next.indexOf(loop.backEdge.to);
    issues.push(issue("interop.endlessCycle", { path: [...(from.nextPaths[i] ?? from.path)], params: { states: [...loop.nodes, loop.nodes[0]].join(" -> ") }, actual: show(loop.backEdge.to) }));
  }
}
