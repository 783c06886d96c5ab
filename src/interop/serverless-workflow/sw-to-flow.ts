/**
 * Serverless Workflow DSL 1.0.x → flow graph. A task list becomes a scope whose tasks follow one
 * another unless `then` says otherwise (`continue`, `exit`, `end`, or a task of the same list).
 * call, run, emit and listen tasks are stages; set, wait and raise pass or fail; `if` makes a
 * task skippable; switch picks a branch; do and try nest a list (a try's catch is an error path,
 * dropped); fork runs branches in parallel; for and while repeat their body in sequence.
 * The document is checked against the SDK's schema (see `check-with-sdk.ts`): its complaints
 * are reported, not fatal.
 */
import { issue, show, type Issue } from "../../errors.js";
import type { FlowNode, FlowScope, FlowWorkflow, JsonPath, StageSpec } from "../flow/flow-graph.js";
import { callTarget, runTarget } from "./call-target.js";
import { checkWithSdk } from "./check-with-sdk.js";
import { directive, eventLoop, switchNode, type Ctx } from "./flow-directives.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export const SW_TASK_KEYS = ["call", "run", "emit", "listen", "set", "wait", "raise", "switch", "do", "try", "fork", "for", "while"] as const;

export async function serverlessWorkflowToFlow(doc: unknown, fallbackName: string, issues: Issue[]): Promise<FlowWorkflow> {
  const notes: string[] = [];
  const dropped: Ctx["dropped"] = [];
  const empty: FlowWorkflow = { name: fallbackName, root: { path: ["do"], start: "", startPath: ["do"], nodes: new Map() }, notes, dropped };
  if (!isObj(doc)) {
    issues.push(issue("interop.wrongShape", { path: [], params: { what: "a workflow must be an object" }, expected: "{ document, do }", actual: show(doc) }));
    return empty;
  }
  if (doc.specVersion !== undefined || doc.states !== undefined) {
    issues.push(issue("interop.unsupportedVersion", { path: [doc.specVersion !== undefined ? "specVersion" : "states"], params: { what: "Serverless Workflow 0.x (states, functions) is not read; this importer reads DSL 1.0.x" }, actual: show(doc.specVersion ?? "states") }));
    return empty;
  }
  const meta = isObj(doc.document) ? doc.document : undefined;
  const dsl = typeof meta?.dsl === "number" ? String(meta.dsl) : meta?.dsl;
  if (typeof dsl !== "string" || !/^1\.0(\.\d+)?(-[0-9A-Za-z.-]+)?$/.test(dsl)) {
    issues.push(issue("interop.unsupportedVersion", { path: ["document", "dsl"], params: { what: "unsupported DSL version" }, actual: show(dsl) }));
    return empty;
  }
  notes.push(`DSL ${dsl}`);
  for (const complaint of await checkWithSdk(doc)) notes.push(complaint);
  const use = isObj(doc.use) ? doc.use : {};
  const functions = new Set(isObj(use.functions) ? Object.keys(use.functions) : []);
  for (const key of ["timeout", "schedule", "input", "output", "evaluate"]) if (doc[key] !== undefined) dropped.push({ path: [key], what: key, reason: "does not shape the DAG" });
  const ctx: Ctx = { issues, notes, dropped, functions };
  const name = typeof meta?.name === "string" && meta.name !== "" ? meta.name : fallbackName;
  return { name, root: readList(doc.do, ["do"], ctx), notes, dropped };
}

