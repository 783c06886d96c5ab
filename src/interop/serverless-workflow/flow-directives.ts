/**
 * Serverless Workflow flow directives: where `then` leads (`continue` to the following task,
 * `exit` and `end` out of the list, or a named task of the same list — entered through its `if`
 * when it has one), a switch's cases (a missing default goes on as the task's own `then` says),
 * and the per-item list a listen or an AsyncAPI subscription runs (`foreach`).
 */
import { issue, show, type Issue } from "../../errors.js";
import type { FlowNode, JsonPath } from "../flow/flow-graph.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export interface Ctx {
  readonly issues: Issue[];
  readonly notes: string[];
  readonly dropped: { path: JsonPath; what: string; reason: string }[];
  readonly functions: ReadonlySet<string>;
  /** The node a transition to a task of the current list enters (its `if` choice, when it has one). */
  readonly entryOf?: ReadonlyMap<string, string>;
}

export /** Where a flow directive leads: the following task, nowhere (exit/end), or a named task. */
function directive(then: unknown, following: string | undefined, path: JsonPath, ctx: Ctx): { next: string[]; nextPaths: JsonPath[] } {
  if (then === undefined || then === "continue") return following === undefined ? { next: [], nextPaths: [] } : { next: [following], nextPaths: [path] };
  if (then === "exit" || then === "end") {
    if (then === "end" && path.length > 4) ctx.notes.push(`${path.join(".")}: "then: end" inside a nested list ends the workflow; planned as leaving the list`);
    return { next: [], nextPaths: [] };
  }
  if (typeof then !== "string") {
    ctx.issues.push(issue("interop.wrongShape", { path: [...path], params: { what: "then must be continue, exit, end or a task name" }, expected: "a string", actual: show(then) }));
    return { next: [], nextPaths: [] };
  }
  return { next: [ctx.entryOf?.get(then) ?? then], nextPaths: [path] };
}

export function switchNode(raw: unknown, base: { name: string; path: JsonPath; next: string[]; nextPaths: JsonPath[] }, path: JsonPath, ctx: Ctx): FlowNode | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    ctx.issues.push(issue("interop.wrongShape", { path: [...path, "switch"], params: { what: "a switch needs a non-empty list of cases" }, expected: "[{ caseName: { when, then } }]", actual: show(raw) }));
    return undefined;
  }
  const next: string[] = [];
  const nextPaths: JsonPath[] = [];
  let hasDefault = false;
  raw.forEach((item, i) => {
    const caseName = isObj(item) ? Object.keys(item)[0] : undefined;
    const c = caseName !== undefined ? (item as Obj)[caseName] : undefined;
    if (!isObj(c)) {
      ctx.issues.push(issue("interop.wrongShape", { path: [...path, "switch", i], params: { what: "a switch case is { caseName: { when?, then } }" }, expected: "an object", actual: show(item) }));
      return;
    }
    if (c.when === undefined) hasDefault = true;
    const d = directive(c.then, base.next[0], [...path, "switch", i, caseName!, "then"], ctx);
    next.push(...d.next);
    nextPaths.push(...d.nextPaths);
  });
  // No default case: when nothing matches, the flow goes on as the task's own `then` says.
  if (!hasDefault) {
    next.push(...base.next);
    nextPaths.push(...base.nextPaths);
  }
  return { ...base, next, nextPaths, type: "choice", what: "switch" };
}

export /** The per-item task list of a listen task (`foreach`) or an AsyncAPI subscription (`with.subscription.foreach`). */
function eventLoop(raw: Obj): { key: string; path: JsonPath; do: unknown } | undefined {
  if (isObj(raw.foreach) && raw.foreach.do !== undefined) return { key: "foreach", path: ["foreach"], do: raw.foreach.do };
  const sub = isObj(raw.with) && isObj(raw.with.subscription) ? raw.with.subscription : undefined;
  if (raw.call === "asyncapi" && isObj(sub?.foreach) && sub.foreach.do !== undefined) return { key: "with", path: ["with", "subscription", "foreach"], do: sub.foreach.do };
  return undefined;
}
