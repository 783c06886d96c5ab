/**
 * An ASL document as users hold it: the state machine itself, or the JSON that
 * `aws stepfunctions describe-state-machine` prints (`definition` as a string), or a template's
 * `Definition` object. Unwraps to the state machine and reads it as a flow graph.
 */
import { issue, show, type Issue } from "../../errors.js";
import type { FlowWorkflow } from "../flow/flow-graph.js";
import { aslToFlow } from "./asl-to-flow.js";

export function aslDocumentToFlow(doc: unknown, fallbackName: string, issues: Issue[]): FlowWorkflow {
  let machine = doc;
  let name = fallbackName;
  if (machine !== null && typeof machine === "object" && !Array.isArray(machine) && !("States" in machine)) {
    const o = machine as Record<string, unknown>;
    const inner = o.definition ?? o.Definition;
    if (typeof o.name === "string") name = o.name;
    if (typeof inner === "string") {
      try {
        machine = JSON.parse(inner) as unknown;
      } catch (e) {
        issues.push(issue("interop.malformedDocument", { path: ["definition"], params: { format: "JSON", reason: `the definition string: ${e instanceof Error ? e.message : String(e)}` }, actual: show(inner) }));
        return { name, root: { path: [], start: "", startPath: ["StartAt"], nodes: new Map() }, notes: [], dropped: [] };
      }
    } else if (inner !== undefined) machine = inner;
  }
  return aslToFlow(machine, name, issues);
}