/** A task list (`[{ name: task }, …]`) as a scope. */
function readList(raw: unknown, path: JsonPath, ctx: Ctx): FlowScope {
  const nodes = new Map<string, FlowNode>();
  // 1.0.0-alpha1 documents wrote a task list as a map of named tasks, in order.
  if (isObj(raw) && Object.keys(raw).length > 0 && Object.values(raw).every(isObj)) {
    ctx.notes.push(`${path.join(".")}: a map of tasks (the 1.0.0-alpha1 form) read as a list in document order`);
    raw = Object.entries(raw).map(([k, v]) => ({ [k]: v }));
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    ctx.issues.push(issue("interop.wrongShape", { path: [...path], params: { what: "a task list must be a non-empty array of { name: task }" }, expected: "[{ taskName: { … } }]", actual: show(raw) }));
    return { path, start: "", startPath: path, nodes };
  }
  const entries: { name: string; task: unknown; path: JsonPath }[] = [];
  raw.forEach((item, i) => {
    const keys = isObj(item) ? Object.keys(item) : [];
    if (!isObj(item) || keys.length !== 1) {
      ctx.issues.push(issue("interop.wrongShape", { path: [...path, i], params: { what: "each entry of a task list names one task" }, expected: "{ taskName: { … } }", actual: show(item) }));
      return;
    }
    entries.push({ name: keys[0]!, task: item[keys[0]!], path: [...path, i, keys[0]!] });
  });
  // A task with `if` is entered through the choice before it: transitions to it go there.
  const entryOf = new Map(entries.map((e) => [e.name, isObj(e.task) && e.task.if !== undefined ? `${e.name} (if)` : e.name]));
  const listCtx: Ctx = { ...ctx, entryOf };
  entries.forEach((e, i) => {
    const following = entries[i + 1] === undefined ? undefined : entryOf.get(entries[i + 1]!.name);
    for (const node of readTask(e.name, e.task, e.path, following, listCtx)) {
      if (nodes.has(node.name)) ctx.issues.push(issue("interop.duplicateTask", { path: [...e.path], actual: show(node.name) }));
      else nodes.set(node.name, node);
    }
  });
  const first = entries[0];
  return { path, start: first === undefined ? "" : entryOf.get(first.name)!, startPath: path, nodes };
}


function readTask(name: string, raw: unknown, path: JsonPath, following: string | undefined, ctx: Ctx): FlowNode[] {
  if (!isObj(raw)) {
    ctx.issues.push(issue("interop.wrongShape", { path: [...path], params: { what: "a task must be an object" }, expected: `an object with one of ${SW_TASK_KEYS.join(", ")}`, actual: show(raw) }));
    return [];
  }
  const flow = directive(raw.then, following, [...path, "then"], ctx);
  // A listen, or an AsyncAPI subscription, may run a task list per event or message it consumes:
  // the stage hands on to a loop over those items.
  const foreach = eventLoop(raw);
  const base = { name, path, ...(foreach === undefined ? flow : { next: [`${name} (foreach)`], nextPaths: [[...path, foreach.key]] }) };
  const task = taskNode(name, raw, path, base, ctx);
  if (task === undefined) return [];
  if (raw.try === undefined && isObj(raw.catch) && raw.catch.do !== undefined) ctx.dropped.push({ path: [...path, "catch", "do"], what: `${name} catch`, reason: "error handler" });
  const loopPath = [...path, ...foreach?.path ?? []];
  const node: FlowNode[] = foreach === undefined ? [task] : [task, { name: `${name} (foreach)`, path: loopPath, ...flow, type: "loop", iterates: "items", what: "for each event or message consumed", body: readList(foreach.do, [...loopPath, "do"], ctx) }];
  if (raw.if === undefined) return node;
  // A task with `if` may be skipped: a choice before it leads to it or to the following task.
  // The last task of a list skips to the list's end: a pass node stands for it.
  const skip = following ?? `${name} (skipped)`;
  const ifNode: FlowNode = { name: `${name} (if)`, path: [...path, "if"], next: [name, skip], nextPaths: [[...path, "if"], [...path, "if"]], type: "choice", what: "if" };
  return following === undefined ? [ifNode, ...node, { name: skip, path: [...path, "if"], next: [], nextPaths: [], type: "pass", what: "skipped" }] : [ifNode, ...node];
}


