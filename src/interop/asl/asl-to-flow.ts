/**
 * Amazon States Language → flow graph. Reads every state type (Task, Map — inline, legacy
 * Iterator and distributed with ItemReader/ResultWriter —, Parallel, Pass, Wait, Choice,
 * Succeed, Fail), in JSONPath and JSONata states alike. Structural faults (a missing StartAt, an
 * unknown Type, a Task without Resource, a Next that is not a string) are issues with the JSON
 * path of the field; references to missing states are checked later, by `checkFlow`.
 */
import { issue, show, type Issue } from "../../errors.js";
import type { FlowNode, FlowScope, FlowWorkflow, JsonPath } from "../flow/flow-graph.js";
import { classifyTask } from "./task-resource.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export const ASL_STATE_TYPES = ["Task", "Map", "Parallel", "Pass", "Wait", "Choice", "Succeed", "Fail"] as const;

export function aslToFlow(doc: unknown, name: string, issues: Issue[]): FlowWorkflow {
  const notes: string[] = [];
  const dropped: FlowWorkflow["dropped"][number][] = [];
  if (isObj(doc) && doc.QueryLanguage === "JSONata") notes.push("QueryLanguage JSONata (Arguments/Output/Condition read like Parameters/OutputPath/Choices)");
  if (isObj(doc) && doc.TimeoutSeconds !== undefined) dropped.push({ path: ["TimeoutSeconds"], what: "TimeoutSeconds", reason: "a limit, not work" });
  const root = readScope(doc, [], issues, notes);
  return { name, root, notes, dropped };
}

function readScope(raw: unknown, path: JsonPath, issues: Issue[], notes: string[]): FlowScope {
  const nodes = new Map<string, FlowNode>();
  const errorTargets: { name: string; path: JsonPath }[] = [];
  if (!isObj(raw)) {
    issues.push(issue("interop.wrongShape", { path: [...path], params: { what: "a state machine must be a JSON object" }, expected: "{ StartAt, States }", actual: show(raw) }));
    return { path, start: "", startPath: [...path, "StartAt"], nodes };
  }
  if (typeof raw.StartAt !== "string") issues.push(issue("interop.wrongShape", { path: [...path, "StartAt"], params: { what: "StartAt must name the first state" }, expected: "a state name", actual: show(raw.StartAt) }));
  if (!isObj(raw.States)) {
    issues.push(issue("interop.wrongShape", { path: [...path, "States"], params: { what: "States must be an object of named states" }, expected: "an object", actual: show(raw.States) }));
    return { path, start: String(raw.StartAt ?? ""), startPath: [...path, "StartAt"], nodes };
  }
  for (const [name, state] of Object.entries(raw.States)) {
    const node = readState(name, state, [...path, "States", name], issues, notes);
    if (node !== undefined) nodes.set(name, node);
    if (isObj(state) && Array.isArray(state.Catch)) {
      state.Catch.forEach((c, i) => {
        if (isObj(c) && typeof c.Next === "string") errorTargets.push({ name: c.Next, path: [...path, "States", name, "Catch", i, "Next"] });
      });
    }
  }
  return { path, start: typeof raw.StartAt === "string" ? raw.StartAt : "", startPath: [...path, "StartAt"], nodes, errorTargets };
}

function transitions(state: Obj, path: JsonPath, issues: Issue[]): { next: string[]; nextPaths: JsonPath[] } {
  if (state.Next !== undefined) {
    if (typeof state.Next !== "string") {
      issues.push(issue("interop.wrongShape", { path: [...path, "Next"], params: { what: "Next must name a state" }, expected: "a state name", actual: show(state.Next) }));
      return { next: [], nextPaths: [] };
    }
    return { next: [state.Next], nextPaths: [[...path, "Next"]] };
  }
  if (state.End !== true) issues.push(issue("interop.badValue", { path: [...path], params: { what: "a state needs Next or End: true" }, expected: "Next or End", actual: "neither" }));
  return { next: [], nextPaths: [] };
}

