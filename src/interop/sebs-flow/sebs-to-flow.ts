/**
 * SeBS-Flow `definition.json` → flow graph. The format of the serverless workflow benchmark suite:
 * `{ root, states }`, each state one of task (`func_name`, `next`, `failure`), switch (`cases` of
 * `{ var, op, val, next }`, `default`), map (over `array`, running either `func_name` or a nested
 * `{ root, states }`), repeat (`func_name` run `count` times in sequence), loop (`func_name` run once
 * per element of `array`, in sequence) and parallel (`parallel_functions`: named states, or a list
 * of `{ root, states }` sub-workflows).
 */
import { issue, show, type Issue } from "../../errors.js";
import type { FlowNode, FlowScope, FlowWorkflow, JsonPath } from "../flow/flow-graph.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export const SEBS_STATE_TYPES = ["task", "switch", "map", "repeat", "loop", "parallel"] as const;

export function sebsToFlow(doc: unknown, name: string, issues: Issue[]): FlowWorkflow {
  const notes: string[] = [];
  return { name, root: readScope(doc, [], issues, notes), notes, dropped: [] };
}

function readScope(raw: unknown, path: JsonPath, issues: Issue[], notes: string[]): FlowScope {
  const nodes = new Map<string, FlowNode>();
  const errorTargets: { name: string; path: JsonPath }[] = [];
  if (!isObj(raw)) {
    issues.push(issue("interop.wrongShape", { path: [...path], params: { what: "a SeBS-Flow definition must be an object" }, expected: "{ root, states }", actual: show(raw) }));
    return { path, start: "", startPath: [...path, "root"], nodes };
  }
  if (typeof raw.root !== "string") issues.push(issue("interop.wrongShape", { path: [...path, "root"], params: { what: "root must name the first state" }, expected: "a state name", actual: show(raw.root) }));
  if (!isObj(raw.states)) {
    issues.push(issue("interop.wrongShape", { path: [...path, "states"], params: { what: "states must be an object of named states" }, expected: "an object", actual: show(raw.states) }));
    return { path, start: String(raw.root ?? ""), startPath: [...path, "root"], nodes };
  }
  for (const [stateName, state] of Object.entries(raw.states)) {
    const node = readState(stateName, state, [...path, "states", stateName], issues, notes);
    if (node !== undefined) nodes.set(stateName, node);
    if (isObj(state) && typeof state.failure === "string") errorTargets.push({ name: state.failure, path: [...path, "states", stateName, "failure"] });
  }
  return { path, start: typeof raw.root === "string" ? raw.root : "", startPath: [...path, "root"], nodes, errorTargets };
}

function nextOf(state: Obj, path: JsonPath, issues: Issue[]): { next: string[]; nextPaths: JsonPath[] } {
  if (state.next === undefined || state.next === null) return { next: [], nextPaths: [] };
  if (typeof state.next !== "string") {
    issues.push(issue("interop.wrongShape", { path: [...path, "next"], params: { what: "next must name a state" }, expected: "a state name", actual: show(state.next) }));
    return { next: [], nextPaths: [] };
  }
  return { next: [state.next], nextPaths: [[...path, "next"]] };
}

function funcName(state: Obj, path: JsonPath, issues: Issue[]): string | undefined {
  if (typeof state.func_name === "string" && state.func_name !== "") return state.func_name;
  issues.push(issue("interop.wrongShape", { path: [...path, "func_name"], params: { what: `a ${String(state.type)} state needs func_name` }, expected: "a function name", actual: show(state.func_name) }));
  return undefined;
}

/** A scope holding one stage: the body of a map or loop that names `func_name` directly. */
function singleStage(stateName: string, fn: string, path: JsonPath): FlowScope {
  return { path, start: stateName, startPath: path, nodes: new Map([[stateName, { name: stateName, path, next: [], nextPaths: [], type: "stage", stage: { function: fn, kind: "function" } } as FlowNode]]) };
}

