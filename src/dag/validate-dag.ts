/**
 * Phase "validate": turns caller input into the internal `Dag`.
 * Pre: anything (unknown JSON). Post: within the size limits, no unknown fields, ids unique, edges
 * reference stages, no self-loops, no duplicate edges, acyclic, patterns consistent with any fixed
 * instance counts, inputFraction only on roots, and — when `knownFunctions` is given — every
 * function has a profile. Every problem is reported at once in one InputError with its path.
 * Walks are iterative (graph-walks.ts): a chain of 100,000 stages validates.
 */
import { InputError, issue, parseStrict, show, suggestionParams, type Issue } from "../errors.js";
import { findCycles, buildStageGraph, topologicalOrder } from "./graph-walks.js";
import { checkInstanceCounts, checkRawDagSize, resolveDagLimits, type DagLimits } from "./limits.js";
import { checkPatternCounts } from "./pattern-counts.js";
import { dagInputSchema } from "./schema.js";
import { AUTO_MAX_INSTANCES, type Dag, type Edge, type Stage } from "./types.js";

const DAG_KEYS = { unknownKey: "dag.unknownKey", wrongType: "dag.wrongType", badValue: "dag.badValue" } as const;

export function validateDag(input: unknown, knownFunctions?: ReadonlySet<string>, limits?: Partial<DagLimits>): Dag {
  const bounds = resolveDagLimits(limits);
  const oversized = checkRawDagSize(input, bounds);
  if (oversized.length > 0) throw new InputError("Invalid DAG", oversized);
  const raw = parseStrict(dagInputSchema, input, DAG_KEYS, "Invalid DAG");

  const issues: Issue[] = [];
  const stageById = new Map<string, Stage>();
  const known = knownFunctions === undefined ? undefined : [...knownFunctions].sort();
  raw.stages.forEach((s, i) => {
    if (stageById.has(s.id)) {
      issues.push(issue("dag.duplicateStageId", { path: ["stages", i, "id"], actual: show(s.id) }));
      return;
    }
    if (knownFunctions !== undefined && !knownFunctions.has(s.function)) {
      issues.push(issue("dag.unknownFunction", { path: ["stages", i, "function"], expected: `one of ${known!.join(", ") || "(none)"}`, actual: show(s.function), params: { suggestion: suggestionParams(s.function, known!).suggestion } }));
    }
    const range = s.instances === "auto" ? { min: 1, max: Math.min(AUTO_MAX_INSTANCES, bounds.maxInstances) } : typeof s.instances === "object" ? s.instances : undefined;
    if (range !== undefined && range.min > range.max) issues.push(issue("dag.emptyInstanceRange", { path: ["stages", i, "instances"], actual: `{ min: ${range.min}, max: ${range.max} }` }));
    stageById.set(s.id, {
      id: s.id,
      function: s.function,
      ...(typeof s.instances === "number" ? { instances: s.instances } : {}),
      ...(range === undefined ? {} : { instanceRange: range }),
      ...(s.inputFraction === undefined ? {} : { inputFraction: s.inputFraction }),
      ...(s.sideInputBytes === undefined ? {} : { sideInputBytes: s.sideInputBytes }),
      ...(s.repeat === undefined || s.repeat === 1 ? {} : { repeat: s.repeat }),
      ...(s.memoryMb === undefined ? {} : { memoryMb: s.memoryMb }),
    });
  });
  // An open count is checked at its upper end.
  const fixedCounts = raw.stages.map((s) => (s.instances === undefined || s.instances === "auto" ? 0 : typeof s.instances === "number" ? s.instances : s.instances.max));
  for (const i of checkInstanceCounts(fixedCounts, (i) => ["stages", i, "instances"], bounds)) issues.push(i);

  const edges: Edge[] = [];
  const rawIndexOfEdge: number[] = [];
  // An edge is the pair of its ends' numbers, u · n + v: exact below 2^53, so ids never collide as text would ("a->b" + "c" vs "a" + "b->c").
  const number = new Map<string, number>();
  for (const id of stageById.keys()) number.set(id, number.size);
  const seen = new Set<number>();
  raw.edges.forEach((e, i) => {
    const u = number.get(e.from), v = number.get(e.to);
    if (u === undefined) issues.push(issue("dag.danglingEdge", { path: ["edges", i, "from"], actual: show(e.from) }));
    if (v === undefined) issues.push(issue("dag.danglingEdge", { path: ["edges", i, "to"], actual: show(e.to) }));
    let ok = u !== undefined && v !== undefined;
    if (e.from === e.to) {
      issues.push(issue("dag.selfLoop", { path: ["edges", i], actual: show(`${e.from}->${e.to}`) }));
      ok = false;
    }
    if (u !== undefined && v !== undefined) {
      const pair = u * number.size + v;
      if (seen.has(pair)) {
        issues.push(issue("dag.duplicateEdge", { path: ["edges", i], actual: show(`${e.from}->${e.to}`) }));
        ok = false;
      }
      seen.add(pair);
    }
    if (ok) {
      edges.push({ from: e.from, to: e.to, pattern: e.pattern });
      rawIndexOfEdge.push(i);
    }
  });

  const graph = buildStageGraph([...stageById.keys()], edges);
  for (const cycle of findCycles(graph)) issues.push(issue("dag.cycle", { path: ["edges"], actual: show(cycle.join(" -> ")), params: { cycle: cycle.join(" -> ") } }));

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
    if (s.inputFraction !== undefined && stageById.get(s.id) !== undefined && (incoming.get(s.id)?.length ?? 0) > 0) {
      issues.push(issue("dag.inputFractionNotRoot", { path: ["stages", i, "inputFraction"], actual: String(s.inputFraction) }));
    }
  });
  edges.forEach((e, i) => {
    const found = checkPatternCounts(e, stageById.get(e.from)!.instances, stageById.get(e.to)!.instances, () => ["edges", rawIndexOfEdge[i]!, "pattern"]);
    if (found !== undefined) issues.push(found);
  });

  if (issues.length > 0) throw new InputError("Invalid DAG", issues);
  return {
    name: raw.name,
    stages: [...stageById.values()],
    edges,
    order: topologicalOrder(graph),
    stageById,
    incoming,
    outgoing,
  };
}
