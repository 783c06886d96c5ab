/**
 * Which function each stage runs: a user module when `functions` maps the stage's function name to
 * a path or URL (optionally `#exportName`), else the project's workload of that name. Any other
 * name is an InputError naming the stage. Paths resolve against the working directory; workers on
 * other machines need the module at the same path.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Dag } from "../../dag/types.js";
import { inputErrorOf, issue, type Issue } from "../../errors/index.js";
import { STAGE_FUNCTIONS } from "../../workloads/functions/stage-functions.js";

export type FunctionRef = { readonly kind: "workload"; readonly name: string } | { readonly kind: "module"; readonly url: string; readonly exportName: string };

export function resolveFunctionRefs(dag: Dag, functions: Readonly<Record<string, string>> = {}): Map<string, FunctionRef> {
  const issues: Issue[] = [];
  const out = new Map<string, FunctionRef>();
  for (const s of dag.stages) {
    const given = Object.prototype.hasOwnProperty.call(functions, s.function) ? functions[s.function] : undefined;
    if (given !== undefined) {
      const [where, exportName] = given.split("#", 2) as [string, string | undefined];
      const url = /^[a-z][a-z0-9+.-]*:/i.test(where) ? where : pathToFileURL(path.resolve(where)).href;
      out.set(s.id, { kind: "module", url, exportName: exportName || "default" });
    } else if (Object.prototype.hasOwnProperty.call(STAGE_FUNCTIONS, s.function)) {
      out.set(s.id, { kind: "workload", name: s.function });
    } else {
      issues.push(issue("execute.unknownFunction", { path: ["stages", s.id, "function"], params: { workloads: Object.keys(STAGE_FUNCTIONS).join(", ") }, actual: JSON.stringify(s.function) }));
    }
  }
  if (issues.length > 0) throw inputErrorOf(issues, "Cannot run the DAG");
  return out;
}
