/**
 * Graph walks over stage ids, all iterative (an explicit stack, never recursion) so a chain of
 * any length is walked without overflowing the call stack, and over Maps so an id such as
 * `__proto__` or `constructor` is an ordinary id.
 *
 * The topological order is the one graphlib's `topsort` gives (depth-first from the sinks, in
 * stage order, predecessors in edge order, post-order), kept so plans do not change.
 */

export interface StageGraph {
  /** Stage ids in the DAG's order. */
  readonly ids: readonly string[];
  /** Predecessor and successor ids per stage, each in edge order, without repeats. */
  readonly predecessors: ReadonlyMap<string, readonly string[]>;
  readonly successors: ReadonlyMap<string, readonly string[]>;
}

export function buildStageGraph(ids: readonly string[], edges: readonly { readonly from: string; readonly to: string }[]): StageGraph {
  const predecessors = new Map<string, string[]>(ids.map((id) => [id, []]));
  const successors = new Map<string, string[]>(ids.map((id) => [id, []]));
  const seen = new Map<string, Set<string>>();
  for (const e of edges) {
    const tos = seen.get(e.from) ?? new Set<string>();
    seen.set(e.from, tos);
    if (tos.has(e.to)) continue;
    tos.add(e.to);
    successors.get(e.from)!.push(e.to);
    predecessors.get(e.to)!.push(e.from);
  }
  return { ids, predecessors, successors };
}

/** Stage ids so that every edge goes forward. Pre: the graph is acyclic (check with findCycles first). */
export function topologicalOrder(g: StageGraph): string[] {
  const order: string[] = [];
  const visited = new Set<string>();
  for (const sink of g.ids) {
    if (g.successors.get(sink)!.length > 0 || visited.has(sink)) continue;
    visited.add(sink);
    const stack: [string, number][] = [[sink, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const preds = g.predecessors.get(top[0])!;
      if (top[1] < preds.length) {
        const next = preds[top[1]++]!;
        if (!visited.has(next)) {
          visited.add(next);
          stack.push([next, 0]);
        }
      } else {
        order.push(top[0]);
        stack.pop();
      }
    }
  }
  return order;
}

/** Strongly connected components with more than one stage (Tarjan's algorithm, iteratively). */
function cyclicComponents(g: StageGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const root of g.ids) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v] = top;
      const succ = g.successors.get(v)!;
      if (top[1] < succ.length) {
        const w = succ[top[1]++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1) out.push(component);
      }
    }
  }
  return out;
}

/** The shortest cycle through `start` inside its component (breadth-first), as ids start … start. */
function cycleThrough(g: StageGraph, start: string, members: ReadonlySet<string>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of g.successors.get(v)!) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[path.length - 1] !== start) path.push(parent.get(path[path.length - 1]!)!);
        return [...path.reverse(), start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** One cycle per cyclic component, each starting at the component's first stage in DAG order. */
export function findCycles(g: StageGraph): string[][] {
  const position = new Map(g.ids.map((id, i) => [id, i]));
  return cyclicComponents(g)
    .map((c) => {
      const members = new Set(c);
      const start = c.reduce((a, b) => (position.get(a)! <= position.get(b)! ? a : b));
      return cycleThrough(g, start, members);
    })
    .sort((a, b) => position.get(a[0]!)! - position.get(b[0]!)!);
}
