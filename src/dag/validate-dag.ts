/**
 * Phase "validate": turns caller input into the internal `Dag`.
 * Pre: anything (unknown JSON). Post: ids unique, edges reference stages, no self-loops, no
 * duplicate edges, acyclic, patterns consistent with any fixed instance counts, inputFraction only
 * on roots, and — when
 * `knownFunctions` is given — every function has a profile. Every problem is reported at once
 * in one InputError with its path.
 */
import { Graph, alg } from "@dagrejs/graphlib";
import { InputError, type Issue, show } from "../errors.js";
import { dagInputSchema } from "./schema.js";
import type { Dag, Edge, Stage } from "./types.js";
import { checkPatternCounts } from "./pattern-counts.js";

export function validateDag(input: unknown, knownFunctions?: ReadonlySet<string>): Dag {
  const parsed = dagInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InputError(
      "Invalid DAG",
      parsed.error.issues.map((i) => ({
        code: i.code === "invalid_type" ? "invalid_type" : "invalid_value",
        path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        message: i.message,
        ...("input" in i && i.input !== undefined ? { actual: show(i.input) } : {}),
      })),
    );
  }
  const raw = parsed.data;
  const issues: Issue[] = [];
  const stageById = new Map<string, Stage>();
  raw.stages.forEach((s, i) => {
    if (stageById.has(s.id)) {
      issues.push({ code: "duplicate", path: ["stages", i, "id"], message: "duplicate stage id", expected: "unique ids", actual: show(s.id) });
      return;
    }
    if (knownFunctions !== undefined && !knownFunctions.has(s.function)) {
      issues.push({
        code: "unknown_reference",
        path: ["stages", i, "function"],
        message: "no profile for this function",
        expected: `one of ${[...knownFunctions].sort().join(", ") || "(none)"}`,
        actual: show(s.function),
      });
    }
    stageById.set(s.id, {
      id: s.id,
      function: s.function,
      ...(s.instances === undefined ? {} : { instances: s.instances }),
      ...(s.inputFraction === undefined ? {} : { inputFraction: s.inputFraction }),
      ...(s.sideInputBytes === undefined ? {} : { sideInputBytes: s.sideInputBytes }),
    });
  });

  const edges: Edge[] = [];
  const rawIndexOfEdge: number[] = [];
  const seen = new Set<string>();
  raw.edges.forEach((e, i) => {
    let ok = true;
    for (const end of ["from", "to"] as const) {
      if (!stageById.has(e[end])) {
        issues.push({ code: "unknown_reference", path: ["edges", i, end], message: "dangling edge: no such stage", expected: "a stage id", actual: show(e[end]) });
        ok = false;
      }
    }
    if (e.from === e.to) {
      issues.push({ code: "cycle", path: ["edges", i], message: "self-loop", expected: "from ≠ to", actual: show(`${e.from}->${e.to}`) });
      ok = false;
    }
    const key = `${e.from}->${e.to}`;
    if (seen.has(key)) {
      issues.push({ code: "duplicate", path: ["edges", i], message: "duplicate edge", expected: "one edge per stage pair", actual: show(key) });
      ok = false;
    }
    seen.add(key);
    if (ok) {
      edges.push({ from: e.from, to: e.to, pattern: e.pattern });
      rawIndexOfEdge.push(i);
    }
  });

  const g = new Graph({ directed: true });
  for (const id of stageById.keys()) g.setNode(id);
  for (const e of edges) g.setEdge(e.from, e.to);
  for (const cycle of alg.findCycles(g)) {
    const names = [...cycle].reverse();
    issues.push({ code: "cycle", path: ["edges"], message: `cycle through ${names.join(" -> ")} -> ${names[0]}`, expected: "an acyclic graph" });
  }

  const incoming = new Map<string, number[]>();
  const outgoing = new Map<string, number[]>();
  for (const id of stageById.keys()) {
    incoming.set(id, []);
    outgoing.set(id, []);
  }
  edges.forEach((e, i) => {
    incoming.get(e.to)!.push(i);
    outgoing.get(e.from)!.push(i);
  });
  raw.stages.forEach((s, i) => {
    if (s.inputFraction !== undefined && (incoming.get(s.id)?.length ?? 0) > 0) {
      issues.push({ code: "contradiction", path: ["stages", i, "inputFraction"], message: "only a root stage reads the app input", expected: "no inputFraction on a stage with inputs", actual: String(s.inputFraction) });
    }
  });
  edges.forEach((e, i) => {
    const issue = checkPatternCounts(e, stageById.get(e.from)!.instances, stageById.get(e.to)!.instances);
    if (issue !== undefined) issues.push({ ...issue, path: ["edges", rawIndexOfEdge[i]!, "pattern"] });
  });

  if (issues.length > 0) throw new InputError("Invalid DAG", issues);
  return {
    name: raw.name,
    stages: [...stageById.values()],
    edges,
    order: alg.topsort(g),
    stageById,
    incoming,
    outgoing,
  };
}