function readState(stateName: string, state: unknown, path: JsonPath, issues: Issue[], notes: string[]): FlowNode | undefined {
  if (!isObj(state)) {
    issues.push(issue("interop.wrongShape", { path: [...path], params: { what: "a state must be an object" }, expected: "{ type, … }", actual: show(state) }));
    return undefined;
  }
  const base = { name: stateName, path };
  switch (state.type) {
    case "task": {
      const fn = funcName(state, path, issues);
      return fn === undefined ? undefined : { ...base, ...nextOf(state, path, issues), type: "stage", stage: { function: fn, kind: "function" } };
    }
    case "repeat": {
      const fn = funcName(state, path, issues);
      const count = state.count;
      if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
        issues.push(issue("interop.badValue", { path: [...path, "count"], params: { what: "a repeat state runs its function count times" }, expected: "an integer ≥ 1", actual: show(count) }));
        return undefined;
      }
      return fn === undefined ? undefined : { ...base, ...nextOf(state, path, issues), type: "stage", stage: { function: fn, kind: "function", repeat: { value: count, source: "document", detail: "count" } } };
    }
    case "loop": {
      const fn = funcName(state, path, issues);
      if (fn === undefined) return undefined;
      return { ...base, ...nextOf(state, path, issues), type: "loop", iterates: "items", what: `loop over ${show(state.array)}`, body: singleStage(stateName, fn, path) };
    }
    case "switch": {
      const next: string[] = [];
      const nextPaths: JsonPath[] = [];
      if (!Array.isArray(state.cases)) issues.push(issue("interop.wrongShape", { path: [...path, "cases"], params: { what: "a switch needs a cases array" }, expected: "[{ var, op, val, next }]", actual: show(state.cases) }));
      else
        state.cases.forEach((c, i) => {
          if (isObj(c) && typeof c.next === "string") {
            next.push(c.next);
            nextPaths.push([...path, "cases", i, "next"]);
          } else issues.push(issue("interop.wrongShape", { path: [...path, "cases", i, "next"], params: { what: "a case must name its next state" }, expected: "a state name", actual: show(isObj(c) ? c.next : c) }));
        });
      if (typeof state.default === "string") {
        next.push(state.default);
        nextPaths.push([...path, "default"]);
      }
      return { ...base, next, nextPaths, type: "choice", what: "switch" };
    }
    case "map": {
      if (typeof state.common_params === "string") notes.push(`${stateName}: every item also receives ${state.common_params}`);
      const body = state.states !== undefined ? readScope(state, path, issues, notes) : (() => {
        const fn = funcName(state, path, issues);
        return fn === undefined ? undefined : singleStage(stateName, fn, path);
      })();
      return body === undefined ? undefined : { ...base, ...nextOf(state, path, issues), type: "map", body, what: `map over ${show(state.array)}` };
    }
    case "parallel": {
      const pf = state.parallel_functions;
      let branches: FlowScope[] | undefined;
      if (Array.isArray(pf) && pf.length > 0) branches = pf.map((b, i) => readScope(b, [...path, "parallel_functions", i], issues, notes));
      else if (isObj(pf) && Object.keys(pf).length > 0)
        branches = Object.entries(pf).map(([branchName, s]) => {
          const node = readState(branchName, s, [...path, "parallel_functions", branchName], issues, notes);
          return { path: [...path, "parallel_functions", branchName], start: branchName, startPath: [...path, "parallel_functions", branchName], nodes: new Map(node === undefined ? [] : [[branchName, node]]) };
        });
      if (branches === undefined) {
        issues.push(issue("interop.wrongShape", { path: [...path, "parallel_functions"], params: { what: "a parallel state needs parallel_functions" }, expected: "named states, or a list of { root, states }", actual: show(pf) }));
        return undefined;
      }
      return { ...base, ...nextOf(state, path, issues), type: "parallel", branches };
    }
    default:
      issues.push(issue("interop.unknownStateType", { path: [...path, "type"], params: { known: SEBS_STATE_TYPES.join(", ") }, actual: show(state.type) }));
      return undefined;
  }
}