function readState(name: string, state: unknown, path: JsonPath, issues: Issue[], notes: string[]): FlowNode | undefined {
  if (!isObj(state)) {
    issues.push(issue("interop.wrongShape", { path: [...path], params: { what: "a state must be an object" }, expected: "{ Type, … }", actual: show(state) }));
    return undefined;
  }
  const type = state.Type;
  const base = { name, path };
  switch (type) {
    case "Task": {
      if (typeof state.Resource !== "string" || state.Resource === "") {
        issues.push(issue("interop.wrongShape", { path: [...path, "Resource"], params: { what: "a Task needs a Resource" }, expected: "an ARN or a ${placeholder}", actual: show(state.Resource) }));
        return undefined;
      }
      return { ...base, ...transitions(state, path, issues), type: "stage", stage: classifyTask(name, state.Resource, state.Parameters ?? state.Arguments) };
    }
    case "Pass":
    case "Wait":
      return { ...base, ...transitions(state, path, issues), type: "pass", what: type };
    case "Succeed":
      return { ...base, next: [], nextPaths: [], type: "pass", what: type };
    case "Fail":
      return { ...base, next: [], nextPaths: [], type: "fail", what: type };
    case "Choice": {
      const next: string[] = [];
      const nextPaths: JsonPath[] = [];
      if (!Array.isArray(state.Choices) || state.Choices.length === 0) {
        issues.push(issue("interop.wrongShape", { path: [...path, "Choices"], params: { what: "a Choice needs a non-empty Choices array" }, expected: "an array of rules", actual: show(state.Choices) }));
      } else {
        state.Choices.forEach((rule, i) => {
          if (isObj(rule) && typeof rule.Next === "string") {
            next.push(rule.Next);
            nextPaths.push([...path, "Choices", i, "Next"]);
          } else issues.push(issue("interop.wrongShape", { path: [...path, "Choices", i, "Next"], params: { what: "a choice rule must name its Next state" }, expected: "a state name", actual: show(isObj(rule) ? rule.Next : rule) }));
        });
      }
      if (typeof state.Default === "string") {
        next.push(state.Default);
        nextPaths.push([...path, "Default"]);
      }
      return { ...base, next, nextPaths, type: "choice", what: "Choice" };
    }
    case "Parallel": {
      if (!Array.isArray(state.Branches) || state.Branches.length === 0) {
        issues.push(issue("interop.wrongShape", { path: [...path, "Branches"], params: { what: "a Parallel state needs a non-empty Branches array" }, expected: "an array of { StartAt, States }", actual: show(state.Branches) }));
        return undefined;
      }
      const branches = state.Branches.map((b, i) => readScope(b, [...path, "Branches", i], issues, notes));
      return { ...base, ...transitions(state, path, issues), type: "parallel", branches };
    }
    case "Map":
      return readMap(state, base, issues, notes);
    default:
      issues.push(issue("interop.unknownStateType", { path: [...path, "Type"], params: { known: ASL_STATE_TYPES.join(", ") }, actual: show(type) }));
      return undefined;
  }
}

function readMap(state: Obj, base: { name: string; path: JsonPath }, issues: Issue[], notes: string[]): FlowNode | undefined {
  const path = base.path;
  const processorKey = state.ItemProcessor !== undefined ? "ItemProcessor" : "Iterator";
  const processor = state[processorKey];
  if (!isObj(processor)) {
    issues.push(issue("interop.wrongShape", { path: [...path, "ItemProcessor"], params: { what: "a Map needs an ItemProcessor (or the legacy Iterator)" }, expected: "{ StartAt, States }", actual: show(processor) }));
    return undefined;
  }
  const config = isObj(processor.ProcessorConfig) ? processor.ProcessorConfig : {};
  const distributed = config.Mode === "DISTRIBUTED";
  const body = readScope(processor, [...path, processorKey], issues, notes);
  const reader = isObj(state.ItemReader) ? state.ItemReader : undefined;
  const writer = isObj(state.ResultWriter) ? state.ResultWriter : undefined;
  const readerResource = typeof reader?.Resource === "string" ? reader.Resource.replace(/^arn:[^:]+:states:::/, "") : undefined;
  const writerResource = writer === undefined ? undefined : typeof writer.Resource === "string" ? writer.Resource.replace(/^arn:[^:]+:states:::/, "") : "ResultWriter";
  const max = typeof state.MaxConcurrency === "number" && Number.isInteger(state.MaxConcurrency) && state.MaxConcurrency >= 0 ? state.MaxConcurrency : undefined;
  if (state.MaxConcurrency !== undefined && max === undefined) notes.push(`${base.name}: MaxConcurrency ${show(state.MaxConcurrency)} is chosen at run time; not used as a count`);
  if (state.MaxConcurrencyPath !== undefined) notes.push(`${base.name}: MaxConcurrencyPath is read at run time; not used as a count`);
  const what = `${distributed ? "distributed" : processorKey === "Iterator" ? "inline (legacy Iterator)" : "inline"} Map${distributed && typeof config.ExecutionType === "string" ? `, ${config.ExecutionType} child executions` : ""}${isObj(state.ItemBatcher) ? ", batched items" : ""}`;
  return {
    ...base,
    ...transitions(state, path, issues),
    type: "map",
    body,
    what,
    ...(max !== undefined ? { maxConcurrency: max } : {}),
    ...(readerResource !== undefined ? { itemsFromObjectStore: readerResource } : {}),
    ...(writerResource !== undefined ? { resultsToObjectStore: writerResource } : {}),
  };
}
