/**
 * Graph walks over stages, all iterative (an explicit stack, never recursion) so a chain of any
 * length is walked without overflowing the call stack. Stages are numbered once (ids through a
 * Map, so `__proto__` or `constructor` is an ordinary id) and the walks run on those numbers.
 *
 * The topological order is the one graphlib's `topsort` gave (depth-first from the sinks, in
 * stage order, predecessors in edge order, post-order), kept so plans do not change.
 */

export interface StageGraph {
  /** Stage ids in the DAG's order; a stage's number is its index here. */
  readonly ids: readonly string[];
  /** Predecessor and successor numbers per stage, each in edge order. */
  readonly predecessors: readonly (readonly number[])[];
  readonly successors: readonly (readonly number[])[];
}

/** Pre: every edge's ends are among `ids`, and no edge repeats (validateDag drops repeats first). */
export function buildStageGraph(ids: readonly string[], edges: readonly { readonly from: string; readonly to: string }[]): StageGraph {
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const predecessors: number[][] = ids.map(() => []);
  const successors: number[][] = ids.map(() => []);
  for (const e of edges) {
    const u = index.get(e.from)!, v = index.get(e.to)!;
    successors[u]!.push(v);
    predecessors[v]!.push(u);
  }
  return { ids, predecessors, successors };
}

/** Stage ids so that every edge goes forward. Pre: the graph is acyclic (check with findCycles first). */
export function topologicalOrder(g: StageGraph): string[] {
  const n = g.ids.length;
  const order: string[] = [];
  const visited = new Uint8Array(n);
  const stackNode = new Int32Array(n);
  const stackNext = new Int32Array(n);
  for (let sink = 0; sink < n; sink++) {
    if (g.successors[sink]!.length > 0 || visited[sink]) continue;
    visited[sink] = 1;
    let depth = 0;
    stackNode[0] = sink;
    stackNext[0] = 0;
    while (depth >= 0) {
      const v = stackNode[depth]!;
      const preds = g.predecessors[v]!;
      if (stackNext[depth]! < preds.length) {
        const next = preds[stackNext[depth]!++]!;
        if (!visited[next]) {
          visited[next] = 1;
          stackNode[++depth] = next;
          stackNext[depth] = 0;
        }
      } else {
        order.push(g.ids[v]!);
        depth--;
      }
    }
  }
  return order;
}

/** Strongly connected components with more than one stage (Tarjan's algorithm, iteratively), as stage numbers. */
function cyclicComponents(g: StageGraph): number[][] {
  const n = g.ids.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const workNode = new Int32Array(n);
  const workNext = new Int32Array(n);
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    workNode[0] = root;
    workNext[0] = 0;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (depth >= 0) {
      const v = workNode[depth]!;
      const succ = g.successors[v]!;
      if (workNext[depth]! < succ.length) {
        const w = succ[workNext[depth]!++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          workNode[++depth] = w;
          workNext[depth] = 0;
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      depth--;
      if (depth >= 0) {
        const parent = workNode[depth]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1) out.push(component);
      }
    }
  }
  return out;
}

/** The shortest cycle through `start` inside its component (breadth-first), as numbers start … start. */
function cycleThrough(g: StageGraph, start: number, members: ReadonlySet<number>): number[] {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of g.successors[v]!) {
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

/** One cycle per cyclic component, as ids, each starting at the component's first stage in DAG order. */
export function findCycles(g: StageGraph): string[][] {
  return cyclicComponents(g)
    .map((c) => {
      const start = c.reduce((a, b) => (a < b ? a : b));
      return cycleThrough(g, start, new Set(c));
    })
    .sort((a, b) => a[0]! - b[0]!)
    .map((cycle) => cycle.map((i) => g.ids[i]!));
}