function stage(base: Omit<FlowNode, "type">, spec: StageSpec): FlowNode {
  return { ...base, type: "stage", stage: spec } as FlowNode;
}

function taskNode(name: string, raw: Obj, path: JsonPath, base: { name: string; path: JsonPath; next: string[]; nextPaths: JsonPath[] }, ctx: Ctx): FlowNode | undefined {
  if (typeof raw.call === "string") return stage(base, callTarget(name, raw.call, raw.with, ctx.functions));
  if (raw.run !== undefined) {
    const spec = typeof raw.run === "string" ? ({ function: raw.run, kind: "function", notes: ["run names a function directly"] } as StageSpec) : runTarget(name, raw.run);
    if (spec !== undefined) return stage(base, spec);
    ctx.issues.push(issue("interop.badValue", { path: [...path, "run"], params: { what: "run needs a container, script, shell or workflow" }, expected: "one of container, script, shell, workflow", actual: show(raw.run) }));
    return undefined;
  }
  if (raw.emit !== undefined) {
    const type = isObj(raw.emit) && isObj(raw.emit.event) && isObj(raw.emit.event.with) ? raw.emit.event.with.type : undefined;
    return stage(base, { function: typeof type === "string" ? `emit:${type}` : `emit:${name}`, kind: "event" });
  }
  if (raw.listen !== undefined) return stage(base, { function: `listen:${name}`, kind: "event", notes: ["waits for events"] });
  if (raw.set !== undefined || raw.wait !== undefined) return { ...base, type: "pass", what: raw.set !== undefined ? "set" : "wait" };
  if (raw.raise !== undefined) return { ...base, next: [], nextPaths: [], type: "fail", what: "raise" };
  if (raw.switch !== undefined) return switchNode(raw.switch, base, path, ctx);
  if (raw.fork !== undefined) {
    const branches = isObj(raw.fork) ? raw.fork.branches : undefined;
    if (!Array.isArray(branches) || branches.length === 0) {
      ctx.issues.push(issue("interop.wrongShape", { path: [...path, "fork", "branches"], params: { what: "a fork needs a non-empty branches list" }, expected: "[{ taskName: { … } }]", actual: show(branches) }));
      return undefined;
    }
    if (isObj(raw.fork) && raw.fork.compete === true) ctx.notes.push(`${name}: branches compete (the first to finish wins); planned as if all run`);
    return { ...base, type: "parallel", branches: branches.map((b, i) => readList([b], [...path, "fork", "branches", i], ctx)) };
  }
  if (raw.for !== undefined) {
    if (!Array.isArray(raw.do)) ctx.issues.push(issue("interop.wrongShape", { path: [...path, "do"], params: { what: "a for task needs a do list" }, expected: "[{ taskName: { … } }]", actual: show(raw.do) }));
    return { ...base, type: "loop", iterates: "items", what: `for each ${isObj(raw.for) ? show(raw.for.each) : "item"}`, body: readList(raw.do, [...path, "do"], ctx) };
  }
  if (raw.while !== undefined && raw.do !== undefined) {
    const max = typeof raw.maxIterations === "number" ? raw.maxIterations : undefined;
    return { ...base, type: "loop", iterates: "condition", what: "while", body: readList(raw.do, [...path, "do"], ctx), ...(max !== undefined ? { maxIterations: max } : {}) };
  }
  if (raw.try !== undefined) {
    if (isObj(raw.catch) && raw.catch.do !== undefined) ctx.dropped.push({ path: [...path, "catch", "do"], what: `${name} catch`, reason: "error handler" });
    return { ...base, type: "parallel", branches: [readList(raw.try, [...path, "try"], ctx)] };
  }
  if (raw.do !== undefined) return { ...base, type: "parallel", branches: [readList(raw.do, [...path, "do"], ctx)] };
  ctx.issues.push(issue("interop.unknownStateType", { path: [...path], params: { known: SW_TASK_KEYS.join(", ") }, actual: show(Object.keys(raw)) }));
  return undefined;
}
