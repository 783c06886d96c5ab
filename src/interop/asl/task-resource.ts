/**
 * What an ASL Task does, from its Resource and parameters: a Lambda function (by name), an AWS
 * service integration (`service:action`, the optimised `arn:aws:states:::dynamodb:putItem` and the
 * SDK `arn:aws:states:::aws-sdk:s3:listObjectsV2` forms alike), an activity, an HTTP call, or a
 * nested state machine. SAM/CDK `${…}` placeholders are kept as written. Also says whether the
 * task's input or output goes through S3 (bucket/key parameters, S3 reads and writes). The
 * partition may itself be a placeholder (`arn:${Partition}:states:::…`).
 */
import type { DeclaredStage, StageSpec } from "../flow/flow-graph.js";

type Json = unknown;

const S3_WRITES = new Set(["putObject", "copyObject", "uploadPart", "completeMultipartUpload"]);
const S3_READS = new Set(["getObject", "selectObjectContent", "headObject", "listObjectsV2", "listObjects"]);
const CONTAINER_SERVICES = new Set(["ecs", "batch", "eks", "codebuild"]);

/** The function name inside a Lambda ARN (`arn:aws:lambda:r:a:function:name[:alias]`), or the value as written. */
export function lambdaFunctionName(value: string): string {
  const m = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(value);
  return m?.[1] ?? value;
}

/** The value of `key` or `key.$` in an ASL Parameters/Arguments object, as text (a JSONPath or JSONata expression as written). */
function field(params: Json, key: string): string | undefined {
  if (params === null || typeof params !== "object" || Array.isArray(params)) return undefined;
  const o = params as Record<string, Json>;
  const v = o[key] ?? o[`${key}.$`];
  return typeof v === "string" ? v : undefined;
}

/** A value chosen at run time: a JSONPath (`Key.$`), a context path, or a JSONata expression — not a `${placeholder}`. */
function isDynamic(params: Json, key: string): boolean {
  const o = params as Record<string, Json>;
  const v = o[key] ?? o[`${key}.$`];
  return o[`${key}.$`] !== undefined || (typeof v === "string" && /^\s*(\$\.|\$\$|\$\[|\{%)/.test(v));
}

/** Whether the payload names S3 objects: a Bucket/Key pair, an S3 URI, anywhere inside. */
export function mentionsObjectStore(value: Json, depth = 0): boolean {
  if (depth > 12 || value === null || value === undefined) return false;
  if (typeof value === "string") return value.includes("s3://");
  if (Array.isArray(value)) return value.some((v) => mentionsObjectStore(v, depth + 1));
  if (typeof value !== "object") return false;
  const keys = Object.keys(value).map((k) => k.replace(/\.\$$/, "").toLowerCase());
  if (keys.includes("bucket") || keys.includes("s3uri") || keys.includes("s3bucket") || keys.includes("s3object")) return true;
  return Object.values(value as Record<string, Json>).some((v) => mentionsObjectStore(v, depth + 1));
}

/** The route a Sluice export put under `Payload.sluice`, if any: the stage's id, its data inputs and counts. */
export function declaredRoute(params: Json): DeclaredStage | undefined {
  const payload = (params as { Payload?: unknown } | null | undefined)?.Payload;
  const r = (payload as { sluice?: unknown } | null | undefined)?.sluice as Record<string, unknown> | undefined;
  if (r === null || typeof r !== "object" || typeof r.stage !== "string" || !Array.isArray(r.inputs)) return undefined;
  const inputs = r.inputs.flatMap((i: unknown) => {
    const o = i as { from?: unknown; pattern?: unknown } | null;
    return typeof o?.from === "string" && typeof o.pattern === "string" ? [{ from: o.from, pattern: o.pattern }] : [];
  });
  return {
    stage: r.stage,
    inputs,
    ...(typeof r.repeat === "number" ? { repeat: r.repeat } : {}),
    ...(typeof r.inputFraction === "number" ? { inputFraction: r.inputFraction } : {}),
  };
}

export function classifyTask(stateName: string, resource: string, params: Json): StageSpec {
  const spec = classifyResource(stateName, resource, params);
  const declared = declaredRoute(params);
  return declared === undefined ? spec : { ...spec, declared };
}

function classifyResource(stateName: string, resource: string, params: Json): StageSpec {
  const notes: string[] = [];
  let r = resource;
  for (const [suffix, note] of [
    [".waitForTaskToken", "waits for a task token (callback)"],
    [".sync:2", "runs to completion (.sync:2)"],
    [".sync", "runs to completion (.sync)"],
  ] as const) {
    if (r.endsWith(suffix)) {
      r = r.slice(0, -suffix.length);
      notes.push(note);
      break;
    }
  }
  const reads = mentionsObjectStore(params);
  const base = { notes, ...(reads ? { readsObjectStore: true } : {}) };
  const integration = /^arn:[^:]+:states:::(?:aws-sdk:)?([a-z0-9-]+):([A-Za-z0-9]+)$/.exec(r);
  if (integration !== null) {
    const [, service, action] = integration as unknown as [string, string, string];
    if (service === "lambda" && action === "invoke") {
      const fn = field(params, "FunctionName");
      if (fn === undefined) return { function: stateName, kind: "function", ...base, notes: [...notes, "no FunctionName; named after the state"] };
      if (isDynamic(params, "FunctionName")) return { function: stateName, kind: "function", ...base, notes: [...notes, `FunctionName chosen at run time (${fn}); named after the state`] };
      return { function: lambdaFunctionName(fn), kind: "function", ...base };
    }
    if (service === "states" && action.startsWith("startExecution")) return { function: `states:${action}`, kind: "subworkflow", ...base };
    if (service === "http" && action === "invoke") return { function: `http:${field(params, "Method") ?? "invoke"} ${field(params, "ApiEndpoint") ?? stateName}`, kind: "http", ...base };
    if (service === "apigateway") return { function: `apigateway:${action}`, kind: "http", ...base };
    const s3Write = service === "s3" && S3_WRITES.has(action);
    const s3Read = service === "s3" && S3_READS.has(action);
    return {
      function: `${service}:${action}`,
      kind: CONTAINER_SERVICES.has(service) ? "container" : "service",
      ...base,
      ...(s3Read ? { readsObjectStore: true } : {}),
      ...(s3Write ? { writesObjectStore: true } : {}),
    };
  }
  if (/^arn:[^:]+:lambda:/.test(r)) return { function: lambdaFunctionName(r), kind: "function", ...base };
  const activity = /^arn:[^:]+:states:[^:]*:[^:]*:activity:(.+)$/.exec(r);
  if (activity !== null) return { function: activity[1]!, kind: "activity", ...base };
  if (/^\$\{[^}]+\}$/.test(r)) {
    // A template may stand in for the integration's ARN itself (`"Resource": "${LambdaInvoke}"`):
    // with a FunctionName beside it, the function is that one.
    const fn = field(params, "FunctionName");
    if (fn !== undefined && !isDynamic(params, "FunctionName")) return { function: lambdaFunctionName(fn), kind: "function", ...base, notes: [...notes, `Resource ${r} is a template placeholder; read as lambda:invoke of its FunctionName`] };
    return { function: r, kind: "function", ...base, notes: [...notes, "Resource is a template placeholder; assumed a Lambda function"] };
  }
  return { function: r, kind: "service", ...base, notes: [...notes, "Resource not recognised; kept as written"] };
}
