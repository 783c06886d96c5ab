/**
 * What a Serverless Workflow `call` or `run` task does, as a stage: its function name (the key
 * profiles are looked up by) and kind. HTTP calls are named by method and endpoint, OpenAPI by
 * operation, gRPC by service and method, AsyncAPI by operation, custom functions by their name
 * (`name` or a catalog's `name@version`), containers by image, sub-workflows by namespace/name.
 */
import type { StageSpec } from "../flow/flow-graph.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function endpointOf(v: unknown): string | undefined {
  return str(v) ?? (isObj(v) ? str(v.uri) : undefined);
}

export function callTarget(taskName: string, call: string, args: unknown, customFunctions: ReadonlySet<string>): StageSpec {
  const w = isObj(args) ? args : {};
  switch (call) {
    case "http": {
      const endpoint = endpointOf(w.endpoint);
      const method = str(w.method)?.toUpperCase() ?? "GET";
      return { function: endpoint === undefined || endpoint.includes("${") ? `http:${taskName}` : `${method} ${endpoint}`, kind: "http" };
    }
    case "openapi":
      return { function: str(w.operationId) !== undefined ? `openapi:${w.operationId as string}` : `openapi:${taskName}`, kind: "http" };
    case "grpc": {
      const service = isObj(w.service) ? str(w.service.name) : undefined;
      return { function: `grpc:${service ?? "service"}.${str(w.method) ?? taskName}`, kind: "service" };
    }
    case "asyncapi":
      return { function: `asyncapi:${str(w.operation) ?? str(w.channel) ?? taskName}`, kind: "event" };
    case "a2a":
    case "mcp":
      return { function: `${call}:${str(w.method) ?? (isObj(w.tool) ? str(w.tool.name) : undefined) ?? taskName}`, kind: "service" };
    default:
      return { function: call, kind: "function", ...(customFunctions.has(call) ? { notes: ["defined in use.functions"] } : call.includes("@") ? { notes: ["a cataloged function"] } : {}) };
  }
}

export function runTarget(taskName: string, run: unknown): StageSpec | undefined {
  if (!isObj(run)) return undefined;
  if (isObj(run.container)) return { function: str(run.container.image) ?? taskName, kind: "container" };
  if (isObj(run.script)) return { function: `script:${taskName}`, kind: "script", notes: [`${str(run.script.language) ?? "script"} script`] };
  if (isObj(run.shell)) return { function: str(run.shell.command)?.split(/\s+/)[0] ?? taskName, kind: "script", notes: ["shell command"] };
  if (isObj(run.workflow)) {
    const wf = run.workflow;
    return { function: `${str(wf.namespace) ?? "default"}/${str(wf.name) ?? taskName}${str(wf.version) !== undefined ? `@${wf.version as string}` : ""}`, kind: "subworkflow" };
  }
  return undefined;
}
