/**
 * The shape of one scope's normal control flow: which nodes are reachable from its start, which
 * loops it has (strongly connected sets of nodes, each legal only if it passes a branch point —
 * a Choice, a switch, an `if`), the acyclic order that remains once each loop's back edges are
 * cut, and which nodes some path from the start to a successful end avoids (they run only on
 * some branches). Pure graph work; no stage is made here.
 */
import type { FlowScope } from "./flow-graph.js";
import { findLoops, type ScopeLoop } from "./find-loops.js";

export interface ScopeGraph {
  readonly reachable: ReadonlySet<string>;
  /** Reachable nodes in a topological order of the acyclic graph (document order breaks ties). */
  readonly order: readonly string[];
  /** Successors once back edges are cut. */
  readonly forward: ReadonlyMap<string, readonly string[]>;
  readonly predecessors: ReadonlyMap<string, readonly string[]>;
  readonly loops: readonly ScopeLoop[];
  /** Nodes that some start-to-end path avoids. */
  readonly conditional: ReadonlySet<string>;
  /** Where the scope ends: reachable nodes with no successor at all (a node that only loops back is not an end). */
  readonly terminals: readonly string[];
}

export function analyseScope(scope: FlowScope): ScopeGraph {
  const nodes = scope.nodes;
  const docIndex = new Map([...nodes.keys()].map((k, i) => [k, i]));
  const succ = (name: string) => [...new Set(nodes.get(name)?.next ?? [])].filter((n) => nodes.has(n));

  // Reachability and back edges by an iterative depth-first search in document order.
  const reachable = new Set<string>();
  const back = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: { name: string; i: number }[] = [{ name: scope.start, i: 0 }];
  state.set(scope.start, "open");
  reachable.add(scope.start);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const next = succ(top.name);
    if (top.i >= next.length) {
      state.set(top.name, "done");
      stack.pop();
      continue;
    }
    const to = next[top.i++]!;
    const s = state.get(to);
    if (s === "open") back.add(`${top.name}\u0000${to}`);
    else if (s === undefined) {
      state.set(to, "open");
      reachable.add(to);
      stack.push({ name: to, i: 0 });
    }
  }

  const forward = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const n of reachable) predecessors.set(n, []);
  for (const n of reachable) {
    const f = succ(n).filter((to) => !back.has(`${n}\u0000${to}`));
    forward.set(n, f);
    for (const to of f) predecessors.get(to)!.push(n);
  }

  const loops = findLoops(reachable, succ, back, nodes, docIndex);

  // Kahn's algorithm, smallest document index first: deterministic for the same document.
  const indegree = new Map([...reachable].map((n) => [n, predecessors.get(n)!.length]));
  const ready = [...reachable].filter((n) => indegree.get(n) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => docIndex.get(a)! - docIndex.get(b)!);
    const n = ready.shift()!;
    order.push(n);
    for (const to of forward.get(n)!) {
      indegree.set(to, indegree.get(to)! - 1);
      if (indegree.get(to) === 0) ready.push(to);
    }
  }

  const terminals = order.filter((n) => succ(n).length === 0);
  return { reachable, order, forward, predecessors, loops, terminals, conditional: avoidable(scope.start, order, forward, terminals, nodes) };
}

/** Nodes that some path from the start to a successful end (a terminal that is not a Fail) avoids; a path that loops back ends nowhere. */
function avoidable(start: string, order: readonly string[], forward: ReadonlyMap<string, readonly string[]>, terminals: readonly string[], nodes: FlowScope["nodes"]): Set<string> {
  const out = new Set<string>();
  const ends = new Set(terminals.filter((n) => nodes.get(n)!.type !== "fail"));
  for (const avoid of order) {
    if (avoid === start) continue;
    const seen = new Set<string>([start]);
    const queue = [start];
    let reached = false;
    while (queue.length > 0 && !reached) {
      const n = queue.pop()!;
      if (ends.has(n)) reached = true;
      for (const to of forward.get(n)!) {
        if (to === avoid || seen.has(to)) continue;
        seen.add(to);
        queue.push(to);
      }
    }
    if (reached) out.add(avoid);
  }
  return out;
}
